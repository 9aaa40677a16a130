// HTTP figures for POST /v1/rank on the largest real framework: the real server in a child
// process (as `pnpm start` runs it, with one and with several worker processes) and autocannon in
// this one, on loopback. The load generator shares the machine's cores with the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { FrameworkData } from '@bridgework/core';
import { REPO_ROOT } from '../eval/frameworks-data.ts';
import { treeCpuMs } from './process-cpu.ts';
import { round, type BenchFigure } from './stats.ts';

export interface HttpBenchOptions {
  quick: boolean;
  /** `kind:path` of the framework to serve (it is imported on the server's first start). */
  source: string;
  /** Server process counts to measure (BRIDGEWORK_WORKERS), one run each, same database. */
  workers: number[];
}

export async function benchHttp(data: FrameworkData, options: HttpBenchOptions): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-http-'));
  const figures: BenchFigure[] = [];
  try {
    for (const workers of options.workers) figures.push(...(await benchHttpRun(data, options, dir, workers)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function benchHttpRun(data: FrameworkData, options: HttpBenchOptions, dir: string, workers: number): Promise<BenchFigure[]> {
  const server = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'api/src/server.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      BRIDGEWORK_DB: join(dir, 'bench.db'),
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
    const requests = occupations.map((o) => ({
      method: 'POST' as const,
      path: '/v1/rank',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ framework, profile: { occupations: [{ occupation: o.id }] }, options: { top: 10 } }),
    }));
    // Warm-up: every worker loads and compiles the framework on its first request for it.
    await autocannon({ url, connections: 8, duration: 3, requests });
    const serverBefore = treeCpuMs(server.pid!);
    const clientBefore = process.cpuUsage();
    const result = await autocannon({ url, connections: 16, duration: options.quick ? 5 : 15, requests });
    const serverAfter = treeCpuMs(server.pid!);
    const client = process.cpuUsage(clientBefore);
    const failed = result.non2xx + result.errors + result.timeouts;
    const name = `http.rank.workers_${workers}`;
    const bytes = result.requests.average > 0 ? result.throughput.average / result.requests.average : 0;
    return [
      { name: `${name}.requests_per_second`, value: round(result.requests.average, 1), unit: 'req/s', framework, connections: 16, workers },
      { name: `${name}.latency.p50`, value: result.latency.p50, unit: 'ms', framework, workers },
      { name: `${name}.latency.p99`, value: result.latency.p99, unit: 'ms', framework, workers },
      { name: `${name}.response_size`, value: round(bytes / 1024, 1), unit: 'KiB', framework, workers },
      { name: `${name}.failed`, value: failed, unit: 'requests', framework, workers },
      // CPU per request: how much work a ranking costs the server, and the load generator beside it.
      ...(serverBefore !== undefined && serverAfter !== undefined && result.requests.total > 0
        ? [{ name: `${name}.server_cpu_per_request`, value: round((serverAfter - serverBefore) / result.requests.total, 3), unit: 'ms', framework, workers }]
        : []),
      ...(result.requests.total > 0
        ? [{ name: `${name}.client_cpu_per_request`, value: round((client.user + client.system) / 1000 / result.requests.total, 3), unit: 'ms', framework, workers }]
        : []),
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
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
