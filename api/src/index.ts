// @bridgework/api: the Hono app, the Node server, and the service the CLI shares with them.
export { createApp, apiRoutes, serviceFor, type AppDeps } from './app.ts';
export { startServer, runServer, describeImport, type RunningServer } from './server.ts';
export {
  loadConfig,
  parseApiKeys,
  parseByteSize,
  parseSources,
  BUNDLED_DEFAULT_FRAMEWORK,
  DEFAULT_BODY_LIMIT,
  DEFAULT_DB_PATH,
  DEFAULT_FRAMEWORK_ID,
  DEFAULT_PORT,
  REPO_ROOT,
  type ApiConfig,
  type ApiKey,
  type DefaultFramework,
  type FrameworkSource,
  type Role,
} from './config.ts';
export {
  BridgeworkService,
  type CohortSubject,
  type FrameworkRef,
  type ProfileSubject,
  type Readiness,
  type ServiceOptions,
  type StartupReport,
} from './service/service.ts';
export type { ImportHooks, ImportReport, ImportRequest } from './service/framework-sources.ts';
export { parseCohortCsv, COHORT_COLUMNS, MAX_COHORT_SIZE } from './service/cohort-csv.ts';
export type { CompetencySummary, OccupationDetail, OccupationSummary, Page, PageQuery } from './service/catalogue.ts';
export { PROBLEM_TYPES, type Problem, type ProblemCode } from './http/problems.ts';
export { openApiDocument, type OpenApiDocument } from './openapi/document.ts';
