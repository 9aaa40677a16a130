// One entry for every caller (server, cluster, CLI, bench): the database setting picks the driver,
// and only that driver's module, with its database library, is loaded.
import { BridgeworkError } from '@bridgework/core';
import { parseDatabaseUrl } from './database-url.ts';
import type { BridgeworkStore } from './store.ts';

export interface OpenStoreOptions {
  /** The clock for importedAt, createdAt and updatedAt; tests pass a fixed one. */
  now?: () => Date;
  /**
   * How long a write waits for a lock another connection holds (SQLite's write lock, PostgreSQL's
   * lock on the profiles table for an erasure), in ms, before it fails with a 503. Default 5000.
   */
  lockTimeoutMs?: number;
}

/**
 * Opens the store a database setting names (see parseDatabaseUrl) and brings its schema up to
 * date. Throws `store.failed` for a setting it cannot use or a database it cannot open, and a
 * StoreUnavailableError when a PostgreSQL server cannot be reached.
 */
export async function openStore(database: string, options: OpenStoreOptions = {}): Promise<BridgeworkStore> {
  const target = parseDatabaseUrl(database);
  if (target.driver === 'sqlite') {
    const { openSqliteStore } = await loadDriver(() => import('./sqlite/index.ts'), 'SQLite', 'better-sqlite3');
    return openSqliteStore(target.path, { ...(options.now ? { now: options.now } : {}), ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}) });
  }
  const { openPostgresStore } = await loadDriver(() => import('./postgres/index.ts'), 'PostgreSQL', 'pg');
  return openPostgresStore(target.url, { ...(options.now ? { now: options.now } : {}), ...(options.lockTimeoutMs !== undefined ? { eraseLockTimeoutMs: options.lockTimeoutMs } : {}) });
}

/** A driver's module; its database library is an optional peer dependency, so it may be missing. */
export async function loadDriver<T>(load: () => Promise<T>, name: string, library: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes(`'${library}'`)) throw error;
    throw new BridgeworkError('store.failed', `the ${name} driver needs the ${library} package, which is not installed: add it beside @bridgework/store (pnpm add ${library})`);
  }
}
