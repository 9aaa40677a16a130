// Several instances, one truth: two API processes on one database (PostgreSQL, and SQLite on one
// file as BRIDGEWORK_WORKERS runs it), started at once, over real HTTP. The default framework is
// imported once; a profile written through one is read through the other; an import, a replace
// and a delete through one are seen by the other without a restart, its compiled index included.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePostgres, testDatabase } from '../../packages/store/test/postgres-database.ts';
import { ADMIN_KEY, call, COUNSELLOR_KEY, importAndWait, REPO, TINY } from './helpers/server.ts';

const ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };
const COUNSELLOR = { authorization: `Bearer ${COUNSELLOR_KEY}` };

interface Instance {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

function startInstance(database: string, dir: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BRIDGEWORK_DB: '',
      BRIDGEWORK_DATABASE_URL: database,
      BRIDGEWORK_DEFAULT_FRAMEWORK: 'tiny',
      BRIDGEWORK_DEFAULT_SOURCE: `native:${TINY}`,
      BRIDGEWORK_API_KEYS: `admin:${ADMIN_KEY},counsellor:${COUNSELLOR_KEY}`,
      BRIDGEWORK_IMPORT_ROOTS: dir,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in:\n${out}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

/** A copy of the tiny framework where the care aide needs communication at `level`. */
function tinyCopy(dir: string, folder: string, level: number): string {
  const copy = join(dir, folder);
  cpSync(TINY, copy, { recursive: true });
  const file = join(copy, 'requirements.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('{ competency: communication, importance: 0.6, level: 0.5 }', `{ competency: communication, importance: 0.6, level: ${level} }`));
  return copy;
}

/** Retries for up to 5 s: another instance may hear of a change a moment after its commit. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

function describeTwoInstances(name: string, databaseUrl: () => Promise<string>): void {
  describe(`two API instances on one ${name} database`, () => {
    let dir: string;
    let a: Instance;
    let b: Instance;
    const rank = (on: Instance, body: Record<string, unknown> = {}) =>
      call(on.url, 'POST', '/v1/rank', { framework: 'tiny', profile: { occupations: [{ occupation: 'nurse' }] }, ...body });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'bridgework-instances-'));
      const database = (await databaseUrl()).replace('<dir>', dir);
      // Both at once, as an orchestrator starts them.
      [a, b] = await Promise.all([startInstance(database, dir), startInstance(database, dir)]);
    }, 90_000);

    afterAll(async () => {
      for (const instance of [a, b]) {
        if (!instance) continue;
        instance.child.kill('SIGTERM');
        await new Promise((resolve) => instance.child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports the default framework once between them, and both are ready', async () => {
      // The other waited for the first's import, then found it stored.
      expect([a, b].map((i) => (i.output().match(/^imported tiny /gm) ?? []).length).sort()).toEqual([0, 1]);
      for (const instance of [a, b]) expect((await call(instance.url, 'GET', '/readyz')).status).toBe(200);
      const versions = await call(b.url, 'GET', '/v1/frameworks/tiny');
      expect(versions.body.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
    });

    it('reads through one a profile written through the other, and erases it for both', async () => {
      const created = await call(a.url, 'POST', '/v1/profiles', { label: 'Case 2026-031', profile: { occupations: [{ occupation: 'nurse', years: 4 }] } }, COUNSELLOR);
      expect(created.status).toBe(201);
      const read = await call(b.url, 'GET', `/v1/profiles/${created.body.id}`, undefined, COUNSELLOR);
      expect(read.body).toEqual(created.body);
      expect((await call(b.url, 'DELETE', `/v1/profiles/${created.body.id}`, undefined, COUNSELLOR)).status).toBe(204);
      expect((await call(a.url, 'GET', `/v1/profiles/${created.body.id}`, undefined, COUNSELLOR)).status).toBe(404);
    });

    it('serves through one the version imported, replaced and deleted through the other', async () => {
      const before = await rank(b);
      expect(before.body.framework).toEqual({ id: 'tiny', version: '1.0.0' });

      const imported = await importAndWait(a.url, { kind: 'native', path: tinyCopy(dir, 'v2', 0.5), version: '2' });
      expect(imported.status).toBe('succeeded');
      // The job is the store's: the other instance answers for it too.
      const seen = await call(b.url, 'GET', `/v1/imports/${imported.id}`, undefined, ADMIN);
      expect([seen.status, seen.body.status, seen.body.result.framework.version]).toEqual([200, 'succeeded', '2']);
      await eventually(async () => expect((await rank(b)).body.framework).toEqual({ id: 'tiny', version: '2' }));
      const top = (await rank(b)).body.results[0];
      const coverageOf = (body: { results: { occupation: { id: string }; coverage: number }[] }) => body.results.find((r) => r.occupation.id === top.occupation.id)!.coverage;

      // Same id and version, a higher level needed: b's compiled index of version 2 must go.
      const replaced = await importAndWait(a.url, { kind: 'native', path: tinyCopy(dir, 'v2-harder', 0.9), version: '2', replace: true });
      expect(replaced.status).toBe('succeeded');
      await eventually(async () => expect(coverageOf((await rank(b)).body)).toBeLessThan(top.coverage));

      expect((await call(a.url, 'DELETE', '/v1/frameworks/tiny/versions/2', undefined, ADMIN)).status).toBe(204);
      await eventually(async () => expect((await rank(b)).body.framework).toEqual({ id: 'tiny', version: '1.0.0' }));
      const gone = await rank(b, { version: '2' });
      expect([gone.status, gone.body.code]).toEqual([404, 'framework.version_not_found']);
    });
  });
}

describeTwoInstances('SQLite', async () => 'sqlite:<dir>/shared.db');

describePostgres('PostgreSQL instances', () => {
  const database = testDatabase('instances');
  describeTwoInstances('PostgreSQL', async () => (await database()).schemaUrl());
});
