import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DEFAULT_FRAMEWORK, BUNDLED_IMPORTS, CURATED_FRAMEWORK } from '@bridgework/service';
import { loadConfig, parseApiKeys, parseByteSize, sha256 } from '../src/config.ts';

describe('loadConfig', () => {
  it('defaults to port 8787, SQLite at ./data/bridgework.db, the catalogue (and fqr-canada beside it) from frameworks/, public read and 1 MiB bodies', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 8787,
      database: 'sqlite:./data/bridgework.db',
      defaultFramework: BUNDLED_DEFAULT_FRAMEWORK,
      imports: BUNDLED_IMPORTS,
      apiKeys: [],
      publicRead: true,
      bodyLimit: 1024 * 1024,
      importRoots: ['/srv/app'],
      workers: 1,
    });
    expect(BUNDLED_DEFAULT_FRAMEWORK).toMatchObject({ id: 'canada', source: { kind: 'native' } });
    expect(BUNDLED_DEFAULT_FRAMEWORK.source!.path).toMatch(/\/frameworks\/canada$/);
    expect(BUNDLED_IMPORTS.map((s) => s.path)).toEqual([expect.stringMatching(/\/frameworks\/fqr-canada$/)]);
    // The curated framework alone as the default keeps its bundled source.
    expect(loadConfig({ BRIDGEWORK_DEFAULT_FRAMEWORK: 'fqr-canada' }).defaultFramework).toEqual(CURATED_FRAMEWORK);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        BRIDGEWORK_DB: '/var/lib/bw.db',
        BRIDGEWORK_DEFAULT_FRAMEWORK: 'onet',
        BRIDGEWORK_DEFAULT_SOURCE: 'onet:data/onet-29',
        BRIDGEWORK_IMPORT: 'esco:/data/esco, noc:noc.csv',
        BRIDGEWORK_API_KEYS: 'admin:aaaaaaaa1,counsellor:cccccccc2,counsellor@harbour:hhhhhhhh3,admin@harbour:aaaaaaaa4',
        BRIDGEWORK_PUBLIC_READ: 'false',
        BRIDGEWORK_BODY_LIMIT: '2MiB',
        BRIDGEWORK_IMPORT_ROOTS: '/data,imports',
        BRIDGEWORK_WORKERS: '3',
        BRIDGEWORK_REQUEST_TIMEOUT: '2.5',
        BRIDGEWORK_LOCK_TIMEOUT: '1',
        BRIDGEWORK_PROFILE_QUOTA: '250',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      database: 'sqlite:/var/lib/bw.db',
      defaultFramework: { id: 'onet', source: { kind: 'onet', path: '/srv/app/data/onet-29' } },
      imports: [
        { kind: 'esco', path: '/data/esco' },
        { kind: 'noc', path: '/srv/app/noc.csv' },
      ],
      publicRead: false,
      bodyLimit: 2 * 1024 * 1024,
      importRoots: ['/data', '/srv/app/imports'],
      workers: 3,
      requestTimeoutMs: 2500,
      lockTimeoutMs: 1000,
      profileQuota: 250,
    });
    // A counsellor key belongs to an organization: "default" unless named; an admin key to none unless named.
    expect(config.apiKeys).toEqual([
      { role: 'admin', digest: sha256('aaaaaaaa1') },
      { role: 'counsellor', digest: sha256('cccccccc2'), organization: 'default' },
      { role: 'counsellor', digest: sha256('hhhhhhhh3'), organization: 'harbour' },
      { role: 'admin', digest: sha256('aaaaaaaa4'), organization: 'harbour' },
    ]);
  });

  it('takes a database URL from BRIDGEWORK_DATABASE_URL, and refuses it beside BRIDGEWORK_DB', () => {
    expect(loadConfig({ BRIDGEWORK_DATABASE_URL: 'postgres://bw@db.internal:5432/bridgework' }).database).toBe('postgres://bw@db.internal:5432/bridgework');
    expect(loadConfig({ BRIDGEWORK_DATABASE_URL: 'sqlite:./other.db' }).database).toBe('sqlite:./other.db');
    expect(() => loadConfig({ BRIDGEWORK_DATABASE_URL: 'postgres://db/bw', BRIDGEWORK_DB: './data/bw.db' })).toThrow(
      'BRIDGEWORK_DATABASE_URL: is set together with BRIDGEWORK_DB: keep one (BRIDGEWORK_DB is the older name for a SQLite file)',
    );
  });

  it('has no default source for a default framework other than the bundled ones', () => {
    expect(loadConfig({ BRIDGEWORK_DEFAULT_FRAMEWORK: 'esco' }).defaultFramework).toEqual({ id: 'esco' });
  });

  it('refuses values it cannot understand, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT: "eighty" is not a port number (0-65535)');
    expect(() => loadConfig({ BRIDGEWORK_PUBLIC_READ: 'maybe' })).toThrow('BRIDGEWORK_PUBLIC_READ: "maybe" must be true or false');
    expect(() => loadConfig({ BRIDGEWORK_WORKERS: '0' })).toThrow('BRIDGEWORK_WORKERS: "0" must be a number of processes (1-64) or auto');
    expect(loadConfig({ BRIDGEWORK_WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(() => loadConfig({ BRIDGEWORK_IMPORT: 'csv:/x' })).toThrow('BRIDGEWORK_IMPORT: "csv:/x" must be "<kind>:<path>" with kind one of native, onet, esco');
  });
});

describe('parseApiKeys', () => {
  it('refuses an unknown role and a short key', () => {
    expect(() => parseApiKeys('root:aaaaaaaaaa')).toThrow('BRIDGEWORK_API_KEYS: entry 1 must be "<role>[@<organization>]:<key>" with role admin or counsellor');
    expect(() => parseApiKeys('admin:short')).toThrow('BRIDGEWORK_API_KEYS: entry 1 (admin): a key needs at least 8 characters');
  });

  it('keeps only a hash of each key', () => {
    const [key] = parseApiKeys('admin:the-secret-key');
    expect(JSON.stringify(key)).not.toContain('the-secret-key');
    expect(key!.digest.length).toBe(32);
  });
});

describe('parseByteSize', () => {
  it('reads bytes and binary or decimal units', () => {
    expect(['65536', '512KiB', '2MiB', '1mb', '10kb'].map((v) => parseByteSize(v, 'X', 0))).toEqual([65536, 524288, 2097152, 1000000, 10000]);
    expect(parseByteSize(undefined, 'X', 7)).toBe(7);
    expect(() => parseByteSize('0', 'X', 1)).toThrow('X: "0" is not a size (e.g. 1048576, 512KiB, 2MiB)');
    expect(() => parseByteSize('1GiB', 'X', 1)).toThrow('X: "1GiB" is not a size');
  });
});
