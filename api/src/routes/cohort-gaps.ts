// POST /v1/gaps/cohort: what a cohort moving to one target lacks, for a bridging program. The
// cohort comes as JSON profiles, stored profile ids, or a CSV file (text/csv, the same format as
// `bridgework gaps --cohort file.csv`) with the target and options in the query string.
import { jsonResponse } from '../http/json-response.ts';
import { BridgeworkError } from '@bridgework/core';
import { profileScope } from '../http/auth.ts';
import { defineRoute } from '../http/route.ts';
import { parseCohortCsv } from '@bridgework/service';
import { CohortCsvQuery, CohortRequest } from '../schemas/requests.ts';
import { CohortGapsResponse } from '../schemas/responses.ts';
import { frameworkRef } from './subject.ts';

export const cohortGapRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/gaps/cohort',
    operationId: 'cohortGaps',
    tag: 'Analyses',
    summary: "A cohort's gaps towards one target occupation",
    description:
      'Per competency of the target: how many lack it, the mean deficit and a priority (importance × mean deficit, essential boosted); `alreadyMet` lists what the whole cohort has (prior learning to credit). Send JSON, or `text/csv` with one row per person (`label,occupation,years,province,languageLevel` and `competency:<id>` columns; docs/api.md) and `target`, `framework`, `version`, `tolerance`, `essentialBoost`, `partialCredit` in the query.',
    access: 'read',
    body: CohortRequest,
    accepts: ['csv'],
    query: CohortCsvQuery,
    responses: [{ status: 200, description: 'The gaps, highest priority first.', schema: CohortGapsResponse }],
    problems: ['framework.not_found', 'occupation.not_found', 'competency.not_found', 'profile.not_found', 'profile.empty', 'cohort.empty'],
    handle: async ({ c, service, body, csv, query }) => {
      if (csv !== undefined) {
        const { framework, version, target, ...options } = query;
        if (target === undefined) throw missingTarget();
        const profiles = parseCohortCsv(csv);
        return jsonResponse(c, await service.cohortGaps(frameworkRef({ framework, version }), target, { profiles }, options));
      }
      // A JSON body carries everything; a query beside it would be silently ignored.
      const stray = Object.keys(query);
      if (stray.length > 0) throw queryBesideJson(stray);
      const cohort =
        body.profileIds !== undefined ? { profileIds: body.profileIds, scope: profileScope(c, 'using stored profiles (profileIds)') } : { profiles: body.profiles! };
      return jsonResponse(c, await service.cohortGaps(frameworkRef(body), body.target, cohort, body.options));
    },
  }),
];

function missingTarget(): BridgeworkError {
  return new BridgeworkError('request.invalid', 'query.target: is required with a text/csv body (the target occupation)', [
    { where: 'query.target', message: 'is required with a text/csv body' },
  ]);
}

function queryBesideJson(keys: string[]): BridgeworkError {
  return new BridgeworkError('request.invalid', `query.${keys[0]}: query parameters are read only with a text/csv body; put them in the JSON body`, keys.map((k) => ({ where: `query.${k}`, message: 'only with a text/csv body' })));
}
