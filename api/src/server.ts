// The Node entry: `pnpm start` (tsx api/src/server.ts) or `bridgework serve`. Opens the SQLite
// store, imports the default framework (and BRIDGEWORK_IMPORT sources) when missing, compiles the
// default framework, serves the Hono app, and on SIGINT/SIGTERM stops taking requests, lets the
// ones in flight finish and closes the store.
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { openSqliteStore } from '@bridgework/store';
import { createApp, serviceFor } from './app.ts';
import { loadConfig, type ApiConfig } from './config.ts';
import type { BridgeworkService, StartupReport } from './service/service.ts';
import type { ImportReport } from './service/framework-sources.ts';

export interface RunningServer {
  url: string;
  port: number;
  service: BridgeworkService;
  startup: StartupReport;
  /** Stops accepting connections, waits for requests in flight (up to 10 s), closes the store. */
  close(): Promise<void>;
}

const DRAIN_MS = 10_000;

export async function startServer(config: ApiConfig): Promise<RunningServer> {
  const log = config.log;
  const store = openSqliteStore(config.dbPath);
  const service = serviceFor(store, config);
  let server: ReturnType<typeof serve> | undefined;
  try {
    const startup = await service.ensureFrameworks();
    for (const r of startup.imported) log(`imported ${describeImport(r)}`);
    for (const r of startup.skipped) log(`already stored: ${r.framework.id} ${r.framework.version}`);
    // The first line only: one log line per event (the full list is what `bridgework validate` is for).
    for (const f of startup.failed) log(`could not import ${f.source.kind}:${f.source.path}: ${f.error.message.split('\n')[0]}`);
    // Compiles the default framework now, so the first request does not wait for it.
    const readiness = await service.readiness();
    const frameworks = await service.listFrameworks();
    const versions = frameworks.reduce((n, f) => n + f.versions.length, 0);
    log(`${frameworks.length} framework(s), ${versions} version(s) in ${config.dbPath}`);
    log(
      readiness.ready
        ? `default framework ${readiness.defaultFramework.id} ${readiness.defaultFramework.version} loaded`
        : `not ready: ${readiness.detail ?? 'default framework missing'} (/readyz answers 503 until it is imported)`,
    );

    const app = createApp({ store, config, service });
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: config.port, ...(config.host ? { hostname: config.host } : {}) }, resolve);
      server.once('error', reject);
    });
    const url = `http://${config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost'}:${address.port}`;
    log(`listening on ${url}`);

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

export function describeImport(r: ImportReport): string {
  const c = r.framework.counts;
  const seconds = ((r.timing.readMs + r.timing.saveMs) / 1000).toFixed(1);
  const warnings = r.warnings.length > 0 ? `, ${r.warnings.length} warning(s)` : '';
  return `${r.framework.id} ${r.framework.version}: ${c.occupations} occupations, ${c.competencies} competencies, ${c.requirements} requirements in ${seconds} s${warnings}`;
}

/** Starts the server and stops it cleanly on SIGINT or SIGTERM. */
export async function runServer(config: ApiConfig): Promise<void> {
  const running = await startServer(config);
  const stop = (signal: string) => {
    config.log(`${signal}: shutting down`);
    running.close().then(
      () => config.log('stopped'),
      (error: unknown) => {
        config.log(`error while stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runServer(loadConfig()).catch((error: unknown) => {
    process.stderr.write(`bridgework: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
