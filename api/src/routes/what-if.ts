// POST /v1/what-if: apply a bridging program's competencies to a person and see what moves.
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { WhatIfRequest } from '../schemas/requests.ts';
import { WhatIfResponse } from '../schemas/responses.ts';
import { frameworkRef, subjectOf } from './subject.ts';

export const whatIfRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/what-if',
    operationId: 'whatIf',
    tag: 'Analyses',
    summary: 'Re-rank after a bridging program',
    description: "Raises the profile's levels to what the program teaches (never lowers them), ranks before and after, and lists every occupation whose fit changed, largest gain first.",
    access: 'read',
    body: WhatIfRequest,
    responses: [{ status: 200, description: 'Before, after and the deltas.', schema: WhatIfResponse }],
    problems: ['framework.not_found', 'occupation.not_found', 'competency.not_found', 'profile.not_found', 'profile.empty'],
    handle: async ({ c, service, body }) =>
      jsonResponse(c, await service.whatIf(frameworkRef(body), subjectOf(c, body), body.program, body.options)),
  }),
];
