// A PostgreSQL URL as node-postgres pool settings. The URL is libpq's (user, password, host,
// port, database, sslmode, application_name...); these query parameters are the store's own and
// are taken out before the rest goes to node-postgres:
//   schema=name             tables live in this schema (created if missing); default: public
//   pool_max=10             connections per process
//   statement_timeout=30000 ms a statement may run before the server cancels it
//   connect_timeout=5000    ms to open a connection (or wait for a free one) before giving up
import { BridgeworkError } from '@bridgework/core';
import type { PoolConfig } from 'pg';
import { redactDatabaseUrl } from '../database-url.ts';

export interface PostgresSettings {
  pool: PoolConfig;
  schema: string;
  statementTimeoutMs: number;
  /** The URL without its password, for messages. */
  shown: string;
}

export interface PostgresStoreOptions {
  /** The clock for importedAt, createdAt and updatedAt; tests pass a fixed one. */
  now?: () => Date;
  /** How long erasing a profile waits for the profiles table's lock before it gives up, in ms. Default 5000. */
  eraseLockTimeoutMs?: number;
}

const OWN = { schema: 'public', pool_max: 10, statement_timeout: 30_000, connect_timeout: 5_000 } as const;

export function postgresSettings(url: string): PostgresSettings {
  const shown = redactDatabaseUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BridgeworkError('store.failed', `database URL "${shown}" is not a URL: use postgres://user:password@host:5432/name`);
  }
  const own = (name: keyof typeof OWN): string | undefined => {
    const value = parsed.searchParams.get(name) ?? undefined;
    parsed.searchParams.delete(name);
    return value;
  };
  const schema = own('schema') ?? OWN.schema;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new BridgeworkError('store.failed', `database URL "${shown}": schema "${schema}" must be a lower-case SQL name (letters, digits, _)`);
  }
  const number = (name: 'pool_max' | 'statement_timeout' | 'connect_timeout', min: number): number => {
    const value = own(name);
    if (value === undefined) return OWN[name];
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new BridgeworkError('store.failed', `database URL "${shown}": ${name} must be a whole number of at least ${min}, got "${value}"`);
    return n;
  };
  const max = number('pool_max', 2);
  const statementTimeoutMs = number('statement_timeout', 1);
  const connectTimeoutMs = number('connect_timeout', 1);
  return {
    schema,
    statementTimeoutMs,
    shown,
    pool: {
      connectionString: parsed.toString(),
      max,
      statement_timeout: statementTimeoutMs,
      connectionTimeoutMillis: connectTimeoutMs,
      // A transaction left open by a stuck client would hold its locks and its snapshot.
      idle_in_transaction_session_timeout: 60_000,
      application_name: parsed.searchParams.get('application_name') ?? 'bridgework',
      keepAlive: true,
      // search_path for every connection of the pool, set when it opens.
      options: `-c search_path=${schema}`,
    },
  };
}
