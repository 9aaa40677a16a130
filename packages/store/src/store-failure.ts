// Turns what a driver throws into BridgeworkError, so callers see one error type with stable codes.
import { BridgeworkError } from '@bridgework/core';

/** BridgeworkErrors pass through; anything else becomes `store.failed`, keeping the original as `cause`. */
export function storeFailure(error: unknown, doing: string): BridgeworkError {
  if (error instanceof BridgeworkError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const failure = new BridgeworkError('store.failed', `${doing} failed: ${reason}`);
  failure.cause = error;
  return failure;
}

/**
 * The database cannot be reached (refused, reset, timed out, shutting down) or did not answer in
 * time: nothing is wrong with the request, and the same request may succeed later. The API answers
 * it with 503 service.not_ready; its code stays store.failed because the codes are core's.
 */
export class StoreUnavailableError extends BridgeworkError {
  constructor(message: string, cause?: unknown) {
    super('store.failed', message);
    this.name = 'StoreUnavailableError';
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * A profile's row is deleted, but old copies of it remain in the database (SQLite: pages in the
 * write-ahead log, which another connection's open snapshot keeps from being reset; PostgreSQL:
 * the table could not be rewritten within the lock timeout). Nothing claims it is erased:
 * repeating the DELETE finishes the erasure. The API answers 503 with Retry-After.
 */
export class ErasurePendingError extends BridgeworkError {
  constructor(id: string, cause?: unknown) {
    super(
      'profile.erasure_pending',
      `profile "${id}" is deleted and can no longer be read, but old copies of it remain in the database files while another connection holds them; repeat the DELETE to finish erasing it`,
    );
    this.name = 'ErasurePendingError';
    if (cause !== undefined) this.cause = cause;
  }
}
