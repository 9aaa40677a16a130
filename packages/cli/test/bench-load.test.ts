// The HTTP bench's load generators against a real local server, and the bench's flag for them.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/index.ts';
import { runLoad, wrkInstalled, type LoadGeneratorName, type LoadRequest } from '../src/bench/load-generators.ts';
import { waitedChildrenCpuMs } from '../src/bench/process-cpu.ts';

const dir = mkdtempSync(join(tmpdir(), 'bw-bench-load-'));
let server: Server;
let url: string;
const received = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.add(`${req.method} ${req.url} ${req.headers['content-type']} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

// Bodies that would end a Lua long string of the first two levels.
const requests: LoadRequest[] = [
  { method: 'POST', path: '/v1/rank', body: '{"a":"]]"}' },
  { method: 'POST', path: '/v1/rank', body: '{"b":"]=] \\" é"}' },
  { method: 'POST', path: '/v1/rank', body: '{"c":3}' },
];

describe.each<LoadGeneratorName>(['autocannon', 'wrk'])('runLoad with %s', (generator) => {
  it.skipIf(generator === 'wrk' && !wrkInstalled())('sends every body as written and counts the answers', async () => {
    received.clear();
    const result = await runLoad(generator, { url, requests, connections: 2, durationSeconds: 1, dir });
    expect([...received].sort()).toEqual(requests.map((r) => `POST /v1/rank application/json ${r.body}`).sort());
    expect(result.requests).toBeGreaterThan(10);
    expect(result.failed).toBe(0);
    expect(result.requestsPerSecond).toBeGreaterThan(0);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.bytes / result.requests).toBeGreaterThan('{"ok":true}'.length);
    expect(result.clientCpuMs).toBeGreaterThan(0);
  });
});

describe.skipIf(!wrkInstalled())('runLoad with wrk, failing', () => {
  it('says wrk failed and why when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(runLoad('wrk', { url: `http://127.0.0.1:${port}`, requests, connections: 1, durationSeconds: 1, dir })).rejects.toThrow(
      /^wrk failed \(exit \d+\): unable to connect to 127\.0\.0\.1:\d+ Connection refused/,
    );
  });
});

describe('waitedChildrenCpuMs', () => {
  it('reads cutime + cstime after a command name holding spaces and ")"', () => {
    expect(waitedChildrenCpuMs('42 (sh -c x) y) S 1 2 3 4 5 6 7 8 9 10 11 12 250 30 20 0 1')).toBe(2800);
    expect(waitedChildrenCpuMs('42 (sh) S 1 2')).toBeUndefined();
  });
});

describe('bridgework bench --load-generator', () => {
  async function bench(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      return { code: await main(['bench', ...args], io), out, err };
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }

  it('refuses an unknown generator before timing anything', async () => {
    const { code, out, err } = await bench(['--load-generator', 'ab']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('error: --load-generator must be wrk or autocannon, not "ab"');
  });

  it('refuses wrk when it is not installed, and says how to install it', async () => {
    const { code, out, err } = await bench(['--load-generator', 'wrk'], { PATH: dir });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('error: --load-generator wrk: wrk is not installed (Debian: apt-get install wrk)');
  });
});
