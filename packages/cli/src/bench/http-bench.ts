// HTTP figures for POST /v1/rank on the largest real framework: the real server in a child
// process (as `pnpm start` runs it, with one and with several worker processes) and a load
// generator (load-generators.ts) on loopback. The load generator shares the machine's cores with
// the server; its CPU per request is reported beside the server's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameworkData } from '@bridgework/core';
import { openStore } from '@bridgework/store';
import { REPO_ROOT } from '../eval/frameworks-data.ts';
import { runLoad, type LoadGeneratorName, type LoadRequest } from './load-generators.ts';
import { treeCpuMs } from './process-cpu.ts';
import { round, type BenchFigure } from './stats.ts';

export interface HttpBenchOptions {
  quick: boolean;
  /** `kind:path` of the framework to serve (it is imported on the server's first start). */
  source: string;
  /** Server process counts to measure (BRIDGEWORK_WORKERS), one run each, same database. */
  workers: number[];
  /**
   * A PostgreSQL URL where the bench may write: the same runs are then repeated with the servers
   * on PostgreSQL (with 2 processes: two instances sharing one database and one port).
   */
  postgres?: string;
  loadGenerator: LoadGeneratorName;
}

/** Both load generators' default; on two cores more connections only lengthen the queue. */
const CONNECTIONS = 10;
const WARM_UP_SECONDS = 10;

export async function benchHttp(data: FrameworkData, options: HttpBenchOptions): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-http-'));
  const figures: BenchFigure[] = [];
  try {
    for (const workers of options.workers) figures.push(...(await benchHttpRun(data, options, `sqlite:${join(dir, 'bench.db')}`, workers)));
    if (options.postgres) {
      try {
        for (const workers of options.workers) figures.push(...(await benchHttpRun(data, options, options.postgres, workers)));
      } finally {
        // What the servers imported into the bench's database goes again.
        const store = await openStore(options.postgres);
        for (const v of await store.listFrameworks()) await store.deleteFrameworkVersion(v.id, v.version);
        await store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function benchHttpRun(data: FrameworkData, options: HttpBenchOptions, database: string, workers: number): Promise<BenchFigure[]> {
  const driver = database.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const dir = mkdtempSync(join(tmpdir(), 'bw-http-run-'));
  const server = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'api/src/server.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      BRIDGEWORK_DB: '',
      BRIDGEWORK_DATABASE_URL: database,
      BRIDGEWORK_IMPORT: options.source,
      BRIDGEWORK_IMPORT_ROOTS: '/',
      BRIDGEWORK_WORKERS: String(workers),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await listeningUrl(server);
    const framework = data.framework.id;
    // Varied bodies: a different source occupation per request, cycling.
    const rated = new Set(data.requirements.map((r) => r.occupation));
    const occupations = data.occupations.filter((o) => rated.has(o.id)).slice(0, 200);
    const requests: LoadRequest[] = occupations.map((o) => ({
      method: 'POST',
      path: '/v1/rank',
      body: JSON.stringify({ framework, profile: { occupations: [{ occupation: o.id }] }, options: { top: 10 } }),
    }));
    const load = { url, requests, connections: CONNECTIONS, dir };
    // Warm-up: every worker loads and compiles the framework on its first request for it (about
    // 2 s), and the JIT settles over the next few thousand; a server in use runs warm.
    await runLoad(options.loadGenerator, { ...load, durationSeconds: WARM_UP_SECONDS });
    const serverBefore = treeCpuMs(server.pid!);
    const result = await runLoad(options.loadGenerator, { ...load, durationSeconds: options.quick ? 5 : 15 });
    const serverAfter = treeCpuMs(server.pid!);
    const name = driver === 'sqlite' ? `http.rank.workers_${workers}` : `http.rank.postgres.workers_${workers}`;
    const context = { framework, driver, workers, connections: CONNECTIONS, load_generator: options.loadGenerator };
    const perRequest = (ms: number | undefined) => (ms !== undefined && result.requests > 0 ? round(ms / result.requests, 3) : undefined);
    const serverCpu = perRequest(serverBefore !== undefined && serverAfter !== undefined ? serverAfter - serverBefore : undefined);
    const clientCpu = perRequest(result.clientCpuMs);
    return [
      { name: `${name}.requests_per_second`, value: round(result.requestsPerSecond, 1), unit: 'req/s', ...context },
      { name: `${name}.latency.p50`, value: round(result.p50Ms, 2), unit: 'ms', ...context },
      { name: `${name}.latency.p99`, value: round(result.p99Ms, 2), unit: 'ms', ...context },
      { name: `${name}.response_size`, value: round(result.requests > 0 ? result.bytes / result.requests / 1024 : 0, 1), unit: 'KiB', ...context },
      { name: `${name}.failed`, value: result.failed, unit: 'requests', ...context },
      // CPU per request: how much work a ranking costs the server, and the load generator beside it.
      ...(serverCpu !== undefined ? [{ name: `${name}.server_cpu_per_request`, value: serverCpu, unit: 'ms', ...context }] : []),
      ...(clientCpu !== undefined ? [{ name: `${name}.client_cpu_per_request`, value: clientCpu, unit: 'ms', ...context }] : []),
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits for the server's "listening on <url>" line; the first start imports the framework. */
function listeningUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('server did not start within 180 s')), 180_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        server.stdout!.removeAllListeners('data');
        server.stdout!.resume(); // keep draining the per-request log lines
        resolve(match[1]!);
      } else if (buffer.length > 1 << 20) buffer = buffer.slice(-4096);
    });
    server.once('exit', (code) => reject(new Error(`server exited with code ${code} before listening`)));
  });
}
