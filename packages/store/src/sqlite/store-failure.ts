// Turns what the driver throws into BridgeworkError, so callers see one error type with stable codes.
import { BridgeworkError } from '@bridgework/core';

/** BridgeworkErrors pass through; anything else becomes `store.failed`, keeping the original as `cause`. */
export function storeFailure(error: unknown, doing: string): BridgeworkError {
  if (error instanceof BridgeworkError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const failure = new BridgeworkError('store.failed', `${doing} failed: ${reason}`);
  failure.cause = error;
  return failure;
}

/** SQLite's constraint errors (CHECK, NOT NULL, UNIQUE, type) carry codes starting SQLITE_CONSTRAINT. */
export function isConstraintViolation(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
