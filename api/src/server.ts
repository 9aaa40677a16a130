// The Node entry: `pnpm start` (tsx api/src/server.ts) or `bridgework serve`. Opens the store
// the database setting names (SQLite by default, or PostgreSQL), imports the default framework (and BRIDGEWORK_IMPORT sources) when missing, compiles the
// default framework, serves the Hono app, and on SIGINT/SIGTERM stops taking requests, lets the
// ones in flight finish and closes the store. With BRIDGEWORK_WORKERS above 1 this process
// prepares the store once and then runs that many server processes on the same port (cluster.ts).
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { DEFAULT_PROFILE_QUOTA, openStore, redactDatabaseUrl } from '@bridgework/store';
import { createApp, serviceFor } from './app.ts';
import { escapeText } from './http/log-line.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, loadConfig, storeOptions, type ApiConfig } from './config.ts';
import { answerClientErrors } from './http/client-error.ts';
import type { BridgeworkService, StartupReport } from '@bridgework/service';
import type { ImportReport } from '@bridgework/service';

export interface RunningServer {
  url: string;
  port: number;
  service: BridgeworkService;
  startup: StartupReport;
  /** Stops accepting connections, waits for requests in flight (up to 10 s), closes the store. */
  close(): Promise<void>;
}

const DRAIN_MS = 10_000;

export interface StartOptions {
  /**
   * A worker of a cluster: the primary has imported what was missing and reported it, so this
   * process only compiles the default framework and serves, and says nothing until a request.
   */
  worker?: boolean;
}

export async function startServer(config: ApiConfig, options: StartOptions = {}): Promise<RunningServer> {
  const log = config.log;
  const store = await openStore(config.database, storeOptions(config));
  const service = serviceFor(store, config);
  let server: ReturnType<typeof serve> | undefined;
  try {
    // Either way the default framework is compiled now (readiness loads it), so the first request
    // does not wait for it; prepareStore also imports what is missing and reports the store.
    let startup: StartupReport = { imported: [], skipped: [], failed: [] };
    if (options.worker) await service.readiness();
    else startup = await prepareStore(service, config);

    const app = createApp({ store, config, service });
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      const requestTimeout = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
      server = serve(
        {
          fetch: app.fetch,
          port: config.port,
          ...(config.host ? { hostname: config.host } : {}),
          // Node checks these every connectionsCheckingInterval (30 s by default): often enough
          // that a slow client is answered close to its deadline.
          serverOptions: { requestTimeout, headersTimeout: Math.min(requestTimeout, 60_000), connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeout / 4)) },
        },
        resolve,
      );
      answerClientErrors(server as Server, log, requestTimeout);
      server.once('error', reject);
    });
    const url = serverUrl(config, address.port);
    if (!options.worker) log(`listening on ${url}`);

    let closing: Promise<void> | undefined;
    return {
      url,
      port: address.port,
      service,
      startup,
      close: () => (closing ??= shutDown(server!, service)),
    };
  } catch (error) {
    server?.close();
    await service.close();
    throw error;
  }
}

async function shutDown(server: ReturnType<typeof serve>, service: BridgeworkService): Promise<void> {
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, DRAIN_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Idle keep-alive connections would hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  await service.close();
}

/** Imports what is missing and reports the store, one log line per event. */
export async function prepareStore(service: BridgeworkService, config: ApiConfig): Promise<StartupReport> {
  const log = config.log;
  // The organizations the keys of BRIDGEWORK_API_KEYS name ("default" exists in every store).
  for (const id of new Set(config.apiKeys.flatMap((k) => (k.organization !== undefined ? [k.organization] : [])))) {
    await service.ensureOrganization({ id, name: id, profileQuota: config.profileQuota ?? DEFAULT_PROFILE_QUOTA });
  }
  const startup = await service.ensureFrameworks();
  for (const r of startup.imported) log(`imported ${describeImport(r)}`);
  for (const r of startup.skipped) log(`already stored: ${r.framework.id} ${r.framework.version}${r.unchanged ? ' (source unchanged since its import, not read)' : ''}`);
  // The first line only: one log line per event (the full list is what `bridgework validate` is for).
  for (const f of startup.failed) log(`could not import ${f.source.kind}:${f.source.path}: ${escapeText(f.error.message.split('\n')[0]!)}`);
  const readiness = await service.readiness();
  const frameworks = await service.listFrameworks();
  const versions = frameworks.reduce((n, f) => n + f.versions.length, 0);
  log(`${frameworks.length} framework(s), ${versions} version(s) in ${redactDatabaseUrl(config.database)}`);
  log(
    readiness.ready
      ? `default framework ${readiness.defaultFramework.id} ${readiness.defaultFramework.version} loaded`
      : readiness.checks.writable === 'failed'
        ? `not ready: ${escapeText(readiness.detail ?? 'the database takes no writes')} (/readyz answers 503 until the database takes writes)`
        : `not ready: ${escapeText(readiness.detail ?? 'default framework missing')} (/readyz answers 503 until it is imported)`,
  );
  return startup;
}

export function serverUrl(config: ApiConfig, port: number): string {
  return `http://${config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost'}:${port}`;
}

export function describeImport(r: ImportReport): string {
  const c = r.framework.counts;
  const seconds = ((r.timing.readMs + r.timing.saveMs) / 1000).toFixed(1);
  const warnings = r.warnings.length > 0 ? `, ${r.warnings.length} warning(s)` : '';
  return `${r.framework.id} ${r.framework.version}: ${c.occupations} occupations, ${c.competencies} competencies, ${c.requirements} requirements in ${seconds} s${warnings}`;
}

/**
 * Starts the server and stops it cleanly on SIGINT or SIGTERM; with more than one worker, starts
 * the cluster (in the primary) or one of its servers (in a worker).
 */
export async function runServer(config: ApiConfig): Promise<void> {
  if (cluster.isPrimary && (config.workers ?? 1) > 1) {
    const { runCluster } = await import('./cluster.ts');
    return runCluster(config);
  }
  let running: RunningServer;
  try {
    running = await startServer(config, { worker: cluster.isWorker });
  } catch (error) {
    // A worker that cannot start must exit (its channel to the primary would keep it alive), so
    // the primary sees it and stops instead of waiting.
    cluster.worker?.disconnect();
    throw error;
  }
  // In a worker the primary reports the shutdown; each worker reports only what goes wrong.
  const say = cluster.isWorker ? () => undefined : config.log;
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal (Ctrl-C reaches a cluster's workers and its primary) changes nothing.
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    running
      .close()
      .then(
        () => say('stopped'),
        (error: unknown) => {
          config.log(`error while stopping: ${error instanceof Error ? error.message : String(error)}`);
          process.exitCode = 1;
        },
      )
      // A worker's channel to the primary would keep it alive.
      .finally(() => cluster.worker?.disconnect());
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runServer(loadConfig()).catch((error: unknown) => {
    process.stderr.write(`bridgework: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
