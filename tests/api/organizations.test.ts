// Case files per counsellor (issue 15, item 8): keys belong to an organization, a counsellor
// reads, lists, changes and erases only the organization's profiles, an admin manages
// organizations and keys, an organization holds at most its quota, and every access to a profile
// is in an audit log that holds no profile content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, COUNSELLOR, problem, schemaIssues, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
const req = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(server.url, method, path, body, headers);
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const marker = 'Private-Case-Note-61f0';
let harbour: Record<string, string>;
let harbourKeyId: string;

beforeAll(async () => {
  server = await startTestServer();
  const org = await req('POST', '/v1/organizations', { id: 'harbour', name: 'Harbour Settlement', profileQuota: 2 }, ADMIN);
  expect(org.status, JSON.stringify(org.body)).toBe(201);
  const key = await req('POST', '/v1/keys', { role: 'counsellor', organization: 'harbour', label: 'Front desk' }, ADMIN);
  expect(key.status).toBe(201);
  expect(schemaIssues('createKey', key)).toEqual([]);
  harbour = bearer(key.body.secret);
  harbourKeyId = key.body.key.id;
});
afterAll(() => server.close());

describe('organizations and keys (admin)', () => {
  it('creates, lists, reads and changes organizations, with their quota and profile count', async () => {
    const listed = await req('GET', '/v1/organizations', undefined, ADMIN);
    expect(schemaIssues('listOrganizations', listed)).toEqual([]);
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual(['default', 'harbour']);
    expect((await req('GET', '/v1/organizations/harbour', undefined, ADMIN)).body).toMatchObject({ id: 'harbour', name: 'Harbour Settlement', profileQuota: 2 });
    problem(await req('POST', '/v1/organizations', { id: 'harbour', name: 'Again' }, ADMIN), 409, 'organization.exists');
    problem(await req('GET', '/v1/organizations/nowhere', undefined, ADMIN), 404, 'organization.not_found');
    const bad = problem(await req('POST', '/v1/organizations', { id: 'Not A Slug', name: 'x' }, ADMIN), 400, 'request.invalid');
    expect(bad.errors[0].path).toBe('body.id');
    const created = await req('POST', '/v1/organizations', { id: 'quayside', name: 'Quayside' }, ADMIN);
    expect(created.body).toMatchObject({ profileQuota: 1000, profiles: 0 });
    const patched = await req('PATCH', '/v1/organizations/quayside', { profileQuota: 5 }, ADMIN);
    expect([patched.status, patched.body.profileQuota]).toEqual([200, 5]);
    problem(await req('PATCH', '/v1/organizations/quayside', {}, ADMIN), 400, 'request.invalid');
  });

  it('makes keys whose secret is shown once, lists them without secrets, and revokes them', async () => {
    const made = await req('POST', '/v1/keys', { role: 'counsellor', organization: 'quayside' }, ADMIN);
    expect(made.body.secret).toMatch(/^bwk_[A-Za-z0-9_-]{32}$/);
    const listed = await req('GET', '/v1/keys?organization=quayside', undefined, ADMIN);
    expect(schemaIssues('listKeys', listed)).toEqual([]);
    expect(listed.body.items).toEqual([made.body.key]);
    expect(JSON.stringify((await req('GET', '/v1/keys', undefined, ADMIN)).body)).not.toContain(made.body.secret);
    expect((await req('GET', '/v1/profiles', undefined, bearer(made.body.secret))).status).toBe(200);
    expect((await req('DELETE', `/v1/keys/${made.body.key.id}`, undefined, ADMIN)).status).toBe(204);
    problem(await req('GET', '/v1/profiles', undefined, bearer(made.body.secret)), 401, 'auth.invalid_key');
    problem(await req('DELETE', `/v1/keys/${made.body.key.id}`, undefined, ADMIN), 404, 'key.not_found');
    const noOrg = problem(await req('POST', '/v1/keys', { role: 'counsellor' }, ADMIN), 400, 'request.invalid');
    expect(noOrg.errors).toEqual([{ path: 'body.organization', message: 'a counsellor key belongs to an organization: give "organization"' }]);
    problem(await req('POST', '/v1/keys', { role: 'counsellor', organization: 'nowhere' }, ADMIN), 404, 'organization.not_found');
  });

  it('keeps organizations, keys and the audit log to admin keys', async () => {
    for (const [method, path] of [['GET', '/v1/organizations'], ['POST', '/v1/keys'], ['GET', '/v1/audit']] as const) {
      problem(await req(method, path, method === 'POST' ? { role: 'admin' } : undefined, harbour), 403, 'auth.forbidden');
      problem(await req(method, path, method === 'POST' ? { role: 'admin' } : undefined, COUNSELLOR), 403, 'auth.forbidden');
    }
  });
});

describe("an organization's case files", () => {
  it("are the organization's only: another organization's key cannot read, list, change, erase or rank them", async () => {
    const created = await req('POST', '/v1/profiles', { label: marker, profile: { occupations: [{ occupation: 'nurse' }] } }, harbour);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    problem(await req('GET', `/v1/profiles/${id}`, undefined, COUNSELLOR), 404, 'profile.not_found');
    problem(await req('PATCH', `/v1/profiles/${id}`, { label: 'taken' }, COUNSELLOR), 404, 'profile.not_found');
    problem(await req('DELETE', `/v1/profiles/${id}`, undefined, COUNSELLOR), 404, 'profile.not_found');
    problem(await req('POST', '/v1/rank', { profileId: id }, COUNSELLOR), 404, 'profile.not_found');
    problem(await req('POST', '/v1/gaps/cohort', { target: 'aide', profileIds: [id] }, COUNSELLOR), 404, 'profile.not_found');
    const theirs = await req('GET', '/v1/profiles?limit=500', undefined, COUNSELLOR);
    expect(theirs.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const mine = await req('GET', '/v1/profiles', undefined, harbour);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await req('GET', `/v1/profiles/${id}`, undefined, harbour)).body.label).toBe(marker);
    expect((await req('POST', '/v1/rank', { profileId: id }, harbour)).status).toBe(200);
  });

  it('stop at the quota with a 403 that names it, and take one again after an erasure', async () => {
    const second = await req('POST', '/v1/profiles', { profile: {} }, harbour);
    expect(second.status).toBe(201);
    const over = problem(await req('POST', '/v1/profiles', { profile: {} }, harbour), 403, 'profile.quota_exceeded');
    expect(over.detail).toBe('organization "harbour" holds 2 profile(s), its quota; erase one, or ask an admin to raise the quota');
    expect((await req('GET', '/v1/organizations/harbour', undefined, ADMIN)).body.profiles).toBe(2);
    expect((await req('DELETE', `/v1/profiles/${second.body.id}`, undefined, harbour)).status).toBe(204);
    expect((await req('POST', '/v1/profiles', { profile: {} }, harbour)).status).toBe(201);
  });

  it('leave a trail of every access in the audit log, with the key and the request, and nothing of the profile', async () => {
    const created = await req('POST', '/v1/profiles', { label: `${marker}-2`, profile: { competencies: [{ competency: 'communication', level: 0.5, note: marker }] } }, COUNSELLOR, );
    const id = created.body.id as string;
    await req('GET', `/v1/profiles/${id}`, undefined, { ...COUNSELLOR, 'x-request-id': 'audit-read-1' });
    await req('GET', '/v1/profiles?limit=1', undefined, COUNSELLOR);
    await req('POST', '/v1/what-if', { profileId: id, program: { competencies: [{ competency: 'daily-living', level: 0.6 }] } }, COUNSELLOR);
    await req('PATCH', `/v1/profiles/${id}`, { profile: { province: 'ON' } }, COUNSELLOR);
    await req('DELETE', `/v1/profiles/${id}`, undefined, COUNSELLOR);
    const audit = await req('GET', `/v1/audit?profileId=${id}`, undefined, ADMIN);
    expect(schemaIssues('listAudit', audit)).toEqual([]);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'use', 'list', 'read', 'create']);
    expect(audit.body.items.every((e: { actor: string; organization: string }) => e.actor === 'env:2' && e.organization === 'default')).toBe(true);
    expect(audit.body.items[4].requestId).toBe('audit-read-1');
    const all = await req('GET', '/v1/audit?limit=500', undefined, ADMIN);
    expect(JSON.stringify(all.body)).not.toContain(marker);
    const byHarbour = await req('GET', '/v1/audit?organization=harbour&limit=500', undefined, ADMIN);
    expect(new Set(byHarbour.body.items.map((e: { actor: string }) => e.actor))).toEqual(new Set([harbourKeyId]));
  });
});
