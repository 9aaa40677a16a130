// POST /v1/pathways: routes to a target through stepping-stone occupations.
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { PathwaysRequest } from '../schemas/requests.ts';
import { PathwaysResponse } from '../schemas/responses.ts';
import { frameworkRef, subjectOf } from './subject.ts';

export const pathwayRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/pathways',
    operationId: 'pathways',
    tag: 'Analyses',
    summary: 'Stepping-stone routes to a target occupation',
    description: 'The cheapest route of at most `maxSteps` moves, where each move must cover `minCoverage` of the next occupation and costs its gap. `found: false` with a message when there is none.',
    access: 'read',
    body: PathwaysRequest,
    responses: [{ status: 200, description: 'The route (or why there is none) and the direct move for comparison.', schema: PathwaysResponse }],
    problems: ['framework.not_found', 'occupation.not_found', 'occupation.ambiguous', 'profile.not_found', 'profile.empty'],
    handle: async ({ c, service, body }) =>
      jsonResponse(c, await service.pathways(frameworkRef(body), subjectOf(c, body), body.target, body.options)),
  }),
];
