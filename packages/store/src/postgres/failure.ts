// What node-postgres throws, as the store's errors. A database that cannot be reached (refused,
// reset, shutting down, too many connections, a connection that timed out) or a statement cut
// off by statement_timeout is a StoreUnavailableError: the request was fine and may succeed
// later. Anything else the server refuses is store.failed, as on SQLite.
import { BridgeworkError } from '@bridgework/core';
import { StoreUnavailableError, storeFailure } from '../store-failure.ts';

/** Socket errors of Node's net and dns modules. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection exception), 57P01-57P03
 * (admin or crash shutdown, cannot connect now), 53300 (too many connections).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;

/**
 * read_only_sql_transaction: a hot standby (after a failover), a role or database whose default
 * transactions are read-only. The operator must act; the request was fine: a 503, not a 500.
 */
const READ_ONLY_TRANSACTION = '25006';

/** The SQLSTATE of a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

export function postgresFailure(error: unknown, doing: string, statementTimeoutMs: number): BridgeworkError {
  if (error instanceof BridgeworkError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === READ_ONLY_TRANSACTION) {
    return new StoreUnavailableError(`${doing} failed: the database is read-only (${reason})`, error);
  }
  if (code === QUERY_CANCELED) {
    return new StoreUnavailableError(`${doing} failed: the database did not answer within ${statementTimeoutMs} ms (statement timeout)`, error);
  }
  if ((typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) || isClientConnectionError(error)) {
    return new StoreUnavailableError(`${doing} failed: the database cannot be reached (${reason || String(code)})`, error);
  }
  return storeFailure(error, doing);
}

/**
 * node-postgres reports a connection it lost or could not open in time ("Connection terminated
 * unexpectedly", "timeout exceeded when trying to connect") as a plain Error without a code; what
 * the server refuses comes as a DatabaseError with a SQLSTATE.
 */
function isClientConnectionError(error: unknown): boolean {
  return error instanceof Error && error.constructor === Error && (error as { code?: unknown }).code === undefined;
}

/** PostgreSQL's integrity violations (class 23): unique, foreign key, check, not null. */
export function constraintOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return typeof e?.code === 'string' && e.code.startsWith('23') ? String(e.constraint ?? e.code) : undefined;
}
