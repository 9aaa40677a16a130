// PostgreSQL for tests: BRIDGEWORK_TEST_DATABASE_URL names a server where the tests may create
// databases (`bash .ci/run` starts a throwaway one and sets it). Each test file gets a database of
// its own, so files run in parallel; a test gets a schema of its own within it (`?schema=`).
// Without the variable the PostgreSQL tests are skipped with a message saying how to run them,
// except under CI (CI=true, or BRIDGEWORK_REQUIRE_POSTGRES=1), where they are mandatory.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';

export const TEST_DATABASE_URL = process.env.BRIDGEWORK_TEST_DATABASE_URL?.trim() || undefined;
export const POSTGRES_REQUIRED = process.env.CI === 'true' || process.env.BRIDGEWORK_REQUIRE_POSTGRES === '1';

const HOW = 'set BRIDGEWORK_TEST_DATABASE_URL=postgres://user@host:port/postgres (a server where tests may create databases), or run `bash .ci/run`, which starts one';

/**
 * describe() when a test server is given; otherwise a skipped describe whose name says how to run
 * it, or, under CI, one failing test saying that the server is missing.
 */
export function describePostgres(name: string, body: () => void): void {
  if (TEST_DATABASE_URL !== undefined) {
    describe(name, body);
    return;
  }
  if (POSTGRES_REQUIRED) {
    describe(name, () => {
      it('has a PostgreSQL server to run on', () => {
        throw new Error(`PostgreSQL tests are mandatory under CI, but BRIDGEWORK_TEST_DATABASE_URL is not set: ${HOW}`);
      });
    });
    return;
  }
  process.stderr.write(`skipped "${name}": no PostgreSQL (${HOW})\n`);
  describe.skip(`${name} (skipped: no PostgreSQL; ${HOW})`, body);
}

export interface TestDatabase {
  /** The URL of this file's database. */
  url: string;
  /** The URL of a new, empty schema in it. */
  schemaUrl(): string;
  /** An admin connection to this file's database (for looking at what a store wrote). */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

let counter = 0;

/**
 * This file's database, created on first use and dropped after the file's tests. Call it at the
 * top of a describePostgres body.
 */
export function testDatabase(label: string): () => Promise<TestDatabase> {
  let created: Promise<{ db: TestDatabase; admin: pg.Client; name: string }> | undefined;
  afterAll(async () => {
    if (!created) return;
    const { admin, name } = await created;
    await admin.end();
    const server = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.end();
  });
  return async () => {
    created ??= (async () => {
      const name = `bw_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
      const server = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await server.connect();
      await server.query(`CREATE DATABASE ${name}`);
      await server.end();
      const url = withDatabase(TEST_DATABASE_URL!, name);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const db: TestDatabase = {
        url,
        schemaUrl: () => withParam(url, 'schema', `t${++counter}_${randomBytes(3).toString('hex')}`),
        query: (sql, values) => admin.query(sql, values),
      };
      return { db, admin, name };
    })();
    return (await created).db;
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function withParam(url: string, key: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(key, value);
  return parsed.toString();
}
