// Organizations, their keys and the audit log of their profiles (admin). An organization owns
// case files and the keys of its counsellors; a key's secret is shown once, at creation.
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import {
  AuditListQuery,
  KeyCreateRequest,
  KeyListQuery,
  KeyParams,
  OrganizationCreateRequest,
  OrganizationParams,
  OrganizationPatchRequest,
} from '../schemas/requests.ts';
import { ApiKeyListResponse, AuditPageResponse, NewApiKeyResponse, OrganizationListResponse, OrganizationResponse } from '../schemas/admin.ts';
import { DEFAULT_PROFILE_QUOTA } from '@bridgework/store';

export const organizationRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/organizations',
    operationId: 'createOrganization',
    tag: 'Organizations',
    summary: 'Create an organization (admin)',
    access: 'admin',
    body: OrganizationCreateRequest,
    responses: [{ status: 201, description: 'Created; Location names it.', schema: OrganizationResponse }],
    problems: ['organization.exists'],
    handle: async ({ c, service, config, body }) => {
      const org = await service.createOrganization({ id: body.id, name: body.name, profileQuota: body.profileQuota ?? config.profileQuota ?? DEFAULT_PROFILE_QUOTA });
      c.header('location', `/v1/organizations/${org.id}`);
      return jsonResponse(c, org, 201);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/organizations',
    operationId: 'listOrganizations',
    tag: 'Organizations',
    summary: 'Every organization, with its quota and how many profiles it holds (admin)',
    access: 'admin',
    responses: [{ status: 200, description: 'The organizations, ids ascending.', schema: OrganizationListResponse }],
    handle: async ({ c, service }) => jsonResponse(c, { items: await service.listOrganizations() }),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/organizations/:id',
    operationId: 'getOrganization',
    tag: 'Organizations',
    summary: 'One organization (admin)',
    access: 'admin',
    params: OrganizationParams,
    responses: [{ status: 200, description: 'The organization.', schema: OrganizationResponse }],
    problems: ['organization.not_found'],
    handle: async ({ c, service, params }) => jsonResponse(c, await service.getOrganization(params.id)),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/organizations/:id',
    operationId: 'updateOrganization',
    tag: 'Organizations',
    summary: "Change an organization's name or quota (admin)",
    access: 'admin',
    params: OrganizationParams,
    body: OrganizationPatchRequest,
    responses: [{ status: 200, description: 'The organization as it is now.', schema: OrganizationResponse }],
    problems: ['organization.not_found'],
    handle: async ({ c, service, params, body }) =>
      jsonResponse(
        c,
        await service.updateOrganization(params.id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.profileQuota !== undefined ? { profileQuota: body.profileQuota } : {}),
        }),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/keys',
    operationId: 'createKey',
    tag: 'Organizations',
    summary: 'Make an API key (admin)',
    description: 'A counsellor key belongs to an organization and sees its profiles only. The secret is in this answer and nowhere else: the server keeps its SHA-256.',
    access: 'admin',
    body: KeyCreateRequest,
    responses: [{ status: 201, description: 'The key and its secret.', schema: NewApiKeyResponse }],
    problems: ['organization.not_found'],
    handle: async ({ c, service, body }) =>
      jsonResponse(
        c,
        await service.createApiKey({
          role: body.role,
          ...(body.organization !== undefined ? { organization: body.organization } : {}),
          ...(body.label !== undefined ? { label: body.label } : {}),
        }),
        201,
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/keys',
    operationId: 'listKeys',
    tag: 'Organizations',
    summary: 'The keys made through the API, revoked ones included; never their secrets (admin)',
    access: 'admin',
    query: KeyListQuery,
    responses: [{ status: 200, description: 'The keys, oldest first.', schema: ApiKeyListResponse }],
    handle: async ({ c, service, query }) => jsonResponse(c, { items: await service.listApiKeys(query.organization) }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/keys/:id',
    operationId: 'revokeKey',
    tag: 'Organizations',
    summary: 'Revoke a key (admin)',
    description: 'At once through this process; through other processes within 2 s (they remember a key that long).',
    access: 'admin',
    params: KeyParams,
    responses: [{ status: 204, description: 'Revoked.' }],
    problems: ['key.not_found'],
    handle: async ({ c, service, params }) => {
      await service.revokeApiKey(params.id);
      return c.body(null, 204);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/audit',
    operationId: 'listAudit',
    tag: 'Organizations',
    summary: 'Every access to a profile, newest first (admin)',
    description: 'One entry per profile per access: created, read, listed, changed, erased, or used by an analysis; with the key and the request id. No entry holds profile content or a label.',
    access: 'admin',
    query: AuditListQuery,
    responses: [{ status: 200, description: 'A page of entries.', schema: AuditPageResponse }],
    handle: async ({ c, service, query }) => jsonResponse(c, await service.listAudit(query)),
  }),
];
