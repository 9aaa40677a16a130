// The SQLite driver: the store contract on a file and in memory, then what only SQLite has
// (files and directories, pragmas, migrations, erasure on disk, cascading deletes).
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/sqlite/index.ts';
import { applyMigrations } from '../src/sqlite/migrate.ts';
import { MIGRATIONS, type Migration } from '../src/sqlite/migrations/index.ts';
import { ErasurePendingError, StoreUnavailableError } from '../src/index.ts';
import { fullTinyFramework } from './fixtures/tiny-frameworks.ts';
import { generateFullFramework } from './generate-full-framework.ts';
import { filesHolding } from './files-holding.ts';
import { holdLock } from './hold-lock.ts';
import { describeStoreContract, SCOPE, expectError, TestClock } from './store-contract.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite on a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bw-contract-'));
  const path = join(dir, 'store.db');
  return {
    open: ({ now }) => openSqliteStore(path, { now }),
    persistent: true,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeStoreContract('sqlite in memory', () => ({
  open: ({ now }) => openSqliteStore(':memory:', { now }),
  persistent: false,
  dispose: () => {},
}));

describe('openSqliteStore', () => {
  it('creates the directories of the database file', async () => {
    const path = join(tempDir(), 'a', 'b', 'bridgework.db');
    const store = openSqliteStore(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('puts the database in WAL mode', async () => {
    const path = join(tempDir(), 'store.db');
    await openSqliteStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('reports a file that is not a database as store.failed', async () => {
    const path = join(tempDir(), 'not-a.db');
    writeFileSync(path, 'occupation,competency\n'.repeat(400));
    const error = await expectError(Promise.resolve().then(() => openSqliteStore(path)), 'store.failed');
    expect(error.message).toBe(`opening the database at ${path} failed: file is not a database`);
  });

  it('fails with store.failed once closed', async () => {
    const store = openSqliteStore(':memory:');
    await store.close();
    await store.close();
    await expectError(store.listFrameworks(), 'store.failed');
  });
});

describe('migrations', () => {
  const now = () => new Date('2025-01-01T00:00:00.000Z');
  // The next version after the shipped ones.
  const next = MIGRATIONS.length + 1;
  const shipped = MIGRATIONS.map((m) => m.version);
  const addNotes: Migration = { version: next, name: 'add-notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT) STRICT;' };

  it('applies the shipped migrations once and records them; re-opening applies nothing', async () => {
    const path = join(tempDir(), 'store.db');
    const clock = new TestClock().at('2025-05-05T05:05:05.000Z');
    await openSqliteStore(path, { now: clock.now }).close();
    clock.at('2026-01-01T00:00:00.000Z');
    await openSqliteStore(path, { now: clock.now }).close();
    const db = new Database(path);
    expect(db.prepare('SELECT version, name, applied_at FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'initial', applied_at: '2025-05-05T05:05:05.000Z' },
      { version: 2, name: 'import-sources', applied_at: '2025-05-05T05:05:05.000Z' },
      { version: 3, name: 'erasures', applied_at: '2025-05-05T05:05:05.000Z' },
      { version: 4, name: 'import-jobs', applied_at: '2025-05-05T05:05:05.000Z' },
      { version: 5, name: 'organizations', applied_at: '2025-05-05T05:05:05.000Z' },
    ]);
    expect(applyMigrations(db, now)).toEqual([]);
    db.close();
  });

  it('applies only the migrations that are new', () => {
    const db = new Database(':memory:');
    expect(applyMigrations(db, now, MIGRATIONS)).toEqual(shipped);
    expect(applyMigrations(db, now, [...MIGRATIONS, addNotes])).toEqual([next]);
    expect(applyMigrations(db, now, [...MIGRATIONS, addNotes])).toEqual([]);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([...shipped, next]);
    db.close();
  });

  it('rolls back a migration that fails halfway', () => {
    const db = new Database(':memory:');
    const broken: Migration = { version: next, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO missing VALUES (1);' };
    expect(() => applyMigrations(db, now, [...MIGRATIONS, broken])).toThrow('no such table: missing');
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(shipped);
    db.close();
  });

  it('refuses a database whose schema is newer than this code', async () => {
    const path = join(tempDir(), 'store.db');
    const db = new Database(path);
    applyMigrations(db, now, [...MIGRATIONS, addNotes]);
    db.close();
    const error = await expectError(Promise.resolve().then(() => openSqliteStore(path)), 'store.failed');
    expect(error.message).toBe(
      `the database schema is at version ${next} but this Bridgework knows only up to ${next - 1}: upgrade Bridgework`,
    );
  });
});

describe('sqlite storage', () => {
  it('deletes every row of a deleted version', async () => {
    const path = join(tempDir(), 'store.db');
    const store = openSqliteStore(path);
    await store.saveFramework(fullTinyFramework('1'));
    await store.saveFramework(fullTinyFramework('2'));
    await store.deleteFrameworkVersion('tiny', '1');
    await store.close();
    const db = new Database(path, { readonly: true });
    const tables = ['occupations', 'competency_groups', 'competencies', 'requirements', 'relations', 'occupation_links', 'crosswalks'];
    const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
    expect(rows).toEqual({ occupations: 2, competency_groups: 2, competencies: 3, requirements: 5, relations: 2, occupation_links: 2, crosswalks: 2 });
    db.close();
  });

  it('leaves no trace of an erased profile in the database file', async () => {
    const path = join(tempDir(), 'store.db');
    const marker = 'Zq7-erase-me-Xv9';
    const store = openSqliteStore(path);
    const kept = await store.createProfile(SCOPE, { label: 'kept' });
    const erased = await store.createProfile(SCOPE, { label: marker, competencies: [{ competency: 'assessment', level: 0.5, note: marker }] }, { label: marker });
    await store.close();
    expect(filesHolding(path, marker)).toEqual([path]);

    const again = openSqliteStore(path);
    expect(await again.deleteProfile(SCOPE, erased.id)).toBe(true);
    // Checked before closing: the erasure must not wait for a clean shutdown.
    expect(filesHolding(path, marker)).toEqual([]);
    expect(await again.getProfile(SCOPE, kept.id)).toStrictEqual(kept);
    await again.close();
    expect(filesHolding(path, marker)).toEqual([]);
  });
});

describe('framework summaries seen by two connections', () => {
  it('sees versions another connection saves or deletes (the CLI beside a running server)', async () => {
    const path = join(tempDir(), 'shared.db');
    const server = openSqliteStore(path);
    const cli = openSqliteStore(path);
    try {
      expect(await server.getFramework('tiny')).toBeUndefined();
      await cli.saveFramework(fullTinyFramework('2024.1'));
      expect((await server.getFramework('tiny'))!.versions.map((v) => v.version)).toEqual(['2024.1']);
      await cli.saveFramework(fullTinyFramework('2024.2'));
      expect((await server.getFramework('tiny'))!.versions.map((v) => v.version)).toEqual(['2024.2', '2024.1']);
      await cli.deleteFrameworkVersion('tiny', '2024.2');
      expect((await server.getFramework('tiny'))!.versions.map((v) => v.version)).toEqual(['2024.1']);
      // Its own writes too.
      await server.deleteFrameworkVersion('tiny', '2024.1');
      expect(await server.getFramework('tiny')).toBeUndefined();
    } finally {
      await server.close();
      await cli.close();
    }
  });

  it('hands out copies, so a caller cannot change what the next caller reads', async () => {
    const store = openSqliteStore(':memory:');
    await store.saveFramework(fullTinyFramework());
    const first = (await store.getFramework('tiny'))!;
    first.versions[0]!.counts.occupations = -1;
    first.versions[0]!.source.publisher = 'changed';
    const second = (await store.getFramework('tiny'))!;
    expect(second.versions[0]!.counts.occupations).not.toBe(-1);
    expect(second.versions[0]!.source.publisher).not.toBe('changed');
    await store.close();
  });
});


describe('erasure on SQLite, verified', () => {
  const marker = 'Zq7-erase-me-Xv9';

  it('never claims an erasure while another connection holds an old snapshot, and finishes it when asked again', async () => {
    const path = join(tempDir(), 'store.db');
    const store = openSqliteStore(path, { lockTimeoutMs: 300 });
    const kept = await store.createProfile(SCOPE, {}, { label: 'kept' });
    const erased = await store.createProfile(SCOPE, { competencies: [{ competency: 'assessment', level: 0.5, note: marker }] }, { label: marker });
    // Another process (the sqlite3 shell, a backup) reads in a transaction: its snapshot keeps the log.
    const reader = await holdLock(path, 'read');
    try {
      const error = await expectError(store.deleteProfile(SCOPE, erased.id), 'profile.erasure_pending');
      expect(error).toBeInstanceOf(ErasurePendingError);
      expect(error.message).toBe(
        `profile "${erased.id}" is deleted and can no longer be read, but old copies of it remain in the database files while another connection holds them; repeat the DELETE to finish erasing it`,
      );
      // Honest: the copies are there, and nothing said otherwise.
      expect(filesHolding(path, marker).length).toBeGreaterThan(0);
      expect(await store.getProfile(SCOPE, erased.id)).toBeUndefined();
      await expectError(store.deleteProfile(SCOPE, erased.id), 'profile.erasure_pending');
    } finally {
      await reader.release();
    }
    expect(await store.deleteProfile(SCOPE, erased.id)).toBe(true);
    expect(filesHolding(path, marker)).toEqual([]);
    // Finished: a third delete finds nothing, and the other profile is intact.
    expect(await store.deleteProfile(SCOPE, erased.id)).toBe(false);
    expect(await store.getProfile(SCOPE, kept.id)).toStrictEqual(kept);
    await store.close();
  });

  it('drops a value replaced by an update from every file of the database', async () => {
    const path = join(tempDir(), 'store.db');
    const store = openSqliteStore(path);
    const created = await store.createProfile(SCOPE, { competencies: [{ competency: 'assessment', level: 0.5, note: marker }] }, { label: marker });
    expect(filesHolding(path, marker).length).toBeGreaterThan(0);
    await store.updateProfile(SCOPE, created.id, { competencies: [{ competency: 'assessment', level: 0.6, note: 'replaced' }] }, { label: 'Case 2' });
    expect(filesHolding(path, marker)).toEqual([]);
    await store.close();
  });

  it('drops a replaced value in the background once a reader lets the log go', async () => {
    const path = join(tempDir(), 'store.db');
    const store = openSqliteStore(path, { lockTimeoutMs: 200 });
    const created = await store.createProfile(SCOPE, {}, { label: marker });
    const reader = await holdLock(path, 'read');
    await store.updateProfile(SCOPE, created.id, {}, { label: 'Case 2' });
    expect(filesHolding(path, marker).length).toBeGreaterThan(0);
    await reader.release();
    const deadline = Date.now() + 5000;
    while (filesHolding(path, marker).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(filesHolding(path, marker)).toEqual([]);
    await store.close();
  });

  it('keeps the log bounded: it is empty after an import and after a version is deleted', async () => {
    const path = join(tempDir(), 'store.db');
    const store = openSqliteStore(path, { cacheSizeMiB: 1 });
    const data = generateFullFramework({ occupations: 200, competencies: 2_000, requirements: 20_000 }, { id: 'big', version: '1' });
    await store.saveFramework(data);
    expect(statSync(`${path}-wal`).size).toBe(0);
    await store.saveFramework(generateFullFramework({ occupations: 200, competencies: 2_000, requirements: 20_000 }, { id: 'big', version: '2' }));
    expect(await store.deleteFrameworkVersion('big', '1')).toBe(true);
    expect(statSync(`${path}-wal`).size).toBe(0);
    await store.close();
  });
});

describe('another process holding the write lock', () => {
  it('waits for it without blocking the event loop, then fails with a StoreUnavailableError', async () => {
    const path = join(tempDir(), 'store.db');
    const store = openSqliteStore(path, { lockTimeoutMs: 600 });
    const writer = await holdLock(path, 'write');
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    try {
      const started = performance.now();
      const error = await expectError(store.createProfile(SCOPE, {}, { label: 'waits' }), 'store.failed');
      const waited = performance.now() - started;
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error.message).toBe('creating a profile failed: the database is locked by another connection (waited 600 ms)');
      expect(waited).toBeGreaterThanOrEqual(590);
      // Reads go on meanwhile (WAL): the lock holds writers only (profile reads are audited: writes).
      expect(await store.listFrameworks()).toEqual([]);
    } finally {
      clearInterval(ticker);
      await writer.release();
    }
    expect(longestGap).toBeLessThan(100);
    expect((await store.createProfile(SCOPE, {}, { label: 'after' })).label).toBe('after');
    await store.close();
  });
});

describe('checkpoints off the event loop', () => {
  it("leaves the copy of another connection's large commit to the checkpoint thread", async () => {
    const path = join(tempDir(), 'store.db');
    const store = openSqliteStore(path);
    await store.createProfile(SCOPE, {}, { label: 'first' });
    // Another process's import: 40 MB committed to the log, never checkpointed by it.
    const other = new Database(path);
    other.pragma('wal_autocheckpoint = 0');
    other.exec('CREATE TABLE bulk (b BLOB)');
    const insert = other.prepare('INSERT INTO bulk VALUES (randomblob(65536))');
    other.transaction(() => {
      for (let i = 0; i < 640; i++) insert.run();
    })();
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(40_000_000);
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 2);
    try {
      // A write of the store's own: with SQLite's autocheckpoint it would copy the 40 MB first, here.
      const started = performance.now();
      await store.createProfile(SCOPE, {}, { label: 'second' });
      expect(performance.now() - started).toBeLessThan(50);
    } finally {
      clearInterval(ticker);
      other.close();
    }
    expect(longestGap).toBeLessThan(50);
    await store.close();
  });
});

describe('the checkpoint thread', () => {
  it('keeps a short-lived process alive until it is closed, even with an answer still on its way', () => {
    const path = join(tempDir(), 'store.db');
    const script = fileURLToPath(new URL('./fixtures/close-after-checkpoint.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, path], { encoding: 'utf8', cwd: fileURLToPath(new URL('../../../', import.meta.url)) });
    expect([result.status, result.stdout, result.stderr]).toEqual([0, 'closed\n', '']);
  });
});
