// Liveness and readiness for orchestrators: /healthz answers while the process runs; /readyz
// only when the store answers, takes writes, and the default framework is loaded (compiled on the
// first call).
import { jsonResponse } from '../http/json-response.ts';
import { HttpError } from '../http/problems.ts';
import { defineRoute } from '../http/route.ts';
import { HealthResponse, ReadinessResponse } from '../schemas/responses.ts';

const started = performance.now();

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    path: '/healthz',
    operationId: 'health',
    tag: 'Health',
    summary: 'The process is up',
    access: 'open',
    responses: [{ status: 200, description: 'Up.', schema: HealthResponse }],
    handle: ({ c }) => jsonResponse(c, { status: 'ok' as const, uptimeSeconds: Math.round((performance.now() - started) / 100) / 10 }),
  }),
  defineRoute({
    method: 'GET',
    path: '/readyz',
    operationId: 'readiness',
    tag: 'Health',
    summary: 'The store answers and takes writes, and the default framework is loaded',
    access: 'open',
    responses: [{ status: 200, description: 'Ready to serve.', schema: ReadinessResponse }],
    problems: ['service.not_ready'],
    handle: async ({ c, service }) => {
      const readiness = await service.readiness();
      if (!readiness.ready) {
        throw new HttpError('service.not_ready', readiness.detail ?? 'not ready', [
          { where: 'store', message: readiness.checks.store },
          { where: 'writable', message: readiness.checks.writable },
          { where: 'defaultFramework', message: `${readiness.defaultFramework.id}: ${readiness.checks.defaultFramework}` },
        ]);
      }
      return jsonResponse(c, readiness);
    },
  }),
];
