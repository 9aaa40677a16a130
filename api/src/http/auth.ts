// API keys and roles. A key arrives as `Authorization: Bearer <key>` or `X-API-Key: <key>`; it is
// hashed and compared in constant time with every configured key's hash, so neither the timing
// of one comparison nor how many were made tells a caller anything about a key.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { sha256, type ApiKey, type Role } from '../config.ts';
import type { AppEnv } from './app-env.ts';
import { requestHeader } from './node-request.ts';
import { HttpError } from './problems.ts';

/**
 * Who may call a route. `open`: anyone (health, docs). `read`: framework reads and analyses of
 * inline profiles, open unless public read is switched off. `counsellor`: profiles. `admin`:
 * importing and deleting frameworks. An admin key may do everything.
 */
export type Access = 'open' | 'read' | 'counsellor' | 'admin';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="bridgework"' };

/** The role of the key, or undefined when no configured key matches. */
export function roleOfKey(keys: readonly ApiKey[], presented: string): Role | undefined {
  const digest = sha256(presented);
  let role: Role | undefined;
  for (const key of keys) {
    // No early exit: every configured key is compared whatever matched.
    if (timingSafeEqual(digest, key.digest) && role === undefined) role = key.role;
  }
  return role;
}

function presentedKey(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  if (authorization !== undefined) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (!match) throw new HttpError('auth.invalid_key', 'the Authorization header must be "Bearer <key>"', [], CHALLENGE);
    return match[1];
  }
  return apiKey?.trim() || undefined;
}

export function authorize(access: Access, keys: readonly ApiKey[], publicRead: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = presentedKey(requestHeader(c, 'authorization'), requestHeader(c, 'x-api-key'));
    if (key !== undefined) {
      const role = roleOfKey(keys, key);
      if (role === undefined) throw new HttpError('auth.invalid_key', 'the API key is not one this server knows', [], CHALLENGE);
      c.set('role', role);
    }
    if (access === 'open' || (access === 'read' && publicRead)) return next();
    requireRole(c.get('role'), access === 'admin' ? 'admin' : 'counsellor', keys.length === 0);
    return next();
  };
}

/** Throws 401 without a key and 403 when the key's role is not enough. */
export function requireRole(role: Role | undefined, needed: Role, noKeysConfigured = false, why?: string): void {
  if (role === undefined) {
    const reason = why ?? `this route needs ${needed === 'admin' ? 'an admin' : 'a counsellor'} API key`;
    const hint = noKeysConfigured ? '; no keys are configured on this server (BRIDGEWORK_API_KEYS)' : '';
    throw new HttpError('auth.missing_key', `${reason}: send "Authorization: Bearer <key>"${hint}`, [], CHALLENGE);
  }
  if (needed === 'admin' && role !== 'admin') {
    throw new HttpError('auth.forbidden', `${why ?? 'this route'} needs an admin key; this key has the ${role} role`);
  }
}
