// @bridgework/api: the Hono app (API and web pages) and the Node server over @bridgework/service.
export { createApp, apiRoutes, serviceFor, type AppDeps } from './app.ts';
export { startServer, runServer, describeImport, type RunningServer } from './server.ts';
export {
  loadConfig,
  parseApiKeys,
  parseByteSize,
  DEFAULT_BODY_LIMIT,
  DEFAULT_PORT,
  type ApiConfig,
  type ApiKey,
  type Role,
} from './config.ts';
export { PROBLEM_TYPES, type Problem, type ProblemCode } from './http/problems.ts';
export { openApiDocument, type OpenApiDocument } from './openapi/document.ts';
