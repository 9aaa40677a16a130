// API keys, roles and organizations. A key arrives as `Authorization: Bearer <key>` or
// `X-API-Key: <key>`. Keys of BRIDGEWORK_API_KEYS are hashed and compared in constant time with
// every configured key's hash, so neither the timing of one comparison nor how many were made
// tells a caller anything about a key; other keys are looked up in the store by their SHA-256
// (keys made through POST /v1/keys, revocable). A key belongs to an organization (an admin key
// may belong to none): profiles are that organization's, and only its.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { BridgeworkService } from '@bridgework/service';
import type { ProfileScope } from '@bridgework/store';
import { sha256, type ApiKey, type Role } from '../config.ts';
import type { AppEnv, Principal } from './app-env.ts';
import { requestHeader } from './node-request.ts';
import { HttpError } from './problems.ts';

/**
 * Who may call a route. `open`: anyone (health, docs). `read`: framework reads and analyses of
 * inline profiles, open unless public read is switched off. `counsellor`: profiles, with a key
 * of an organization (a counsellor key, or an admin key given one). `admin`: importing and
 * deleting frameworks, organizations, keys and the audit log.
 */
export type Access = 'open' | 'read' | 'counsellor' | 'admin';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="bridgework"' };

/** The role of the key, or undefined when no configured key matches. */
export function roleOfKey(keys: readonly ApiKey[], presented: string): Role | undefined {
  return configuredKey(keys, presented)?.key.role;
}

/** The configured key matching `presented` and its position (1-based), or undefined. */
function configuredKey(keys: readonly ApiKey[], presented: string): { key: ApiKey; n: number } | undefined {
  const digest = sha256(presented);
  let found: { key: ApiKey; n: number } | undefined;
  keys.forEach((key, i) => {
    // No early exit: every configured key is compared whatever matched.
    if (timingSafeEqual(digest, key.digest) && found === undefined) found = { key, n: i + 1 };
  });
  return found;
}

function presentedKey(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  if (authorization !== undefined) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (!match) throw new HttpError('auth.invalid_key', 'the Authorization header must be "Bearer <key>"', [], CHALLENGE);
    return match[1];
  }
  return apiKey?.trim() || undefined;
}

export function authorize(access: Access, keys: readonly ApiKey[], publicRead: boolean, service: BridgeworkService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = presentedKey(requestHeader(c, 'authorization'), requestHeader(c, 'x-api-key'));
    if (key !== undefined) {
      const principal = await principalOf(key, keys, service);
      if (principal === undefined) throw new HttpError('auth.invalid_key', 'the API key is not one this server knows', [], CHALLENGE);
      c.set('principal', principal);
      c.set('role', principal.role);
    }
    if (access === 'open' || (access === 'read' && publicRead)) return next();
    if (access === 'counsellor') organizationOf(c.get('principal'), keys.length === 0);
    else requireRole(c.get('role'), access === 'admin' ? 'admin' : 'counsellor', keys.length === 0);
    return next();
  };
}

async function principalOf(key: string, keys: readonly ApiKey[], service: BridgeworkService): Promise<Principal | undefined> {
  const configured = configuredKey(keys, key);
  if (configured) {
    const { key: k, n } = configured;
    return { actor: `env:${n}`, role: k.role, ...(k.organization !== undefined ? { organization: k.organization } : {}) };
  }
  // A stored key's secret starts with bwk_; anything else is not one, and costs no lookup.
  if (!key.startsWith('bwk_')) return undefined;
  const stored = await service.authenticate(key);
  return stored && { actor: stored.id, role: stored.role, ...(stored.organization !== undefined ? { organization: stored.organization } : {}) };
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

/**
 * The organization whose profiles the caller may use: 401 without a key, 403 for a key of no
 * organization (an admin key that manages the server but holds no case files).
 */
export function organizationOf(principal: Principal | undefined, noKeysConfigured = false, why?: string): string {
  if (principal === undefined) requireRole(undefined, 'counsellor', noKeysConfigured, why);
  if (principal!.organization === undefined) {
    throw new HttpError(
      'auth.forbidden',
      `${why ?? 'this route'} needs a key of an organization: profiles belong to one; this ${principal!.role} key belongs to none (POST /v1/keys makes a counsellor key of an organization)`,
    );
  }
  return principal!.organization;
}

/** Who the request acts for and as, on a profile: for the store's scope and its audit log. */
export function profileScope(c: Context<AppEnv>, why?: string): ProfileScope {
  const principal = c.get('principal');
  const organization = organizationOf(principal, false, why);
  return { organization, actor: principal!.actor, requestId: c.get('requestId') };
}
