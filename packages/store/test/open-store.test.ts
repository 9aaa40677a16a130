// openStore: one entry for every caller; the database setting picks the driver.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, parseDatabaseUrl, redactDatabaseUrl } from '../src/index.ts';
import { loadDriver } from '../src/open-store.ts';
import { fullTinyFramework } from './fixtures/tiny-frameworks.ts';
import { expectError } from './store-contract.ts';

describe('parseDatabaseUrl', () => {
  it('tells PostgreSQL URLs from SQLite URLs and paths', () => {
    expect(parseDatabaseUrl('postgres://bw@db:5432/bridgework')).toEqual({ driver: 'postgres', url: 'postgres://bw@db:5432/bridgework' });
    expect(parseDatabaseUrl('postgresql://db/bw')).toEqual({ driver: 'postgres', url: 'postgresql://db/bw' });
    expect(parseDatabaseUrl('sqlite:./data/bridgework.db')).toEqual({ driver: 'sqlite', path: './data/bridgework.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/bw.db')).toEqual({ driver: 'sqlite', path: '/var/lib/bw.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ driver: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('./data/bridgework.db')).toEqual({ driver: 'sqlite', path: './data/bridgework.db' });
  });

  it('refuses what no driver serves, saying what would do', () => {
    expect(() => parseDatabaseUrl('mysql://db/bw')).toThrow('database URL scheme "mysql:" is not supported: use postgres://user@host:5432/name or sqlite:<path>');
    expect(() => parseDatabaseUrl('sqlite:')).toThrow('database URL "sqlite:" names no file: use sqlite:./data/bridgework.db or sqlite::memory:');
    expect(() => parseDatabaseUrl('  ')).toThrow('no database given: use postgres://user@host:5432/name or sqlite:<path>');
  });

  it('hides a password when a URL is shown', () => {
    expect(redactDatabaseUrl('postgres://bw:s3cret@db:5432/bridgework?schema=x')).toBe('postgres://bw:***@db:5432/bridgework?schema=x');
    expect(redactDatabaseUrl('sqlite:./data/bw.db')).toBe('sqlite:./data/bw.db');
  });
});

describe('openStore', () => {
  it('opens SQLite from a sqlite: URL or a plain path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-open-'));
    try {
      const store = await openStore(`sqlite:${join(dir, 'a', 'store.db')}`);
      await store.saveFramework(fullTinyFramework());
      await store.close();
      expect(existsSync(join(dir, 'a', 'store.db'))).toBe(true);
      const again = await openStore(join(dir, 'a', 'store.db'));
      expect((await again.listFrameworks()).map((s) => s.id)).toEqual(['tiny']);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the package a driver needs when it is not installed', async () => {
    const missing = Object.assign(new Error("Cannot find package 'pg' imported from /app/store.ts"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await expectError(loadDriver(() => Promise.reject(missing), 'PostgreSQL', 'pg'), 'store.failed');
    expect(error.message).toBe('the PostgreSQL driver needs the pg package, which is not installed: add it beside @bridgework/store (pnpm add pg)');
    const other = new Error('a syntax error in the driver');
    await expect(loadDriver(() => Promise.reject(other), 'PostgreSQL', 'pg')).rejects.toBe(other);
  });
});
