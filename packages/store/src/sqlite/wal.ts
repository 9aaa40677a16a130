// The write-ahead log holds every page as it was written, and keeps it until a checkpoint copies
// it into the database file and the log is reset: a deleted or replaced profile stays readable
// in `-wal` until then. checkpoint(TRUNCATE) copies every frame and truncates the file to zero
// bytes, but only once no reader holds a snapshot older than the last commit; otherwise SQLite
// reports it busy. truncateWal() says whether it got that far, so an erasure can be verified.
import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { isBusy, pause } from './busy.ts';

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** One attempt: true when every frame is in the database file and `-wal` is empty. */
export function checkpointOnce(db: Database, walPath: string | undefined): boolean {
  if (walPath === undefined) return true; // in memory: no log, and secure_delete zeroes freed pages
  let result: CheckpointResult | undefined;
  try {
    result = (db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[])[0];
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  }
  return result !== undefined && result.busy === 0 && result.log === 0 && walSize(walPath) === 0;
}

/**
 * Tries until the log is empty or `timeoutMs` passed, pausing in between (a reader holding an old
 * snapshot keeps the log from being reset until it ends).
 */
export async function truncateWal(db: Database, walPath: string | undefined, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  let wait = 5;
  for (;;) {
    if (!db.open) return false;
    if (checkpointOnce(db, walPath)) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    await pause(Math.min(wait, left));
    wait = Math.min(wait * 2, 100);
  }
}

export function walSize(walPath: string): number {
  try {
    return statSync(walPath).size;
  } catch {
    return 0; // no -wal file: nothing in it
  }
}
