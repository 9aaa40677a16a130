// Which database a setting names: `postgres://` (or `postgresql://`) URLs for PostgreSQL,
// `sqlite:<path>` or a plain file path for SQLite (`sqlite::memory:` for a private in-memory one).
import { BridgeworkError } from '@bridgework/core';

export type DatabaseTarget = { driver: 'sqlite'; path: string } | { driver: 'postgres'; url: string };

export function parseDatabaseUrl(database: string): DatabaseTarget {
  const value = database.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { driver: 'postgres', url: value };
  if (/^sqlite:/i.test(value)) {
    const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new BridgeworkError('store.failed', `database URL "${value}" names no file: use sqlite:./data/bridgework.db or sqlite::memory:`);
    return { driver: 'sqlite', path };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme !== undefined) {
    throw new BridgeworkError('store.failed', `database URL scheme "${scheme}:" is not supported: use postgres://user@host:5432/name or sqlite:<path>`);
  }
  if (value === '') throw new BridgeworkError('store.failed', 'no database given: use postgres://user@host:5432/name or sqlite:<path>');
  return { driver: 'sqlite', path: value };
}

/** The URL as it may be shown or logged: the password is replaced. */
export function redactDatabaseUrl(database: string): string {
  try {
    const url = new URL(database);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return database;
  }
}
