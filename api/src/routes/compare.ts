// POST /v1/compare: two occupations side by side, in both directions (A -> B is not B -> A).
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { CompareRequest } from '../schemas/requests.ts';
import { ComparisonResponse } from '../schemas/responses.ts';
import { frameworkRef } from './subject.ts';

export const compareRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/compare',
    operationId: 'compare',
    tag: 'Analyses',
    summary: 'Compare two occupations',
    description: 'Shared competencies with level differences, those only one requires, and coverage both ways.',
    access: 'read',
    body: CompareRequest,
    responses: [{ status: 200, description: 'The comparison.', schema: ComparisonResponse }],
    problems: ['framework.not_found', 'occupation.not_found', 'occupation.ambiguous'],
    handle: async ({ c, service, body }) => jsonResponse(c, await service.compare(frameworkRef(body), body.a, body.b)),
  }),
];
