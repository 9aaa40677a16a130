// Importing and deleting framework versions (admin) over real HTTP, the compiled-index cache
// following them, and the sources listed in BRIDGEWORK_IMPORT at start-up.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, COUNSELLOR, importAndWait, problem, REPO, schemaIssues, startTestServer, type TestServer, TINY } from './helpers/server.ts';

const NOC = join(REPO, 'packages/importers/test/fixtures/noc/csv');
let server: TestServer;
const req = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(server.url, method, path, body, headers);

/** A copy of the tiny framework where the care aide needs communication at `level`. */
function tinyCopy(folder: string, level: number): string {
  const dir = join(server.dir, folder);
  cpSync(TINY, dir, { recursive: true });
  const file = join(dir, 'requirements.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('{ competency: communication, importance: 0.6, level: 0.5 }', `{ competency: communication, importance: 0.6, level: ${level} }`));
  return dir;
}

const rankNurse = (framework: string) => req('POST', '/v1/rank', { framework, profile: { occupations: [{ occupation: 'nurse' }] } });

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /v1/frameworks/import', () => {
  it('answers 202 with a job at once; the job imports under a new id and version, with counts and timing', async () => {
    const started = await req('POST', '/v1/frameworks/import', { kind: 'native', path: TINY, id: 'tiny-copy', version: '2' }, ADMIN);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(schemaIssues('importFramework', started)).toEqual([]);
    expect(started.body).toMatchObject({ status: 'queued', request: { kind: 'native', path: TINY, id: 'tiny-copy', version: '2' }, progress: { phase: 'queued', done: 0 } });
    const job = await importAndWait(server.url, { kind: 'native', path: TINY, id: 'tiny-copy', version: '3' });
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { phase: 'done' },
      result: { framework: { id: 'tiny-copy', version: '3', counts: { occupations: 2, competencies: 3, requirements: 4 } }, skipped: false, warnings: [] },
    });
    expect(schemaIssues('getImportJob', { status: 200, headers: new Headers(), contentType: 'application/json', body: job })).toEqual([]);
    await server.running.service.importJobs.idle();
    const list = await req('GET', '/v1/frameworks');
    expect(list.body.items.map((f: { id: string }) => f.id)).toEqual(['tiny', 'tiny-copy']);
    expect(list.body.items[1].versions.map((v: { version: string }) => v.version)).toEqual(['3', '2']);
    const jobs = await req('GET', '/v1/imports?limit=2', undefined, ADMIN);
    expect(schemaIssues('listImportJobs', jobs)).toEqual([]);
    expect(jobs.body.items.map((j: { id: string }) => j.id)).toEqual([job.id, started.body.id]);
  });

  it('fails the job with framework.version_exists for a version already stored', async () => {
    const job = await importAndWait(server.url, { kind: 'native', path: TINY });
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('framework.version_exists');
    expect(job.error.message).toContain('"tiny"');
  });

  it('answers 403 for a path outside the import roots and 422 for a missing one, at once; a job fails for a folder that is not a framework', async () => {
    const outside = problem(await req('POST', '/v1/frameworks/import', { kind: 'native', path: '/etc' }, ADMIN), 403, 'import.path_not_allowed');
    expect(outside.detail).toBe('/etc is outside the folders this server imports from (BRIDGEWORK_IMPORT_ROOTS)');
    const traversal = problem(
      await req('POST', '/v1/frameworks/import', { kind: 'native', path: join(server.dir, '../../../etc') }, ADMIN),
      403,
      'import.path_not_allowed',
    );
    expect(traversal.errors).toEqual([{ path: 'path', message: 'outside the import roots' }]);
    problem(await req('POST', '/v1/frameworks/import', { kind: 'native', path: join(server.dir, 'missing') }, ADMIN), 422, 'import.missing_file');
    const empty = join(server.dir, 'empty-folder');
    mkdirSync(empty);
    const notFramework = await importAndWait(server.url, { kind: 'native', path: empty });
    expect(notFramework.error.code).toBe('framework.invalid');
    expect(notFramework.error.details).toContainEqual({ where: join(empty, 'framework.yaml'), message: 'missing required file framework.yaml' });
  });

  it('refuses an unknown kind with the kinds listed', async () => {
    const body = problem(await req('POST', '/v1/frameworks/import', { kind: 'xml', path: TINY }, ADMIN), 400, 'request.invalid');
    expect(body.errors[0].path).toBe('body.kind');
    expect(body.errors[0].message).toMatch(/^must be one of "native", "onet", "esco"/);
  });

  it('needs an admin key, for the import and for its job', async () => {
    problem(await req('POST', '/v1/frameworks/import', { kind: 'native', path: TINY }), 401, 'auth.missing_key');
    problem(await req('POST', '/v1/frameworks/import', { kind: 'native', path: TINY }, COUNSELLOR), 403, 'auth.forbidden');
    problem(await req('GET', '/v1/imports', undefined, COUNSELLOR), 403, 'auth.forbidden');
    problem(await req('GET', '/v1/imports/00000000-0000-4000-8000-000000000000', undefined, ADMIN), 404, 'import.not_found');
  });
});

describe('DELETE /v1/frameworks/:id/versions/:v', () => {
  it('deletes a version, and the next import of that version is what gets scored', async () => {
    const first = tinyCopy('copy-a', 0.5);
    expect((await importAndWait(server.url, { kind: 'native', path: first, id: 'cached', version: '1' })).status).toBe('succeeded');
    const before = await rankNurse('cached');
    expect(before.status).toBe(200);

    const deleted = await req('DELETE', '/v1/frameworks/cached/versions/1', undefined, ADMIN);
    expect(deleted.status).toBe(204);
    problem(await rankNurse('cached'), 404, 'framework.not_found');
    problem(await req('DELETE', '/v1/frameworks/cached/versions/1', undefined, ADMIN), 404, 'framework.version_not_found');

    // Same id and version, a higher level needed: a stale compiled index would answer as before.
    const second = tinyCopy('copy-b', 0.9);
    expect((await importAndWait(server.url, { kind: 'native', path: second, id: 'cached', version: '1' })).status).toBe('succeeded');
    const after = await rankNurse('cached');
    const target = before.body.results[0].occupation.id;
    const coverageOf = (body: { results: { occupation: { id: string }; coverage: number }[] }) => body.results.find((r) => r.occupation.id === target)!.coverage;
    expect(coverageOf(after.body)).toBeLessThan(coverageOf(before.body));
  });

  it('serves an older version by name while the latest is the default', async () => {
    expect((await importAndWait(server.url, { kind: 'native', path: TINY, id: 'versions', version: 'a' })).status).toBe('succeeded');
    expect((await importAndWait(server.url, { kind: 'native', path: tinyCopy('copy-c', 0.9), id: 'versions', version: 'b' })).status).toBe('succeeded');
    const latest = await req('GET', '/v1/frameworks/versions/occupations?limit=1');
    expect(latest.body.framework).toEqual({ id: 'versions', version: 'b' });
    const older = await req('POST', '/v1/rank', { framework: 'versions', version: 'a', profile: { occupations: [{ occupation: 'nurse' }] } });
    expect(older.body.framework).toEqual({ id: 'versions', version: 'a' });
  });
});

describe('start-up imports (BRIDGEWORK_IMPORT)', () => {
  it('imports listed sources once and skips them when the same id and version are stored', async () => {
    const first = await startTestServer({ imports: [{ kind: 'noc', path: NOC }] });
    try {
      expect(first.running.startup.imported.map((r) => `${r.framework.id} ${r.framework.version}`)).toEqual(['tiny 1.0.0', 'noc 2021.1.0']);
      expect(first.logs).toContain('imported noc 2021.1.0: 3 occupations, 0 competencies, 0 requirements in ' + first.logs.find((l) => l.startsWith('imported noc'))!.split(' in ')[1]);
      await first.running.close();
      const again = await startTestServer({ database: join(first.dir, 'bridgework.db'), imports: [{ kind: 'noc', path: NOC }] });
      try {
        expect(again.running.startup.imported).toEqual([]);
        expect(again.running.startup.skipped.map((r) => [r.framework.id, r.unchanged, r.timing.readMs])).toEqual([['noc', true, 0]]);
        expect(again.logs).toContain('already stored: noc 2021.1.0 (source unchanged since its import, not read)');
      } finally {
        await again.close();
      }
    } finally {
      await first.close();
    }
  });

  it('reads a start-up source again when one of its files changed, and skips the stored version', async () => {
    const source = mkdtempSync(join(tmpdir(), 'bridgework-source-'));
    cpSync(NOC, join(source, 'noc'), { recursive: true });
    const imports = [{ kind: 'noc' as const, path: join(source, 'noc') }];
    const first = await startTestServer({ imports });
    try {
      await first.running.close();
      const db = join(first.dir, 'bridgework.db');
      const later = new Date(Date.now() + 60_000);
      for (const file of readdirSync(join(source, 'noc'))) utimesSync(join(source, 'noc', file), later, later);
      const second = await startTestServer({ database: db, imports });
      try {
        const [skipped] = second.running.startup.skipped;
        expect([skipped!.framework.id, skipped!.unchanged, skipped!.rowsRead]).toEqual(['noc', undefined, first.running.startup.imported[1]!.rowsRead]);
        expect(second.logs).toContain('already stored: noc 2021.1.0');
        await second.running.close();
        // Read once after the change: the new state is remembered, so the next start skips it unread.
        const third = await startTestServer({ database: db, imports });
        try {
          expect(third.running.startup.skipped.map((r) => r.unchanged)).toEqual([true]);
        } finally {
          await third.close();
        }
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
      rmSync(source, { recursive: true, force: true });
    }
  });

  it('starts without a source that fails, logs it, and reports not ready when the default is missing', async () => {
    const broken = await startTestServer({ defaultFramework: { id: 'absent', source: { kind: 'native', path: join(REPO, 'no-such-folder') } } });
    try {
      expect(broken.running.startup.failed.map((f) => f.error.message.split('\n')[0])).toEqual([`${join(REPO, 'no-such-folder')}: 4 error(s) in the framework`]);
      expect(broken.logs).toContain(`could not import native:${join(REPO, 'no-such-folder')}: ${join(REPO, 'no-such-folder')}: 4 error(s) in the framework`);
      const ready = await call(broken.url, 'GET', '/readyz');
      const body = problem(ready, 503, 'service.not_ready');
      expect(body.errors).toEqual([
        { path: 'store', message: 'ok' },
        { path: 'writable', message: 'ok' },
        { path: 'defaultFramework', message: 'absent: missing' },
      ]);
      expect(body.detail).toBe(`no framework "absent" is stored: importing it from ${join(REPO, 'no-such-folder')} failed: ${join(REPO, 'no-such-folder')}: 4 error(s) in the framework`);
      expect((await call(broken.url, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
