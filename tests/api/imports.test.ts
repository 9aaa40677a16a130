// Imports a request asks for (issue 15, items 2 and 4): every file resolved inside the import
// roots, special files and the server's own database refused, nothing of a file's content in an
// answer, and the work done in another process, with its progress visible, while the server
// answers everything else at once.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, importAndWait, REPO, startTestServer, TINY, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A copy of the tiny framework inside the server's import roots, with one file replaced by `make`. */
function tinyWith(folder: string, file: string, make: (path: string) => void): string {
  const dir = join(server.dir, folder);
  cpSync(TINY, dir, { recursive: true });
  rmSync(join(dir, file));
  make(join(dir, file));
  return dir;
}

describe('an import confined to its roots', () => {
  it('refuses a file in the folder that links outside the roots, without reading it or quoting it', async () => {
    const dir = tinyWith('linked-passwd', 'framework.yaml', (path) => symlinkSync('/etc/passwd', path));
    const job = await importAndWait(server.url, { kind: 'native', path: dir });
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({
      code: 'import.path_not_allowed',
      message: 'framework.yaml links outside the folders this server imports from (BRIDGEWORK_IMPORT_ROOTS); nothing was read',
      details: [{ where: 'framework.yaml', message: 'links outside the folders this server imports from' }],
    });
    expect(JSON.stringify(job)).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  it('refuses a link to a device, and a FIFO in the folder, instead of reading without end', async () => {
    const zero = await importAndWait(server.url, { kind: 'native', path: tinyWith('linked-zero', 'occupations.yaml', (path) => symlinkSync('/dev/zero', path)) });
    expect([zero.status, zero.error.code, zero.error.details]).toEqual(['failed', 'import.path_not_allowed', [{ where: 'occupations.yaml', message: 'links outside the folders this server imports from' }]]);
    const fifo = await importAndWait(server.url, { kind: 'native', path: tinyWith('fifo', 'competencies.yaml', (path) => execFileSync('mkfifo', [path])) });
    expect(fifo.error).toEqual({
      code: 'import.invalid_file',
      message: 'competencies.yaml is a FIFO, not a regular file; imports read regular files only (values from the files are not shown: run bridgework import or validate on the server for the full messages)',
      details: [{ where: 'competencies.yaml', message: 'a FIFO, not a regular file' }],
    });
  });

  it("refuses the server's own database, even through a link inside the roots", async () => {
    const dir = tinyWith('linked-db', 'relations.yaml', (path) => symlinkSync(join(server.dir, 'bridgework.db'), path));
    const job = await importAndWait(server.url, { kind: 'native', path: dir });
    expect(job.error.code).toBe('import.path_not_allowed');
    expect(job.error.details).toEqual([{ where: 'relations.yaml', message: "is the server's own database" }]);
  });

  it('follows a link that stays inside the roots', async () => {
    const dir = tinyWith('linked-inside', 'requirements.yaml', (path) => symlinkSync(join(TINY, 'requirements.yaml'), path));
    const job = await importAndWait(server.url, { kind: 'native', path: dir, id: 'linked-inside' });
    expect(job.status).toBe('succeeded');
    expect(job.result.framework.counts.requirements).toBe(4);
  });

  it('says where a file is wrong without quoting what it holds', async () => {
    const secret = 'Secret-Line-9f3e1a';
    const dir = tinyWith('bad-content', 'framework.yaml', (path) => writeFileSync(path, `id: tiny\nname: [${secret}\nversion: "${secret}"\n`));
    const job = await importAndWait(server.url, { kind: 'native', path: dir });
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('framework.invalid');
    expect(job.error.details.length).toBeGreaterThan(0);
    for (const detail of job.error.details) expect(detail.where).toMatch(new RegExp(`^${dir}/framework\\.yaml:\\d+$`));
    expect(JSON.stringify(job)).not.toContain(secret);
  });
});

const DATA = join(REPO, '../shared/frameworks-data');
const SAMPLE = join(DATA, 'esco-sample-tabiya');

describe.skipIf(!existsSync(SAMPLE))('an import in another process', () => {
  let big: TestServer;
  beforeAll(async () => {
    big = await startTestServer({ importRoots: [DATA] });
  });
  afterAll(() => big.close());

  it('shows its progress while cheap requests keep answering in under 100 ms', async () => {
    const started = await call(big.url, 'POST', '/v1/frameworks/import', { kind: 'tabiya', path: SAMPLE, id: 'sample' }, ADMIN);
    expect(started.status).toBe(202);
    const phases = new Set<string>();
    const latencies: number[] = [];
    let job = started.body;
    while (job.status === 'queued' || job.status === 'running') {
      const t0 = performance.now();
      expect((await call(big.url, 'GET', '/healthz')).status).toBe(200);
      latencies.push(performance.now() - t0);
      job = (await call(big.url, 'GET', `/v1/imports/${job.id}`, undefined, ADMIN)).body;
      if (job.progress) phases.add(job.progress.phase);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect([...phases]).toEqual(expect.arrayContaining(['reading', 'saving']));
    latencies.sort((a, b) => a - b);
    expect(latencies.length).toBeGreaterThan(20);
    expect(latencies[Math.floor(latencies.length * 0.99)]!).toBeLessThan(100);
    expect((await call(big.url, 'GET', '/v1/frameworks/sample')).status).toBe(200);
  }, 60_000);
});
