// Competencies of a framework version: label search (English and French, alternative labels) or
// the whole list, paged.
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { frameworkRef } from './subject.ts';
import { CatalogueQuery, FrameworkParams } from '../schemas/requests.ts';
import { CompetencyPageResponse } from '../schemas/responses.ts';

export const competencyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/frameworks/:id/competencies',
    operationId: 'listCompetencies',
    tag: 'Competencies',
    summary: 'Search competencies by label, or page through all of them',
    access: 'read',
    params: FrameworkParams,
    query: CatalogueQuery,
    responses: [{ status: 200, description: 'One page of competencies.', schema: CompetencyPageResponse }],
    problems: ['framework.not_found', 'framework.version_not_found'],
    handle: async ({ c, service, params, query }) => {
      const { version, ...page } = query;
      return jsonResponse(c, await service.competencies(frameworkRef({ framework: params.id, version }), page));
    },
  }),
];
