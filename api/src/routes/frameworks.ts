// Framework versions: list and read them (open), import from files on the server and delete a
// version (admin). Versions are immutable; an import of a stored (id, version) is a 409.
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { FrameworkParams, ImportRequest, VersionParams } from '../schemas/requests.ts';
import { FrameworkListResponse, FrameworkVersionsResponse, ImportResponse } from '../schemas/responses.ts';

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
    summary: 'Import a framework from files on the server (admin)',
    description:
      'Reads an official distribution (O*NET text release, ESCO CSV, NOC, ...) or a native folder on the server and stores it as one version, all or nothing. The path must lie under BRIDGEWORK_IMPORT_ROOTS.',
    access: 'admin',
    body: ImportRequest,
    responses: [{ status: 201, description: 'Stored: the version summary, warnings and timing.', schema: ImportResponse }],
    problems: ['framework.version_exists', 'import.invalid_file', 'import.missing_file', 'import.path_not_allowed', 'framework.invalid'],
    handle: async ({ c, service, body }) => {
      const report = await service.importFramework(body);
      c.header('location', `/v1/frameworks/${report.framework.id}`);
      return jsonResponse(c, report, 201);
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
