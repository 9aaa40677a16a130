// Framework versions: list and read them (open), import from files on the server (a job, run in
// another process: routes/imports.ts follows it) and delete a version (admin). Versions are
// immutable; an import of a stored (id, version) fails with framework.version_exists.
import { checkSourcePath } from '@bridgework/service';
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { FrameworkParams, ImportRequest, VersionParams } from '../schemas/requests.ts';
import { FrameworkListResponse, FrameworkVersionsResponse } from '../schemas/responses.ts';
import { ImportJobResponse } from '../schemas/admin.ts';

export const frameworkRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/frameworks',
    operationId: 'listFrameworks',
    tag: 'Frameworks',
    summary: 'Stored frameworks and their versions',
    description: 'Every stored framework with its versions (newest import first): source, licence and attribution, record counts.',
    access: 'read',
    responses: [{ status: 200, description: 'The frameworks.', schema: FrameworkListResponse }],
    handle: async ({ c, service }) => jsonResponse(c, { defaultFramework: service.defaultFramework.id, items: await service.listFrameworks() }),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/frameworks/:id',
    operationId: 'getFramework',
    tag: 'Frameworks',
    summary: 'One framework and its versions',
    access: 'read',
    params: FrameworkParams,
    responses: [{ status: 200, description: 'The framework, newest version first.', schema: FrameworkVersionsResponse }],
    problems: ['framework.not_found'],
    handle: async ({ c, service, params }) => jsonResponse(c, await service.getFramework(params.id)),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/frameworks/import',
    operationId: 'importFramework',
    tag: 'Frameworks',
    summary: 'Start importing a framework from files on the server (admin)',
    description:
      'Reads an official distribution (O*NET text release, ESCO CSV, NOC, ...) or a native folder on the server and stores it as one version, all or nothing. The path must lie under BRIDGEWORK_IMPORT_ROOTS, and so must every file in it, links resolved; only regular files are read. Answers 202 at once with the job; the import runs in another process, one at a time, and GET /v1/imports/{id} (the Location) shows its progress, then its report or its problem.',
    access: 'admin',
    body: ImportRequest,
    responses: [{ status: 202, description: 'Started: the job, queued or running; its Location is /v1/imports/{id}.', schema: ImportJobResponse }],
    problems: ['import.missing_file', 'import.path_not_allowed'],
    handle: async ({ c, service, body }) => {
      // The top-level path is checked now, for an answer at once; every file in it in the job.
      const confine = service.confinement();
      if (confine) await checkSourcePath(body.path, confine.roots);
      const job = await service.importJobs.start(body);
      c.header('location', `/v1/imports/${job.id}`);
      return jsonResponse(c, job, 202);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/frameworks/:id/versions/:v',
    operationId: 'deleteFrameworkVersion',
    tag: 'Frameworks',
    summary: 'Delete one framework version (admin)',
    access: 'admin',
    params: VersionParams,
    responses: [{ status: 204, description: 'Deleted with everything in it.' }],
    problems: ['framework.version_not_found'],
    handle: async ({ c, service, params }) => {
      await service.deleteFrameworkVersion(params.id, params.v);
      return c.body(null, 204);
    },
  }),
];

