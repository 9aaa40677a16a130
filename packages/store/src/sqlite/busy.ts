// Waiting for SQLite's locks without blocking Node's event loop. better-sqlite3 is synchronous:
// with a busy timeout, a statement that meets another process's lock (a CLI import, a backup, the
// sqlite3 shell) spins inside SQLite for up to that long and the whole server stops with it. So
// the connection has no busy timeout (a locked database answers SQLITE_BUSY at once) and the
// store retries the whole statement or transaction after an asynchronous pause, until its lock
// timeout; then the caller gets a StoreUnavailableError (503 with Retry-After), not a 500.
import { StoreUnavailableError, storeFailure } from '../store-failure.ts';

const FIRST_PAUSE_MS = 2;
const LONGEST_PAUSE_MS = 50;

export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** SQLITE_BUSY (and its extended codes) or SQLITE_LOCKED: another connection holds a lock. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (synchronous, one statement or one whole transaction) until it does not meet a
 * lock, pausing between tries, for at most `timeoutMs`. Errors other than a lock are mapped to
 * the store's errors (sqliteFailure).
 */
export async function retryWhileBusy<T>(doing: string, timeoutMs: number, work: () => T): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let wait = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error)) throw sqliteFailure(error, doing);
      const left = deadline - performance.now();
      if (left <= 0) {
        throw new StoreUnavailableError(`${doing} failed: the database is locked by another connection (waited ${timeoutMs} ms)`, error);
      }
      await pause(Math.min(wait, left));
      wait = Math.min(wait * 2, LONGEST_PAUSE_MS);
    }
  }
}

/**
 * What SQLite throws as the store's errors. A read-only database (a read-only file, folder or
 * mount) and a full disk are StoreUnavailableErrors: the request was fine and the operator must
 * act, so the answer is a 503 that says so in the log, not a 500. The rest is store.failed.
 */
export function sqliteFailure(error: unknown, doing: string): Error {
  const code = sqliteCode(error);
  if (code?.startsWith('SQLITE_READONLY')) return new StoreUnavailableError(`${doing} failed: the database is read-only (${(error as Error).message})`, error);
  if (code === 'SQLITE_FULL') return new StoreUnavailableError(`${doing} failed: the disk is full (${(error as Error).message})`, error);
  return storeFailure(error, doing);
}
