// Counsellors' case files: profiles stored on request, each in the organization of the key that
// stored it and seen only through keys of that organization, every access recorded in the audit
// log, erased on DELETE (the row is removed, not flagged). Responses are never cached.
import { jsonResponse } from '../http/json-response.ts';
import { profileScope } from '../http/auth.ts';
import { defineRoute } from '../http/route.ts';
import { ProfileCreateRequest, ProfileListQuery, ProfileParams, ProfilePatchRequest } from '../schemas/requests.ts';
import { ProfilePageResponse, StoredProfileResponse } from '../schemas/responses.ts';

export const profileRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/profiles',
    operationId: 'createProfile',
    tag: 'Profiles',
    summary: 'Store a profile (counsellor)',
    access: 'counsellor',
    body: ProfileCreateRequest,
    responses: [{ status: 201, description: 'Stored; Location names it.', schema: StoredProfileResponse }],
    problems: ['profile.invalid'],
    handle: async ({ c, service, body }) => {
      const stored = await service.createProfile(profileScope(c), body.profile, body.label !== undefined ? { label: body.label } : {});
      c.header('location', `/v1/profiles/${stored.id}`);
      return jsonResponse(c, stored, 201);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/profiles',
    operationId: 'listProfiles',
    tag: 'Profiles',
    summary: 'Stored profiles, newest first (counsellor)',
    access: 'counsellor',
    query: ProfileListQuery,
    responses: [{ status: 200, description: 'One page of profiles.', schema: ProfilePageResponse }],
    handle: async ({ c, service, query }) => jsonResponse(c, await service.listProfiles(profileScope(c), query)),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/profiles/:id',
    operationId: 'getProfile',
    tag: 'Profiles',
    summary: 'One stored profile (counsellor)',
    access: 'counsellor',
    params: ProfileParams,
    responses: [{ status: 200, description: 'The profile.', schema: StoredProfileResponse }],
    problems: ['profile.not_found'],
    handle: async ({ c, service, params }) => jsonResponse(c, await service.getProfile(profileScope(c), params.id)),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/profiles/:id',
    operationId: 'updateProfile',
    tag: 'Profiles',
    summary: 'Change a stored profile (counsellor)',
    description: 'Top-level profile fields given are replaced; a field set to null is removed (its default applies). `label: null` removes the label.',
    access: 'counsellor',
    params: ProfileParams,
    body: ProfilePatchRequest,
    responses: [{ status: 200, description: 'The profile as stored now.', schema: StoredProfileResponse }],
    problems: ['profile.not_found', 'profile.invalid'],
    handle: async ({ c, service, params, body }) =>
      jsonResponse(c, await service.updateProfile(profileScope(c), params.id, body.profile ?? {}, body.label !== undefined ? { label: body.label } : {})),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/profiles/:id',
    operationId: 'deleteProfile',
    tag: 'Profiles',
    summary: 'Erase a stored profile (counsellor)',
    access: 'counsellor',
    params: ProfileParams,
    responses: [{ status: 204, description: 'Erased: the row is gone; a GET now answers 404.' }],
    problems: ['profile.not_found'],
    handle: async ({ c, service, params }) => {
      await service.deleteProfile(profileScope(c), params.id);
      return c.body(null, 204);
    },
  }),
];
