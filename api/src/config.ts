// The server's configuration: read once from the environment (or given directly by tests and the
// CLI), parsed into plain values so nothing below reads process.env.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { BridgeworkError } from '@bridgework/core';
import { loadServiceSettings, type ServiceSettings } from '@bridgework/service';
import { DEFAULT_ORGANIZATION, DEFAULT_PROFILE_QUOTA } from '@bridgework/store';

export type Role = 'admin' | 'counsellor';
export const ROLES: readonly Role[] = ['admin', 'counsellor'];

export interface ApiKey {
  role: Role;
  /** SHA-256 of the key: the key itself is not kept, and comparisons run over equal-length digests. */
  digest: Buffer;
  /**
   * The organization whose profiles the key may use: given as `counsellor@org:key`; a counsellor
   * key without one belongs to the `default` organization, an admin key to none.
   */
  organization?: string;
}

/** The service's settings (database, default framework, start-up imports) and the server's own. */
export interface ApiConfig extends ServiceSettings {
  port: number;
  /** Interface to listen on; undefined listens on all of them. */
  host?: string;
  apiKeys: ApiKey[];
  /** Whether framework reads and analyses of inline profiles need no key. */
  publicRead: boolean;
  /** Profiles an organization may hold when it is created without a quota (and the env keys' organizations). Default 1000. */
  profileQuota?: number;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** How long a client may take to send a whole request (headers and body), in ms; then 408. Default 60 s. */
  requestTimeoutMs?: number;
  /** How long a write waits for a lock another connection holds, in ms; then 503. Default 5 s. */
  lockTimeoutMs?: number;
  /** Folders the import endpoint may read from; undefined allows any path (the CLI). */
  importRoots?: string[];
  /** One line per request and the start-up report; never bodies or query strings. */
  log: (line: string) => void;
  /**
   * Server processes sharing the port (node:cluster); 1, the default, serves from this process.
   * Scoring is synchronous, so one process uses one core.
   */
  workers?: number;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;

type Env = Record<string, string | undefined>;

/**
 * Reads the configuration from environment variables (docs/api.md lists them). Throws
 * `request.invalid` naming the variable when one cannot be understood: a server that guesses at
 * its keys or limits is worse than one that does not start.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): ApiConfig {
  const host = nonEmpty(env.HOST);
  const roots = nonEmpty(env.BRIDGEWORK_IMPORT_ROOTS);
  return {
    port: parsePort(env.PORT),
    ...(host !== undefined ? { host } : {}),
    ...loadServiceSettings(env, cwd),
    apiKeys: parseApiKeys(env.BRIDGEWORK_API_KEYS),
    publicRead: parseBoolean(env.BRIDGEWORK_PUBLIC_READ, 'BRIDGEWORK_PUBLIC_READ', true),
    profileQuota: parseCount(env.BRIDGEWORK_PROFILE_QUOTA, 'BRIDGEWORK_PROFILE_QUOTA', DEFAULT_PROFILE_QUOTA),
    bodyLimit: parseByteSize(env.BRIDGEWORK_BODY_LIMIT, 'BRIDGEWORK_BODY_LIMIT', DEFAULT_BODY_LIMIT),
    requestTimeoutMs: parseSeconds(env.BRIDGEWORK_REQUEST_TIMEOUT, 'BRIDGEWORK_REQUEST_TIMEOUT', DEFAULT_REQUEST_TIMEOUT_MS),
    lockTimeoutMs: parseSeconds(env.BRIDGEWORK_LOCK_TIMEOUT, 'BRIDGEWORK_LOCK_TIMEOUT', DEFAULT_LOCK_TIMEOUT_MS),
    // The import endpoint reads files on the server: by default only under the working directory.
    importRoots: roots === undefined ? [cwd] : roots.split(',').map((r) => resolve(cwd, r.trim())).filter((r) => r !== ''),
    log: (line) => process.stdout.write(line + '\n'),
    workers: parseWorkers(env.BRIDGEWORK_WORKERS),
  };
}

/** A count of processes, or `auto` for one per core. */
function parseWorkers(value: string | undefined): number {
  const v = nonEmpty(value)?.toLowerCase();
  if (v === undefined) return 1;
  if (v === 'auto') return availableParallelism();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw configError('BRIDGEWORK_WORKERS', `"${value}" must be a number of processes (1-64) or auto`);
  return n;
}

/**
 * `admin:<key>,counsellor:<key>`, with an organization as `counsellor@<org>:<key>`; several keys
 * per role are allowed (one per person or client). Keys made through the API (POST /v1/keys) are
 * kept in the database instead.
 */
export function parseApiKeys(value: string | undefined): ApiKey[] {
  if (nonEmpty(value) === undefined) return [];
  return value!.split(',').map((entry, i) => {
    const colon = entry.indexOf(':');
    const [role, organization] = entry.slice(0, colon).trim().split('@') as [string, string | undefined];
    const key = entry.slice(colon + 1).trim();
    if (colon < 0 || !(ROLES as readonly string[]).includes(role)) {
      throw configError('BRIDGEWORK_API_KEYS', `entry ${i + 1} must be "<role>[@<organization>]:<key>" with role admin or counsellor`);
    }
    if (organization !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(organization)) {
      throw configError('BRIDGEWORK_API_KEYS', `entry ${i + 1}: organization "${organization}" must be lower-case letters, digits and dashes`);
    }
    if (key.length < 8) throw configError('BRIDGEWORK_API_KEYS', `entry ${i + 1} (${role}): a key needs at least 8 characters`);
    const org = organization ?? (role === 'counsellor' ? DEFAULT_ORGANIZATION : undefined);
    return { role: role as Role, digest: sha256(key), ...(org !== undefined ? { organization: org } : {}) };
  });
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function parsePort(value: string | undefined): number {
  if (nonEmpty(value) === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw configError('PORT', `"${value}" is not a port number (0-65535)`);
  return port;
}

function parseCount(value: string | undefined, variable: string, fallback: number): number {
  const v = nonEmpty(value);
  if (v === undefined) return fallback;
  if (!/^\d{1,7}$/.test(v) || Number(v) > 1_000_000) throw configError(variable, `"${v}" must be a whole number from 0 to 1000000`);
  return Number(v);
}

/** Seconds, e.g. `60` or `2.5`, as milliseconds. */
function parseSeconds(value: string | undefined, variable: string, fallback: number): number {
  const v = nonEmpty(value);
  if (v === undefined) return fallback;
  const seconds = /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (!(seconds >= 0.1 && seconds <= 3600)) throw configError(variable, `"${v}" must be a number of seconds from 0.1 to 3600`);
  return Math.round(seconds * 1000);
}

function parseBoolean(value: string | undefined, variable: string, fallback: boolean): boolean {
  const v = nonEmpty(value)?.toLowerCase();
  if (v === undefined) return fallback;
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw configError(variable, `"${value}" must be true or false`);
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1000, kib: 1024, mb: 1000 ** 2, mib: 1024 ** 2 };

/** Bytes, or a size with a unit: `65536`, `512KiB`, `2MiB`, `1mb`. */
export function parseByteSize(value: string | undefined, variable: string, fallback: number): number {
  const v = nonEmpty(value);
  if (v === undefined) return fallback;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(v);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw configError(variable, `"${v}" is not a size (e.g. 1048576, 512KiB, 2MiB)`);
  return bytes;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function configError(variable: string, message: string): BridgeworkError {
  return new BridgeworkError('request.invalid', `${variable}: ${message}`, [{ where: variable, message }]);
}

/** What the store is opened with. */
export function storeOptions(config: ApiConfig): { lockTimeoutMs?: number } {
  return config.lockTimeoutMs !== undefined ? { lockTimeoutMs: config.lockTimeoutMs } : {};
}
