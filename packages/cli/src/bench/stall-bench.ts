// What a cheap request waits for while the server does long work, and what the bounded requests
// cost at their bounds (issue 15): the real server in a child process on SQLite, one process,
// and a cheap request (GET /healthz, then GET /v1/frameworks) every 10 ms from this process,
//   - while an admin imports full ESCO through the API (the import runs in its own process);
//   - while another process holds the database's write lock (a CLI import, a backup), with one
//     profile write waiting on it (it must end as a 503 after the lock timeout, not a 500);
// and then the worst case of each cost bound of docs/api.md (Limits) on ESCO.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameworkData } from '@bridgework/core';
import { REPO_ROOT } from '../eval/frameworks-data.ts';
import { percentile, round, type BenchFigure } from './stats.ts';

// The store's own lock holder (a test fixture, run as a program, not imported: the CLI loads no database library).
const HOLD_LOCK = join(REPO_ROOT, 'packages/store/test/fixtures/hold-lock.ts');
const ADMIN = 'bench-admin-key-0001';
const COUNSELLOR = 'bench-counsellor-key-0001';
const LOCK_TIMEOUT_S = 2;
const EVERY_MS = 10;

export async function benchStalls(esco: { path: string; data: FrameworkData }): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-stalls-'));
  const db = join(dir, 'bench.db');
  const server = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'api/src/server.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BRIDGEWORK_DB: '',
      BRIDGEWORK_DATABASE_URL: `sqlite:${db}`,
      BRIDGEWORK_API_KEYS: `admin:${ADMIN},counsellor:${COUNSELLOR}`,
      BRIDGEWORK_IMPORT_ROOTS: join(esco.path, '..'),
      BRIDGEWORK_LOCK_TIMEOUT: String(LOCK_TIMEOUT_S),
      BRIDGEWORK_WORKERS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const figures: BenchFigure[] = [];
  try {
    const url = await listening(server);
    const get = (path: string, key?: string) => timed(url, 'GET', path, undefined, key);
    // Idle first, for comparison (after a second of warm-up).
    await sample(() => get('/healthz'), 1000);
    figures.push(...latencies('stall.idle.healthz', await sample(() => get('/healthz'), 2000)));

    // An ESCO import through the API, in its own process.
    const started = await timed(url, 'POST', '/v1/frameworks/import', JSON.stringify({ kind: 'esco', path: esco.path, id: 'esco' }), ADMIN);
    if (started.status !== 202) throw new Error(`import answered ${started.status}: ${started.text}`);
    const jobId = (JSON.parse(started.text) as { id: string }).id;
    const importStart = performance.now();
    let finished = false;
    const during = sample(() => get('/healthz'), Infinity, () => finished);
    for (;;) {
      const job = JSON.parse((await get(`/v1/imports/${jobId}`, ADMIN)).text) as { status: string; error?: unknown };
      if (job.status === 'failed') throw new Error(`ESCO import failed: ${JSON.stringify(job.error)}`);
      if (job.status === 'succeeded') break;
      await pause(50);
    }
    finished = true;
    const importMs = performance.now() - importStart;
    figures.push(...latencies('stall.esco_import.healthz', await during, { import_ms: round(importMs, 0) }));
    figures.push(...latencies('stall.esco_import.frameworks', await sample(() => get('/v1/frameworks'), 500)));

    // Another process holding the write lock for 3 s, with a profile write waiting on it.
    const holder = await holdLock(db, 3000);
    const writeStart = performance.now();
    const write = timed(url, 'POST', '/v1/profiles', JSON.stringify({ label: 'waits', profile: {} }), COUNSELLOR).then((r) => ({ ...r, ms: performance.now() - writeStart }));
    const cheap = await sample(() => get('/healthz'), 2800);
    const reads = await sample(() => get('/v1/frameworks'), 150);
    const written = await write;
    await holder.released;
    figures.push(...latencies('stall.held_lock.healthz', cheap));
    figures.push(...latencies('stall.held_lock.frameworks', reads));
    figures.push({ name: 'stall.held_lock.profile_write', value: round(written.ms, 0), unit: 'ms', status: written.status, lock_timeout_s: LOCK_TIMEOUT_S });

    figures.push(...(await worstCases(url, esco.data)));
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** Each bound of docs/api.md (Limits) at its worst, on ESCO: the slowest of 5 after a warm-up. */
async function worstCases(url: string, data: FrameworkData): Promise<BenchFigure[]> {
  const counts = new Map<string, number>();
  for (const r of data.requirements) counts.set(r.occupation, (counts.get(r.occupation) ?? 0) + 1);
  const largest = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const person = { occupations: [{ occupation: largest[0]! }] };
  const post = (path: string, body: unknown, type = 'application/json') =>
    timed(url, 'POST', path, typeof body === 'string' ? body : JSON.stringify({ framework: 'esco', ...(body as object) }), undefined, type);
  // The first request compiles ESCO's index.
  await post('/v1/rank', { profile: person });
  const cases: [string, () => Promise<Timed>][] = [
    ['limits.pathways.candidates63_steps3', () => post('/v1/pathways', { profile: person, target: largest[1], options: { candidates: 63, maxSteps: 3, minCoverage: 0.05 } })],
    ['limits.pathways.candidates48_steps5', () => post('/v1/pathways', { profile: person, target: largest[1], options: { candidates: 48, maxSteps: 5, minCoverage: 0.05 } })],
    ['limits.pathways.candidates109_steps1', () => post('/v1/pathways', { profile: person, target: largest[1], options: { candidates: 109, maxSteps: 1, minCoverage: 0.05 } })],
    ['limits.pathways.refused_300_5', () => post('/v1/pathways', { profile: person, target: largest[1], options: { candidates: 300, maxSteps: 5, minCoverage: 0.05 } })],
    ['limits.matrix.200_largest', () => post('/v1/matrix', { occupations: largest.slice(0, 200) })],
    [
      'limits.cohort.4000_occupations',
      () => post('/v1/gaps/cohort', { target: largest[1], profiles: Array.from({ length: 400 }, (_, i) => ({ occupations: largest.slice(i % 100, (i % 100) + 10).map((occupation) => ({ occupation })) })) }),
    ],
    ['limits.cohort.csv_20000_levels', () => post(`/v1/gaps/cohort?framework=esco&target=${encodeURIComponent(largest[1]!)}`, levelsCsv(data), 'text/csv')],
    ['limits.cohort.csv_1mib_blank_lines', () => post(`/v1/gaps/cohort?framework=esco&target=${encodeURIComponent(largest[1]!)}`, 'label,occupation\n' + '\n'.repeat(1024 * 1024 - 64), 'text/csv')],
  ];
  const figures: BenchFigure[] = [];
  for (const [name, send] of cases) {
    await send();
    const runs: Timed[] = [];
    for (let i = 0; i < 5; i++) runs.push(await send());
    figures.push({ name, value: round(Math.max(...runs.map((r) => r.ms)), 1), unit: 'ms', status: runs[0]!.status, bytes: runs[0]!.text.length });
  }
  return figures;
}

/** 2,000 people x 10 levels: the most a cohort may give (20,000). */
function levelsCsv(data: FrameworkData): string {
  const competencies = data.competencies.slice(0, 10).map((c) => `competency:${c.id}`);
  const occupation = data.occupations[0]!.id;
  return `label,occupation,${competencies.join(',')}\n` + Array.from({ length: 2000 }, (_, i) => `p${i},${occupation},${competencies.map(() => '0.5').join(',')}`).join('\n');
}

interface Timed {
  status: number;
  ms: number;
  text: string;
}

async function timed(url: string, method: string, path: string, body?: string, key?: string, type = 'application/json'): Promise<Timed> {
  const start = performance.now();
  const response = await fetch(url + path, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - start, text };
}

/** Sends one request every EVERY_MS (after the previous answer) for `ms`, or until `stop()`. */
async function sample(send: () => Promise<Timed>, ms: number, stop: () => boolean = () => false): Promise<number[]> {
  const end = performance.now() + ms;
  const times: number[] = [];
  while (performance.now() < end && !stop()) {
    const r = await send();
    if (r.status >= 500) throw new Error(`a cheap request answered ${r.status}: ${r.text}`);
    times.push(r.ms);
    await pause(EVERY_MS);
  }
  return times.sort((a, b) => a - b);
}

function latencies(name: string, sorted: number[], extra: Record<string, unknown> = {}): BenchFigure[] {
  return [
    { name: `${name}.p50`, value: round(percentile(sorted, 50), 2), unit: 'ms', n: sorted.length, ...extra },
    { name: `${name}.p99`, value: round(percentile(sorted, 99), 2), unit: 'ms', n: sorted.length },
    { name: `${name}.max`, value: round(sorted.at(-1) ?? Number.NaN, 2), unit: 'ms', n: sorted.length },
  ];
}

/** A child process holding the write lock for `ms`; once it holds it, `released` resolves when it lets go. */
async function holdLock(db: string, ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD_LOCK, db, 'write', String(ms)], { stdio: ['pipe', 'pipe', 'inherit'], cwd: REPO_ROOT });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('holding')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`hold-lock-child exited with ${code}`)));
  });
  // An object, not the promise itself: awaiting holdLock() must not wait for the release.
  return { released: exited };
}

function listening(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('server did not start within 120 s')), 120_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        server.stdout!.removeAllListeners('data');
        server.stdout!.resume();
        resolve(match[1]!);
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited with code ${code} before listening`)));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
