// createApp(): the Hono application over a store and a configuration. It runs anywhere Hono does
// (`app.fetch`); server.ts is the thin Node entry. Middleware: request log and id, security
// headers; per route: auth, then the body reader; one onError maps every error to problem+json.
import { Hono } from 'hono';
import type { BridgeworkStore } from '@bridgework/store';
import type { ApiConfig } from './config.ts';
import type { AppEnv } from './http/app-env.ts';
import { HttpError, problemResponse, toProblem } from './http/problems.ts';
import { faultLine, loggedPath } from './http/log-line.ts';
import { requestLog } from './http/request-log.ts';
import { allowedMethods, mountRoutes, type AnyRoute } from './http/route.ts';
import { openApiDocument, type OpenApiDocument } from './openapi/document.ts';
import { cohortGapRoutes } from './routes/cohort-gaps.ts';
import { compareRoutes } from './routes/compare.ts';
import { competencyRoutes } from './routes/competencies.ts';
import { docsRoutes } from './routes/docs.ts';
import { frameworkRoutes } from './routes/frameworks.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { matrixRoutes } from './routes/matrix.ts';
import { occupationRoutes } from './routes/occupations.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { pathwayRoutes } from './routes/pathways.ts';
import { profileRoutes } from './routes/profiles.ts';
import { rankRoutes } from './routes/rank.ts';
import { whatIfRoutes } from './routes/what-if.ts';
import { BridgeworkService, runImportInChild, type ServiceOptions } from '@bridgework/service';
import { parseDatabaseUrl } from '@bridgework/store';
import { resolve } from 'node:path';
import { webRoutes } from './web/index.ts';

export interface AppDeps {
  store: BridgeworkStore;
  config: ApiConfig;
  /** The service over `store`; created from the config when omitted. */
  service?: BridgeworkService;
}

/** Every route of the API, in the order of the reference. */
export function apiRoutes(document: () => OpenApiDocument): AnyRoute[] {
  return [
    ...frameworkRoutes,
    ...importRoutes,
    ...occupationRoutes,
    ...competencyRoutes,
    ...rankRoutes,
    ...compareRoutes,
    ...matrixRoutes,
    ...cohortGapRoutes,
    ...whatIfRoutes,
    ...pathwayRoutes,
    ...profileRoutes,
    ...organizationRoutes,
    ...healthRoutes,
    ...docsRoutes(document),
  ];
}

export function createApp({ store, config, service }: AppDeps): Hono<AppEnv> {
  const bridgework = service ?? serviceFor(store, config);
  let document: OpenApiDocument | undefined;
  const routes = apiRoutes(() => (document ??= openApiDocument(routes)));
  const app = new Hono<AppEnv>();

  app.use(requestLog(config.log));
  app.use(async (c, next) => {
    // Before the handler (see request-log.ts); responses built without the context (problems)
    // get them afterwards.
    const api = c.req.path.startsWith('/v1/');
    c.header('x-content-type-options', 'nosniff');
    // Analyses and profiles carry personal data: no cache along the way keeps a copy.
    if (api) c.header('cache-control', 'no-store');
    await next();
    if (!c.res.headers.has('x-content-type-options')) {
      c.header('x-content-type-options', 'nosniff');
      if (api) c.header('cache-control', 'no-store');
    }
  });
  mountRoutes(app, routes, bridgework, config);
  // The counsellor web app (server-rendered pages) at /, after the API so /v1 keeps priority.
  app.route('/', webRoutes({ service: bridgework, config }));

  const methodsOn = allowedMethods(routes);
  app.notFound((c) => {
    const allowed = methodsOn(c.req.path);
    const error =
      allowed.length > 0 && !allowed.includes(c.req.method)
        ? new HttpError('method.not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}`, [], { allow: allowed.join(', ') })
        : new HttpError('route.not_found', `no route ${c.req.path}; the API reference is at /docs`);
    return problemResponse(toProblem(error, c.req.path, c.get('requestId')));
  });

  app.onError((error, c) => {
    const requestId = c.get('requestId');
    const problem = toProblem(error, c.req.path, requestId);
    // A fault of ours: logged with the request id and the stack, never with the body or query.
    if (problem.fault) config.log(faultLine(requestId, c.req.method, loggedPath(c), error));
    return problemResponse(problem);
  });
  return app;
}

export function serviceFor(store: BridgeworkStore, config: ApiConfig): BridgeworkService {
  const target = parseDatabaseUrl(config.database);
  const sqliteFile = target.driver === 'sqlite' && target.path !== ':memory:' ? resolve(target.path) : undefined;
  const databaseFiles = sqliteFile ? [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`] : [];
  return new BridgeworkService({
    store,
    defaultFramework: config.defaultFramework,
    imports: config.imports,
    ...(config.importRoots ? { importRoots: config.importRoots } : {}),
    importExclude: databaseFiles,
    // Imports a request asks for run in a child process on the same database, so the server's
    // event loop never waits for one; a private in-memory database has no other process to share it.
    ...(target.driver === 'postgres' || sqliteFile
      ? {
          importRunner: (request, onProgress) =>
            runImportInChild(
              {
                database: config.database,
                request,
                ...(config.importRoots ? { roots: config.importRoots } : {}),
                exclude: databaseFiles,
                ...(config.lockTimeoutMs !== undefined ? { lockTimeoutMs: config.lockTimeoutMs } : {}),
              },
              onProgress,
            ),
        }
      : {}),
  } satisfies ServiceOptions);
}
