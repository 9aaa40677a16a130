// POST /v1/matrix: coverage between every pair of a set of occupations.
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { MAX_MATRIX, MatrixRequest } from '../schemas/requests.ts';
import { MatrixResponse } from '../schemas/responses.ts';
import { frameworkRef } from './subject.ts';

export const matrixRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/matrix',
    operationId: 'matrix',
    tag: 'Analyses',
    summary: 'Similarity matrix of occupations',
    description: `For up to ${MAX_MATRIX} occupations: coverage[i][j] is the share of occupation j's needs met at occupation i's levels. O(n² × requirements per occupation).`,
    access: 'read',
    body: MatrixRequest,
    responses: [{ status: 200, description: 'The matrix.', schema: MatrixResponse }],
    problems: ['framework.not_found', 'occupation.not_found', 'occupation.ambiguous'],
    handle: async ({ c, service, body }) => jsonResponse(c, await service.matrix(frameworkRef(body), body.occupations)),
  }),
];
