// Several server processes on one port (BRIDGEWORK_WORKERS): scoring is synchronous, so one Node
// process ranks on one core. The primary imports what is missing once (so workers never race to
// import), then forks the workers, which share the listening socket and the database (SQLite in
// WAL mode: readers never wait for a writer, writes wait on busy_timeout; or PostgreSQL). The primary restarts a worker
// that dies, and on SIGINT/SIGTERM asks every worker to drain and stop.
import cluster, { type Worker } from 'node:cluster';
import { openStore } from '@bridgework/store';
import { serviceFor } from './app.ts';
import { storeOptions, type ApiConfig } from './config.ts';
import { prepareStore, serverUrl } from './server.ts';

export async function runCluster(config: ApiConfig): Promise<void> {
  const log = config.log;
  const count = config.workers ?? 1;
  const service = serviceFor(await openStore(config.database, storeOptions(config)), config);
  try {
    await prepareStore(service, config);
  } finally {
    await service.close();
  }

  let stopping = false;
  let announced = false;
  const listening = new Set<Worker>();
  cluster.on('listening', (worker, address) => {
    listening.add(worker);
    if (!announced && listening.size === count) {
      announced = true;
      log(`listening on ${serverUrl(config, address.port)} (${count} workers)`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) log('stopped');
      return;
    }
    log(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
    // A worker that never started (bad configuration, unreadable database) would fail again:
    // stop rather than restart it in a loop.
    if (!wasListening) {
      log('a worker could not start; stopping');
      process.exitCode = 1;
      stopAll('worker failure');
      return;
    }
    cluster.fork();
  });

  const stopAll = (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: shutting down ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  for (let i = 0; i < count; i++) cluster.fork();
}
