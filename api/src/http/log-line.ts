// Log lines a caller cannot forge: every field that comes from a request (its path) or from an
// error (a message, a stack) is escaped, so one request is one line whatever it sends, and a log
// reader can split a line on spaces. A path is logged as the client sent it, percent-encoded (not
// as Hono decodes it, where %0A is a newline); anything else outside printable ASCII is escaped.
import type { Context } from 'hono';
import { isWellFormedText } from '@bridgework/core';
import type { AppEnv } from './app-env.ts';

const MAX_PATH = 300;
const MAX_MESSAGE = 4000;

/**
 * The request path as sent, without the query string (which can carry search words), with every
 * byte outside printable ASCII and every space percent-encoded: one field, never two lines.
 */
export function loggedPath(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming;
  let target = incoming?.url ?? c.req.url;
  // A full URL (app.request, or an absolute-form request target): keep the path.
  const scheme = target.indexOf('://');
  if (scheme >= 0 && scheme < target.indexOf('/')) {
    const start = target.indexOf('/', scheme + 3);
    target = start < 0 ? '/' : target.slice(start);
  }
  const end = target.search(/[?#]/);
  return escapeField(end < 0 ? target : target.slice(0, end), MAX_PATH);
}

/**
 * Percent-encodes what could end a field or a line: controls, spaces, DEL, non-ASCII. Node hands
 * over the request target's bytes as latin1 characters, so a character below U+0100 is its byte.
 */
export function escapeField(value: string, max = MAX_PATH): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  if (!/[^\x21-\x7e]/.test(cut)) return cut;
  return cut.replace(/[^\x21-\x7e]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x100) return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    // A lone surrogate has no UTF-8 form: logged as U+FFFD.
    return isWellFormedText(ch) ? encodeURIComponent(ch) : '%EF%BF%BD';
  });
}

/**
 * Free text (an error message and stack) as the end of a line: control characters, line breaks
 * included, and the other C1 and bidi controls as `\n`, `\xHH` or `\uHHHH`, so a stack is one line.
 */
export function escapeText(value: string, max = MAX_MESSAGE): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\\]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The line for a fault of the server: its request id, method, path and the error's stack, on one line. */
export function faultLine(requestId: string, method: string, path: string, error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return `ERROR ${escapeField(requestId, 64)} ${escapeField(method, 20)} ${path}: ${escapeText(text)}`;
}
