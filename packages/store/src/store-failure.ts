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
