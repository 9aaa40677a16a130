// Which language a page is in, and the helpers that put data in it: `?lang=` (remembered in a
// cookie), else the cookie, else the browser's Accept-Language, else English. Every UI string
// lives in messages/en.ts and messages/fr.ts; framework data carries its own French labels.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { CompetencyRef, LocalizedText, OccupationRef } from '@bridgework/core';
import { en, type Messages } from './messages/en.ts';
import { fr } from './messages/fr.ts';

export type UiLocale = 'en' | 'fr';
export const UI_LOCALES: readonly UiLocale[] = ['en', 'fr'];
const MESSAGES: Record<UiLocale, Messages> = { en, fr };
const COOKIE = 'bridgework_lang';

export interface I18n {
  locale: UiLocale;
  m: Messages;
  /** 0.72 -> "72%" ("72 %" in French). */
  percent(share: number): string;
  /** A plain number with at most `digits` decimals, in the locale's notation. */
  number(value: number, digits?: number): string;
  /** An occupation's title in the page's language (English when the framework has no French). */
  occupation(o: OccupationRef): string;
  competency(c: CompetencyRef): string;
  text(t: LocalizedText): string;
}

export function isUiLocale(value: unknown): value is UiLocale {
  return value === 'en' || value === 'fr';
}

/** Resolves the page's language; a `?lang=` choice is kept in a cookie for the next pages. */
export function localeOf(c: Context): UiLocale {
  const asked = c.req.query('lang');
  if (isUiLocale(asked)) {
    setCookie(c, COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600, httpOnly: true });
    return asked;
  }
  const remembered = getCookie(c, COOKIE);
  if (isUiLocale(remembered)) return remembered;
  return fromAcceptLanguage(c.req.header('accept-language'));
}

/** The first of en/fr the browser lists (quality values respected); English otherwise. */
export function fromAcceptLanguage(header: string | undefined): UiLocale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.q > 0 && Number.isFinite(x.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.find((x) => isUiLocale(x.lang))?.lang as UiLocale | undefined ?? 'en';
}

export function i18n(locale: UiLocale): I18n {
  const tag = locale === 'fr' ? 'fr-CA' : 'en-CA';
  const percentFormat = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const fr = locale === 'fr';
  return {
    locale,
    m: MESSAGES[locale],
    percent: (share) => percentFormat.format(share),
    number: (value, digits = 2) => {
      let format = numberFormats.get(digits);
      if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(tag, { maximumFractionDigits: digits })));
      return format.format(value);
    },
    occupation: (o) => (fr && o.titleFr ? o.titleFr : o.title),
    competency: (c) => (fr && c.labelFr ? c.labelFr : c.label),
    text: (t) => (fr && t.fr ? t.fr : t.en),
  };
}
