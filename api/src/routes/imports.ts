// Import jobs (admin): where an import started by POST /v1/frameworks/import is, and the report
// or the problem it ended with. Any process on the database answers for any job.
import { jsonResponse } from '../http/json-response.ts';
import { BridgeworkError } from '@bridgework/core';
import { defineRoute } from '../http/route.ts';
import { ImportJobParams, ImportJobListQuery } from '../schemas/requests.ts';
import { ImportJobListResponse, ImportJobResponse } from '../schemas/admin.ts';

export const importRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/imports',
    operationId: 'listImportJobs',
    tag: 'Frameworks',
    summary: 'Recent import jobs, newest first (admin)',
    access: 'admin',
    query: ImportJobListQuery,
    responses: [{ status: 200, description: 'The jobs.', schema: ImportJobListResponse }],
    handle: async ({ c, service, query }) => jsonResponse(c, { items: await service.importJobs.list(query.limit ?? 20) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/imports/:id',
    operationId: 'getImportJob',
    tag: 'Frameworks',
    summary: 'One import job: its progress, then its report or its problem (admin)',
    access: 'admin',
    params: ImportJobParams,
    responses: [{ status: 200, description: 'The job.', schema: ImportJobResponse }],
    problems: ['import.not_found'],
    handle: async ({ c, service, params }) => {
      const job = await service.importJobs.get(params.id);
      if (!job) throw new BridgeworkError('import.not_found', `no import job "${params.id}" (the newest 200 are kept)`);
      return jsonResponse(c, job);
    },
  }),
];
