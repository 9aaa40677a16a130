// A database that cannot be reached: the server does not start and says which one and why; when
// PostgreSQL goes away under a running server, /readyz says so and requests get problem+json 503
// with Retry-After (the reason logged, not sent), and the server recovers when it is back.
import { spawnSync } from 'node:child_process';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { describePostgres, testDatabase } from '../../packages/store/test/postgres-database.ts';
import { call, COUNSELLOR, problem, REPO, startTestServer } from './helpers/server.ts';

describe('a server whose database cannot be reached', () => {
  it('does not start, and says which database and why', async () => {
    const port = await closedPort();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
      cwd: REPO,
      env: { ...process.env, PORT: '0', BRIDGEWORK_DB: '', BRIDGEWORK_DATABASE_URL: `postgres://bw:secret@127.0.0.1:${port}/bridgework?connect_timeout=2000` },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `bridgework: could not start: opening the database at postgres://bw:***@127.0.0.1:${port}/bridgework?connect_timeout=2000 failed: the database cannot be reached (connect ECONNREFUSED 127.0.0.1:${port})`,
    );
  });
});

describePostgres('PostgreSQL going away under a running server', () => {
  const database = testDatabase('unavailable');

  it('answers /readyz and requests with 503 while it is gone, and serves again when it is back', async () => {
    const target = new URL((await database()).schemaUrl());
    const proxy = await tcpProxy(target.hostname, Number(target.port || 5432));
    const through = new URL(target.toString());
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    through.searchParams.set('connect_timeout', '1000');
    const server = await startTestServer({ database: through.toString() });
    try {
      const created = await call(server.url, 'POST', '/v1/profiles', { profile: {} }, COUNSELLOR);
      expect(created.status).toBe(201);

      await proxy.stop();
      const ready = await call(server.url, 'GET', '/readyz');
      const notReady = problem(ready, 503, 'service.not_ready');
      expect(notReady.detail).toMatch(/^listing frameworks failed: the database cannot be reached \(.+\)$/);
      expect(notReady.errors).toEqual([
        { path: 'store', message: 'failed' },
        { path: 'writable', message: 'failed' },
        { path: 'defaultFramework', message: 'tiny: failed' },
      ]);

      const read = await call(server.url, 'GET', `/v1/profiles/${created.body.id}`, undefined, COUNSELLOR);
      const body = problem(read, 503, 'service.not_ready');
      expect(body.detail).toBe(`The database cannot be reached or did not answer in time; the server logged why as request ${body.requestId}. Try again shortly.`);
      expect(read.headers.get('retry-after')).toBe('5');
      expect(server.logs.some((line) => line.startsWith(`ERROR ${body.requestId} GET /v1/profiles/${created.body.id}: StoreUnavailableError: reading a profile failed: the database cannot be reached`))).toBe(true);

      await proxy.start();
      const deadline = Date.now() + 5000;
      while ((await call(server.url, 'GET', '/readyz')).status !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await call(server.url, 'GET', `/v1/profiles/${created.body.id}`, undefined, COUNSELLOR)).status).toBe(200);
    } finally {
      await server.close();
      await proxy.stop().catch(() => undefined);
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A real TCP proxy to the database, taken away (every connection closed) and brought back on the same port. */
async function tcpProxy(host: string, port: number): Promise<{ port: number; stop(): Promise<void>; start(): Promise<void> }> {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let listenPort = 0;
  const start = async () => {
    server = createServer((client) => {
      const upstream = new Socket();
      sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.connect(port, host, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
    });
    await new Promise<void>((resolve) => server!.listen(listenPort, '127.0.0.1', resolve));
    listenPort = (server.address() as AddressInfo).port;
  };
  await start();
  return {
    port: listenPort,
    start,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise<void>((resolve, reject) => server!.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
