// The PostgreSQL driver: the store contract in a schema of its own per test, then what only
// PostgreSQL has: migrations under concurrent start, erasure checked in the table's pages,
// several instances on one database, errors when the server is unreachable or too slow.
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeworkStore } from '../src/index.ts';
import { ErasurePendingError, StoreUnavailableError } from '../src/index.ts';
import { openPostgresStore } from '../src/postgres/index.ts';
import { applyMigrations } from '../src/postgres/migrate.ts';
import { MIGRATIONS } from '../src/postgres/migrations/index.ts';
import { fullTinyFramework, minimalFramework } from './fixtures/tiny-frameworks.ts';
import { describePostgres, testDatabase, TEST_DATABASE_URL, withParam } from './postgres-database.ts';
import { describeStoreContract, SCOPE, expectError } from './store-contract.ts';

const opened: BridgeworkStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function open(url: string, options: Parameters<typeof openPostgresStore>[1] = {}): Promise<BridgeworkStore> {
  const store = await openPostgresStore(url, options);
  opened.push(store);
  return store;
}

describe('openPostgresStore without a server', () => {
  it('says which database cannot be reached, without its password', async () => {
    const port = await closedPort();
    const error = await expectError(openPostgresStore(`postgres://bw:secret@127.0.0.1:${port}/bridgework?connect_timeout=2000`), 'store.failed');
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toBe(
      `opening the database at postgres://bw:***@127.0.0.1:${port}/bridgework?connect_timeout=2000 failed: the database cannot be reached (connect ECONNREFUSED 127.0.0.1:${port})`,
    );
  });

  it('refuses settings it cannot use, naming them', async () => {
    const error = await expectError(openPostgresStore('postgres://bw@localhost/bw?pool_max=1'), 'store.failed');
    expect(error.message).toBe('database URL "postgres://bw@localhost/bw?pool_max=1": pool_max must be a whole number of at least 2, got "1"');
    const schema = await expectError(openPostgresStore('postgres://bw@localhost/bw?schema=Bad-Name'), 'store.failed');
    expect(schema.message).toBe('database URL "postgres://bw@localhost/bw?schema=Bad-Name": schema "Bad-Name" must be a lower-case SQL name (letters, digits, _)');
  });
});

describePostgres('PostgreSQL store', () => {
  const database = testDatabase('store');

  describeStoreContract('postgres', async () => {
    const url = (await database()).schemaUrl();
    return { open: ({ now }) => openPostgresStore(url, { now }), persistent: true, dispose: () => {} };
  });

  describe('migrations', () => {
    it('applies the migrations once when several instances open a new schema at the same time', async () => {
      const db = await database();
      const url = db.schemaUrl();
      const stores = await Promise.all([open(url), open(url), open(url)]);
      expect(stores).toHaveLength(3);
      const schema = new URL(url).searchParams.get('schema');
      const { rows } = await db.query(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`);
      expect(rows).toEqual([
        { version: 1, name: 'initial' },
        { version: 2, name: 'erasures' },
        { version: 3, name: 'import-jobs' },
        { version: 4, name: 'organizations' },
      ]);
    });

    it('refuses a schema newer than this code', async () => {
      const db = await database();
      const url = db.schemaUrl();
      await (await open(url)).close();
      const schema = new URL(url).searchParams.get('schema');
      await db.query(`INSERT INTO ${schema}.schema_migrations VALUES (${MIGRATIONS.length + 1}, 'from-the-future', now())`);
      const error = await expectError(openPostgresStore(url), 'store.failed');
      expect(error.message).toBe(
        `the database schema is at version ${MIGRATIONS.length + 1} but this Bridgework knows only up to ${MIGRATIONS.length}: upgrade Bridgework`,
      );
    });

    it('rolls back a migration that fails halfway', async () => {
      const db = await database();
      const url = db.schemaUrl();
      await (await open(url)).close();
      const schema = new URL(url).searchParams.get('schema')!;
      const client = await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: url, options: `-c search_path=${schema}` }));
      await client.connect();
      try {
        const broken = { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (id integer); INSERT INTO missing VALUES (1);' };
        await expect(applyMigrations(client, () => new Date(), [...MIGRATIONS, broken])).rejects.toThrow('relation "missing" does not exist');
        expect((await client.query(`SELECT to_regclass('${schema}.half') AS t`)).rows).toEqual([{ t: null }]);
        expect((await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
      } finally {
        await client.end();
      }
    });
  });

  describe('erasure', () => {
    const marker = 'Zq7-erase-me-Xv9';

    /** How many of the table's pages (heap and TOAST) hold the marker, read raw with pageinspect. */
    async function pagesHolding(schema: string): Promise<number> {
      const db = await database();
      await db.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
      const relations = (
        await db.query<{ rel: string }>(
          `SELECT c.oid::regclass::text AS rel FROM pg_class c WHERE c.oid = '${schema}.profiles'::regclass
           UNION ALL SELECT t.oid::regclass::text FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.oid = '${schema}.profiles'::regclass`,
        )
      ).rows.map((r) => r.rel);
      let found = 0;
      for (const rel of relations) {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM generate_series(0, (pg_relation_size($1::regclass) / current_setting('block_size')::int) - 1) AS page
           WHERE position(convert_to($2, 'UTF8') IN get_raw_page($1::text, page::int)) > 0`,
          [rel, marker],
        );
        found += Number(rows[0]!.n);
      }
      return found;
    }

    it('leaves no copy of an erased profile in the table, even the last row written to a page', async () => {
      const db = await database();
      const url = db.schemaUrl();
      const schema = new URL(url).searchParams.get('schema')!;
      const store = await open(url);
      const kept = await store.createProfile(SCOPE, {}, { label: 'kept' });
      // Written last, so after a plain VACUUM its bytes would sit in the page's free space.
      const erased = await store.createProfile(SCOPE, { competencies: [{ competency: 'assessment', level: 0.5, note: marker }] }, { label: marker });
      expect(await pagesHolding(schema)).toBe(1);
      expect(await store.deleteProfile(SCOPE, erased.id)).toBe(true);
      expect(await pagesHolding(schema)).toBe(0);
      expect(await store.getProfile(SCOPE, kept.id)).toStrictEqual(kept);
    });

    it('keeps no sample of profile columns in the statistics', async () => {
      const db = await database();
      const url = db.schemaUrl();
      const schema = new URL(url).searchParams.get('schema')!;
      const store = await open(url);
      for (let i = 0; i < 20; i++) await store.createProfile(SCOPE, { province: 'ON' }, { label: marker });
      await db.query(`ANALYZE ${schema}.profiles`);
      const { rows } = await db.query(`SELECT attname FROM pg_stats WHERE schemaname = $1 AND tablename = 'profiles' ORDER BY attname`, [schema]);
      expect(rows.map((r) => r.attname)).toEqual(['created_at', 'id', 'organization_id', 'seq', 'updated_at']);
    });

    it('leaves no copy of a value replaced by an update in the table', async () => {
      const db = await database();
      const url = db.schemaUrl();
      const schema = new URL(url).searchParams.get('schema')!;
      const store = await open(url);
      const created = await store.createProfile(SCOPE, { competencies: [{ competency: 'assessment', level: 0.5, note: marker }] }, { label: marker });
      expect(await pagesHolding(schema)).toBe(1);
      await store.updateProfile(SCOPE, created.id, { competencies: [{ competency: 'assessment', level: 0.6, note: 'replaced' }] }, { label: 'Case 2' });
      expect(await pagesHolding(schema)).toBe(0);
    });

    it('never claims an erasure while the table stays locked, and finishes it when asked again', async () => {
      const db = await database();
      const url = db.schemaUrl();
      const schema = new URL(url).searchParams.get('schema')!;
      const store = await open(url, { eraseLockTimeoutMs: 200 });
      const erased = await store.createProfile(SCOPE, {}, { label: marker });
      const { default: pg } = await import('pg');
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query(`BEGIN; LOCK TABLE ${schema}.profiles IN ACCESS SHARE MODE`);
        const error = await expectError(store.deleteProfile(SCOPE, erased.id), 'profile.erasure_pending');
        expect(error).toBeInstanceOf(ErasurePendingError);
        expect(await pagesHolding(schema)).toBe(1);
        expect(await store.getProfile(SCOPE, erased.id)).toBeUndefined();
        await holder.query('ROLLBACK');
      } finally {
        await holder.end();
      }
      expect(await store.deleteProfile(SCOPE, erased.id)).toBe(true);
      expect(await pagesHolding(schema)).toBe(0);
      expect(await store.deleteProfile(SCOPE, erased.id)).toBe(false);
    });

    it('shares one rewrite among erasures made at the same time', async () => {
      const url = (await database()).schemaUrl();
      const store = await open(url);
      const created = await Promise.all(Array.from({ length: 20 }, (_, i) => store.createProfile(SCOPE, {}, { label: `${marker}-${i}` })));
      expect(await Promise.all(created.map((p) => store.deleteProfile(SCOPE, p.id)))).toEqual(created.map(() => true));
      expect((await store.listProfiles(SCOPE)).items).toEqual([]);
    });

    it('tells a database that went read-only (a failover to a standby, a read-only role) from one that takes writes', async () => {
      const db = await database();
      const role = `bw_rw_${Math.random().toString(36).slice(2, 10)}`;
      await db.query(`CREATE ROLE ${role} LOGIN`);
      await db.query(`GRANT CREATE ON DATABASE ${new URL(db.url).pathname.slice(1)} TO ${role}`);
      try {
        const url = new URL(db.schemaUrl());
        url.username = role;
        const store = await open(url.toString());
        await expect(store.checkWritable()).resolves.toBeUndefined();
        await db.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
        await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
        // The pool's connections were cut: the first calls may still meet one of them.
        await eventually(async () => {
          const error = await expectError(store.checkWritable(), 'store.failed');
          expect(error).toBeInstanceOf(StoreUnavailableError);
          expect(error.message).toBe('checking that the database takes writes failed: the database is read-only (cannot execute DELETE in a read-only transaction)');
        });
        const write = await expectError(store.createProfile(SCOPE, {}), 'store.failed');
        expect(write).toBeInstanceOf(StoreUnavailableError);
        await store.close();
      } finally {
        await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
        await db.query(`DROP OWNED BY ${role}`);
        await db.query(`DROP ROLE ${role}`);
      }
    });
  });

  describe('several instances on one database', () => {
    it('see versions another instance saves, replaces or deletes, without a restart', async () => {
      const url = (await database()).schemaUrl();
      const [a, b] = [await open(url), await open(url)];
      expect(await a.getFramework('tiny')).toBeUndefined();
      await b.saveFramework(fullTinyFramework('1'));
      await eventually(async () => expect((await a.getFramework('tiny'))?.versions.map((v) => v.version)).toEqual(['1']));
      const replaced = await b.saveFramework(fullTinyFramework('1'), { replace: true });
      await eventually(async () => expect((await a.getFramework('tiny'))?.versions[0]!.importedAt).toBe(replaced.importedAt));
      await b.deleteFrameworkVersion('tiny', '1');
      await eventually(async () => expect(await a.getFramework('tiny')).toBeUndefined());
    });

    it('see each other’s profiles at once', async () => {
      const url = (await database()).schemaUrl();
      const [a, b] = [await open(url), await open(url)];
      const created = await a.createProfile(SCOPE, { province: 'QC' }, { label: 'Case 9' });
      expect(await b.getProfile(SCOPE, created.id)).toStrictEqual(created);
      await b.deleteProfile(SCOPE, created.id);
      expect(await a.getProfile(SCOPE, created.id)).toBeUndefined();
    });

    it('hold a lock one at a time across instances', async () => {
      const url = (await database()).schemaUrl();
      const [a, b] = [await open(url), await open(url)];
      let releaseA!: () => void;
      const held = a.exclusive('startup-imports', () => new Promise<string>((resolve) => (releaseA = () => resolve('a'))));
      await new Promise((r) => setTimeout(r, 100));
      let bRan = false;
      const waiting = b.exclusive('startup-imports', async () => {
        bRan = true;
        return 'b';
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(bRan).toBe(false);
      releaseA();
      expect(await Promise.all([held, waiting])).toEqual(['a', 'b']);
    });

    it('refuses the second of two concurrent saves of one new version as version_exists', async () => {
      const url = (await database()).schemaUrl();
      const [a, b] = [await open(url), await open(url)];
      const results = await Promise.allSettled([a.saveFramework(minimalFramework('7')), b.saveFramework(minimalFramework('7'))]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason.code).toBe('framework.version_exists');
      expect((await a.listFrameworks()).map((s) => s.version)).toEqual(['7']);
    });
  });

  describe('when the server goes away or is slow', () => {
    it('answers with a StoreUnavailableError while the database is unreachable, and recovers when it is back', async () => {
      const target = new URL((await database()).schemaUrl());
      const proxy = await tcpProxy(target.hostname, Number(target.port || 5432));
      const through = new URL(target.toString());
      through.hostname = '127.0.0.1';
      through.port = String(proxy.port);
      through.searchParams.set('connect_timeout', '1000');
      const store = await open(through.toString());
      const created = await store.createProfile(SCOPE, {}, { label: 'before' });

      await proxy.stop();
      const error = await expectError(store.getProfile(SCOPE, created.id), 'store.failed');
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error.message).toMatch(/^reading a profile failed: the database cannot be reached \((connect ECONNREFUSED 127\.0\.0\.1:\d+|Connection terminated unexpectedly|read ECONNRESET)\)$/);

      await proxy.start();
      await eventually(async () => expect((await store.getProfile(SCOPE, created.id))?.label).toBe('before'));
      await proxy.stop();
    });

    it('cuts a statement off at statement_timeout and says so', async () => {
      const db = await database();
      const url = withParam(db.schemaUrl(), 'statement_timeout', '200');
      const schema = new URL(url).searchParams.get('schema')!;
      const store = await open(url);
      const { default: pg } = await import('pg');
      const holder = new pg.Client({ connectionString: db.url });
      await holder.connect();
      try {
        await holder.query(`BEGIN; LOCK TABLE ${schema}.framework_versions IN ACCESS EXCLUSIVE MODE`);
        const error = await expectError(store.listFrameworks(), 'store.failed');
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(error.message).toBe('listing frameworks failed: the database did not answer within 200 ms (statement timeout)');
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
      expect(await store.listFrameworks()).toEqual([]);
    });
  });
});

if (TEST_DATABASE_URL === undefined) {
  describe('PostgreSQL tests', () => {
    it.skip('need BRIDGEWORK_TEST_DATABASE_URL (or `bash .ci/run`)', () => {});
  });
}

/** Retries an assertion for up to 5 s: another instance hears of a change at its commit, asynchronously. */
async function eventually(check: () => Promise<void>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A real TCP proxy to the database, that the test can take away (closing every connection) and bring back on the same port. */
async function tcpProxy(host: string, port: number): Promise<{ port: number; stop(): Promise<void>; start(): Promise<void> }> {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let listenPort = 0;
  const start = async () => {
    server = createServer((client) => {
      const upstream = new Socket();
      sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.connect(port, host, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
    });
    await new Promise<void>((resolve) => server!.listen(listenPort, '127.0.0.1', resolve));
    listenPort = (server.address() as AddressInfo).port;
  };
  await start();
  return {
    port: listenPort,
    start,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}
