// What every web page shares: the language, the security headers, access under the server's
// read policy, rendering a JSX tree as a whole document, and errors shown as a page (never as
// problem+json, which a person in a browser cannot read).
import type { Context, Handler } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BridgeworkError } from '@bridgework/core';
import type { ApiConfig } from '../config.ts';
import { roleOfKey } from '../http/auth.ts';
import type { AppEnv } from '../http/app-env.ts';
import { faultLine, loggedPath } from '../http/log-line.ts';
import { HttpError, toProblem } from '../http/problems.ts';
import type { BridgeworkService } from '@bridgework/service';
import type { CompiledFramework } from '@bridgework/service';
import { i18n, localeOf, type I18n } from './i18n.ts';
import { Layout, type NavItem } from './components/layout.tsx';

export interface WebDeps {
  service: BridgeworkService;
  config: ApiConfig;
}

export interface PageInput {
  c: Context<AppEnv>;
  t: I18n;
  deps: WebDeps;
  /** The default framework, compiled (loaded on first use). */
  framework(): Promise<CompiledFramework>;
}

export interface PageOptions {
  title: string;
  nav?: NavItem;
  status?: ContentfulStatusCode;
  /** For pages reached by POST: where the language switch leads (a GET page). */
  switchPath?: string;
}

// Pages and assets come from this server only; SVG attributes (not inline styles) draw the bars.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export function page(deps: WebDeps, render: (input: PageInput) => Promise<Response>): Handler<AppEnv> {
  return async (c) => {
    const t = i18n(localeOf(c));
    c.header('content-security-policy', CSP);
    c.header('referrer-policy', 'no-referrer');
    // The profile is in the address and on the page: no shared cache keeps a copy.
    c.header('cache-control', 'no-store');
    c.header('vary', 'cookie, accept-language');
    let compiled: Promise<CompiledFramework> | undefined;
    const input: PageInput = { c, t, deps, framework: () => (compiled ??= deps.service.compiled()) };
    try {
      checkAccess(c, deps.config);
      return await render(input);
    } catch (error) {
      return errorPage(input, error);
    }
  };
}

/** A full HTML document in the page layout. */
export async function html(input: PageInput, options: PageOptions, body: Child): Promise<Response> {
  const { c, t } = input;
  let framework: { name: string; version: string } | undefined;
  try {
    const data = (await input.framework()).index.data.framework;
    framework = { name: data.name, version: data.version };
  } catch {
    framework = undefined;
  }
  const doc = (
    <Layout t={t} title={options.title} switchHref={switchHref(c, t, options.switchPath)} {...(options.nav ? { nav: options.nav } : {})} {...(framework ? { framework } : {})}>
      {body}
    </Layout>
  );
  return c.html('<!doctype html>\n' + String(doc), options.status ?? 200);
}

/** The current address with `lang` set to the other language. */
function switchHref(c: Context, t: I18n, path?: string): string {
  const url = new URL(c.req.url);
  const query = path === undefined ? new URLSearchParams(url.search) : new URLSearchParams();
  query.set('lang', t.locale === 'en' ? 'fr' : 'en');
  return `${path ?? url.pathname}?${query.toString()}`;
}

/**
 * The pages run analyses of profiles they are given, which the API calls "read" access: open
 * unless public read is switched off, and then only with a key a proxy in front may add.
 */
function checkAccess(c: Context<AppEnv>, config: ApiConfig): void {
  if (config.publicRead) return;
  const header = c.req.header('authorization');
  const bearer = header !== undefined ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1] : undefined;
  const key = bearer ?? c.req.header('x-api-key')?.trim();
  if (key === undefined || key === '' || roleOfKey(config.apiKeys, key) === undefined) {
    throw new HttpError('auth.missing_key', 'the web app needs public read (BRIDGEWORK_PUBLIC_READ) or a key added by a proxy');
  }
}

async function errorPage(input: PageInput, error: unknown): Promise<Response> {
  const { c, t } = input;
  const requestId = c.get('requestId') ?? '-';
  const { problem, fault, headers } = toProblem(error, c.req.path, requestId);
  // e.g. `connection: close` after a body too large to read to the end.
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  if (fault) input.deps.config.log(faultLine(requestId, c.req.method, loggedPath(c), error));
  const e = t.m.errors;
  const code = problem.code;
  const message =
    code === 'occupation.not_found'
      ? e.occupationNotFound
      : code === 'occupation.ambiguous'
        ? e.occupationAmbiguous
        : code === 'request.too_large'
          ? e.tooLarge
          : code === 'auth.missing_key' || code === 'auth.invalid_key'
            ? e.keyRequired
            : code === 'framework.not_found' || code === 'service.not_ready'
              ? e.notReady
              : fault
                ? e.internal(requestId)
                : e.invalid;
  const known = error instanceof BridgeworkError || error instanceof HttpError;
  return html(
    input,
    { title: e.title, status: problem.status as ContentfulStatusCode },
    <>
      <h1>{e.title}</h1>
      <p class="error-message">{message}</p>
      {known && !fault ? (
        <details>
          <summary>{e.technical}</summary>
          <p>
            <code>{problem.code}</code>: {problem.detail}
          </p>
          {problem.errors.length > 0 ? (
            <ul>
              {problem.errors.map((issue) => (
                <li>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
      <p>
        <a href="/">{e.home}</a>
      </p>
    </>,
  );
}
