// POST /v1/rank: alternative careers for one person, best first, with explanations.
import { jsonBytesResponse } from '../http/json-response.ts';
import { encodeRanking } from '../http/ranking-json.ts';
import { defineRoute } from '../http/route.ts';
import { RankRequest } from '../schemas/requests.ts';
import { RankingResponse } from '../schemas/responses.ts';
import { frameworkRef, subjectOf } from './subject.ts';

export const rankRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/rank',
    operationId: 'rank',
    tag: 'Analyses',
    summary: 'Rank alternative careers for a person',
    description:
      'Scores every occupation of the framework for the profile (coverage, gap, utilization, fit), applies the filters, and returns the best with category, path type, flags and an explanation. The occupations the person trained for are reported apart in `source`: the gap to licensure.',
    access: 'read',
    body: RankRequest,
    responses: [{ status: 200, description: 'The ranking.', schema: RankingResponse }],
    problems: ['framework.not_found', 'occupation.not_found', 'occupation.ambiguous', 'competency.not_found', 'profile.not_found', 'profile.empty', 'profile.invalid'],
    handle: async ({ c, service, body }) => jsonBytesResponse(c, encodeRanking(await service.rank(frameworkRef(body), subjectOf(c, body), body.options))),
  }),
];
