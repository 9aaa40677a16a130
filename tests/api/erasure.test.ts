// Erasure that always erases, and locks that never stop the server (issue 15, items 1, 4 and 6),
// over real HTTP on a SQLite file: a DELETE while another process reads in a transaction is a 503
// that says the erasure is pending (and a repeated DELETE finishes it); a value replaced by PATCH
// leaves no copy in any file; another process holding the write lock makes writes wait without
// stalling anything else, then answer 503; a database opened read-only is not ready.
import { spawn } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '@bridgework/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesHolding as filesOf } from '../../packages/store/test/files-holding.ts';
import { holdLock } from '../../packages/store/test/hold-lock.ts';
import { call, COUNSELLOR, COUNSELLOR_KEY, problem, REPO, startTestServer, TINY, type TestServer } from './helpers/server.ts';

const marker = 'Erasure-Marker-77c2e1';
let server: TestServer;
let db: string;

beforeAll(async () => {
  server = await startTestServer({ lockTimeoutMs: 400 });
  db = join(server.dir, 'bridgework.db');
});
afterAll(() => server.close());

const filesHolding = (text: string) => filesOf(db, text);

const create = async (label: string) => {
  const created = await call(server.url, 'POST', '/v1/profiles', { label, profile: { occupations: [{ occupation: 'nurse' }], label } }, COUNSELLOR);
  expect(created.status).toBe(201);
  return created.body.id as string;
};

describe('DELETE /v1/profiles/:id', () => {
  it('answers 503 erasure_pending, not 204, while another process holds an old snapshot, and 204 once a repeated DELETE could finish', async () => {
    const id = await create(marker);
    const reader = await holdLock(db, 'read');
    try {
      const answer = await call(server.url, 'DELETE', `/v1/profiles/${id}`, undefined, COUNSELLOR);
      const body = problem(answer, 503, 'profile.erasure_pending');
      expect(body.detail).toBe(
        `profile "${id}" is deleted and can no longer be read, but old copies of it remain in the database files while another connection holds them; repeat the DELETE to finish erasing it`,
      );
      expect(answer.headers.get('retry-after')).toBe('5');
      problem(await call(server.url, 'GET', `/v1/profiles/${id}`, undefined, COUNSELLOR), 404, 'profile.not_found');
      expect(filesHolding(marker).length).toBeGreaterThan(0);
    } finally {
      await reader.release();
    }
    expect((await call(server.url, 'DELETE', `/v1/profiles/${id}`, undefined, COUNSELLOR)).status).toBe(204);
    expect(filesHolding(marker)).toEqual([]);
    problem(await call(server.url, 'DELETE', `/v1/profiles/${id}`, undefined, COUNSELLOR), 404, 'profile.not_found');
    expect(server.logs.filter((l) => l.startsWith('ERROR'))).toEqual([]);
  });
});

describe('PATCH /v1/profiles/:id', () => {
  it('leaves no copy of a replaced value in any file of the database', async () => {
    const replaced = `${marker}-replaced`;
    const id = await create(replaced);
    expect(filesHolding(replaced).length).toBeGreaterThan(0);
    const patched = await call(server.url, 'PATCH', `/v1/profiles/${id}`, { label: 'Case 9', profile: { label: null } }, COUNSELLOR);
    expect(patched.status).toBe(200);
    expect(filesHolding(replaced)).toEqual([]);
  });
});

describe('another process holding the write lock (a CLI import, a backup)', () => {
  it('stalls no request: cheap requests answer in under 100 ms while a write waits, then the write gets a 503', async () => {
    const writer = await holdLock(db, 'write');
    const latencies: number[] = [];
    let writing = true;
    try {
      const write = call(server.url, 'POST', '/v1/profiles', { label: 'waits', profile: {} }, COUNSELLOR).finally(() => (writing = false));
      while (writing) {
        const started = performance.now();
        expect((await call(server.url, 'GET', '/healthz')).status).toBe(200);
        latencies.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 10));
      }
      const answer = await write;
      const body = problem(answer, 503, 'service.not_ready');
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(server.logs.some((l) => l.startsWith(`ERROR ${body.requestId} POST /v1/profiles: StoreUnavailableError: creating a profile failed: the database is locked by another connection (waited 400 ms)`))).toBe(true);
      // Reads of the store go on meanwhile.
      expect((await call(server.url, 'GET', '/v1/frameworks')).status).toBe(200);
    } finally {
      await writer.release();
    }
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(100);
    expect((await call(server.url, 'POST', '/v1/profiles', { label: 'after', profile: {} }, COUNSELLOR)).status).toBe(201);
  });
});

describe('a database the server can only read', () => {
  it('is not ready: /readyz answers 503 with writable "failed" while reads still work', async () => {
    // Kept open here, so the -wal and -shm files stay for a reader that may not create them.
    const keep = openSqliteStore(db);
    const asNobody = process.getuid?.() === 0;
    if (!asNobody) chmodSync(db, 0o444);
    chmodSync(server.dir, 0o755);
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
      cwd: REPO,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BRIDGEWORK_DB: db, BRIDGEWORK_DEFAULT_FRAMEWORK: 'tiny', BRIDGEWORK_DEFAULT_SOURCE: `native:${TINY}`, BRIDGEWORK_API_KEYS: `counsellor:${COUNSELLOR_KEY}` },
      // Root writes any file, so the server runs as nobody, for whom the file is read-only.
      ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line in:\n${out}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect(out).toContain('not ready: checking that the database takes writes failed: the database is read-only');
      const ready = problem(await call(url, 'GET', '/readyz'), 503, 'service.not_ready');
      expect(ready.errors).toEqual([
        { path: 'store', message: 'ok' },
        { path: 'writable', message: 'failed' },
        { path: 'defaultFramework', message: 'tiny: ok' },
      ]);
      expect(ready.detail).toMatch(/^checking that the database takes writes failed: the database is read-only \(attempt to write a readonly database\)$/);
      expect((await call(url, 'GET', '/v1/frameworks')).status).toBe(200);
      problem(await call(url, 'POST', '/v1/profiles', { profile: {} }, COUNSELLOR), 503, 'service.not_ready');
    } finally {
      child.kill('SIGKILL');
      await keep.close();
      if (!asNobody) chmodSync(db, 0o644);
    }
  }, 60_000);
});
