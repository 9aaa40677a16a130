// The page frame every view shares: landmarks (header, nav, main, footer), a skip link, the
// language switch, and the one stylesheet and script, both served by our own routes.
import type { Child } from 'hono/jsx';
import type { I18n } from '../i18n.ts';

export type NavItem = 'find' | 'compare' | 'cohort';

export interface LayoutProps {
  t: I18n;
  /** The page's own title; the site name is appended. */
  title: string;
  nav?: NavItem;
  /** The same page in the other language. */
  switchHref: string;
  framework?: { name: string; version: string };
  children?: Child;
}

export function Layout({ t, title, nav, switchHref, framework, children }: LayoutProps) {
  const { m } = t;
  const other = t.locale === 'en' ? 'fr' : 'en';
  const item = (key: NavItem, href: string, label: string) => (
    <li>
      <a href={href} aria-current={nav === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <html lang={m.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${m.appName}`}</title>
        <link rel="stylesheet" href="/assets/style.css" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.layout.skip}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <p class="brand">
              <a href="/">{m.appName}</a>
              <span class="tagline">{m.tagline}</span>
            </p>
            <a class="lang-switch" href={switchHref} lang={other} hreflang={other} aria-label={m.layout.switchLanguageLabel}>
              {m.layout.switchLanguage}
            </a>
          </div>
          <nav class="wrap site-nav" aria-label={m.layout.nav}>
            <ul>
              {item('find', '/', m.nav.find)}
              {item('compare', '/compare', m.nav.compare)}
              {item('cohort', '/cohort', m.nav.cohort)}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {framework ? `${m.layout.footer(framework.name, framework.version)} ` : ''}
              {m.layout.privacy} <a href="/docs">{m.layout.apiLink}</a>
            </p>
          </div>
        </footer>
        <svg class="defs" aria-hidden="true" focusable="false" width="0" height="0">
          <defs>
            <pattern id="stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" class="stripe-bg" />
              <rect width="2" height="6" class="stripe-fg" />
            </pattern>
          </defs>
        </svg>
      </body>
    </html>
  );
}

export type Step = 'occupation' | 'profile' | 'results' | 'plan';

/** The counsellor's four steps, with links back to those already taken. */
export function Steps({ t, current, hrefs }: { t: I18n; current: Step; hrefs: Partial<Record<Step, string>> }) {
  const order: Step[] = ['occupation', 'profile', 'results', 'plan'];
  return (
    <nav aria-label={t.m.steps.label} class="steps">
      <ol>
        {order.map((step) => {
          const href = hrefs[step];
          const label = t.m.steps[step];
          return (
            <li class={step === current ? 'current' : undefined}>
              {step === current ? (
                <span aria-current="step">{label}</span>
              ) : href ? (
                <a href={href}>{label}</a>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
