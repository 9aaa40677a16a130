// Occupations of a framework version: title search (English and French, alternate titles) or the
// whole list, paged; and one occupation with its requirements and links.
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { frameworkRef } from './subject.ts';
import { CatalogueQuery, FrameworkQuery, FrameworkParams, OccupationParams } from '../schemas/requests.ts';
import { OccupationDetailResponse, OccupationPageResponse } from '../schemas/responses.ts';

export const occupationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/frameworks/:id/occupations',
    operationId: 'listOccupations',
    tag: 'Occupations',
    summary: 'Search occupations by title, or page through all of them',
    description: 'With `q`, best title matches first (preferred and alternate titles, English and French); without it, every occupation in framework order.',
    access: 'read',
    params: FrameworkParams,
    query: CatalogueQuery,
    responses: [{ status: 200, description: 'One page of occupations.', schema: OccupationPageResponse }],
    problems: ['framework.not_found', 'framework.version_not_found'],
    handle: async ({ c, service, params, query }) => {
      const { version, ...page } = query;
      return jsonResponse(c, await service.occupations(frameworkRef({ framework: params.id, version }), page));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/frameworks/:id/occupations/:occ',
    operationId: 'getOccupation',
    tag: 'Occupations',
    summary: 'One occupation with its competency requirements',
    description: '`occ` is an id, a code (NOC, O*NET-SOC, ISCO) or a title, URL-encoded.',
    access: 'read',
    params: OccupationParams,
    query: FrameworkQuery,
    responses: [{ status: 200, description: 'The full record, its requirements (most important first) and links.', schema: OccupationDetailResponse }],
    problems: ['framework.not_found', 'occupation.not_found', 'occupation.ambiguous'],
    handle: async ({ c, service, params, query }) =>
      jsonResponse(c, await service.occupation(frameworkRef({ framework: params.id, version: query.version }), params.occ)),
  }),
];
