// API keys and roles over real HTTP, and counsellors' profiles: create, read, list, change and
// erase, where erasing removes the data from the database file itself.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@bridgework/store/sqlite';
import { filesHolding } from '../../packages/store/test/files-holding.ts';
import { ADMIN, ADMIN_KEY, call, COUNSELLOR, COUNSELLOR_KEY, problem, schemaIssues, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
const req = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(server.url, method, path, body, headers);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('authentication', () => {
  it('answers 401 with a Bearer challenge when a counsellor route gets no key', async () => {
    const answer = await req('GET', '/v1/profiles');
    const body = problem(answer, 401, 'auth.missing_key');
    expect(body.detail).toBe('this route needs a counsellor API key: send "Authorization: Bearer <key>"');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="bridgework"');
  });

  it('answers 401 for a key the server does not know, even on an open route', async () => {
    problem(await req('GET', '/v1/profiles', undefined, { authorization: 'Bearer not-a-real-key' }), 401, 'auth.invalid_key');
    problem(await req('GET', '/v1/frameworks', undefined, { 'x-api-key': 'not-a-real-key' }), 401, 'auth.invalid_key');
    const scheme = problem(await req('GET', '/v1/profiles', undefined, { authorization: `Basic ${COUNSELLOR_KEY}` }), 401, 'auth.invalid_key');
    expect(scheme.detail).toBe('the Authorization header must be "Bearer <key>"');
  });

  it('answers 403 when a counsellor key asks for an admin route', async () => {
    const body = problem(await req('POST', '/v1/frameworks/import', { kind: 'native', path: 'x' }, COUNSELLOR), 403, 'auth.forbidden');
    expect(body.detail).toBe('this route needs an admin key; this key has the counsellor role');
    problem(await req('DELETE', '/v1/frameworks/tiny/versions/1.0.0', undefined, COUNSELLOR), 403, 'auth.forbidden');
  });

  it('accepts the right role by either header; an admin key of no organization holds no case files', async () => {
    expect((await req('GET', '/v1/profiles', undefined, COUNSELLOR)).status).toBe(200);
    expect((await req('GET', '/v1/profiles', undefined, { 'x-api-key': COUNSELLOR_KEY })).status).toBe(200);
    expect((await req('GET', '/v1/imports', undefined, { authorization: `bearer ${ADMIN_KEY}` })).status).toBe(200);
    const admin = problem(await req('GET', '/v1/profiles', undefined, ADMIN), 403, 'auth.forbidden');
    expect(admin.detail).toBe(
      'this route needs a key of an organization: profiles belong to one; this admin key belongs to none (POST /v1/keys makes a counsellor key of an organization)',
    );
  });

  it('checks the key before reading the body', async () => {
    // A body that would be a 400 is never looked at without a key.
    problem(await req('POST', '/v1/profiles', '{not json'), 401, 'auth.missing_key');
  });
});

describe('public read switched off', () => {
  let closed: TestServer;
  beforeAll(async () => {
    closed = await startTestServer({ publicRead: false });
  });
  afterAll(() => closed.close());

  it('needs a key of any role for framework reads and analyses', async () => {
    problem(await call(closed.url, 'GET', '/v1/frameworks'), 401, 'auth.missing_key');
    problem(await call(closed.url, 'POST', '/v1/rank', { profile: { occupations: [{ occupation: 'nurse' }] } }), 401, 'auth.missing_key');
    expect((await call(closed.url, 'GET', '/v1/frameworks', undefined, COUNSELLOR)).status).toBe(200);
    expect((await call(closed.url, 'POST', '/v1/rank', { profile: { occupations: [{ occupation: 'nurse' }] } }, COUNSELLOR)).status).toBe(200);
  });

  it('keeps health and the reference open', async () => {
    expect((await call(closed.url, 'GET', '/healthz')).status).toBe(200);
    expect((await call(closed.url, 'GET', '/readyz')).status).toBe(200);
    expect((await call(closed.url, 'GET', '/openapi.json')).status).toBe(200);
  });
});

describe('profiles', () => {
  const profile = { occupations: [{ occupation: 'nurse', years: 6 }], province: 'ON', languageLevel: 8 };

  it('creates, reads, lists and changes a profile', async () => {
    const created = await req('POST', '/v1/profiles', { label: 'Case 17', profile }, COUNSELLOR);
    expect(created.status).toBe(201);
    expect(schemaIssues('createProfile', created)).toEqual([]);
    expect(created.headers.get('location')).toBe(`/v1/profiles/${created.body.id}`);
    expect(created.body).toMatchObject({ label: 'Case 17', profile: { ...profile, competencies: [], preferences: {} } });

    const read = await req('GET', `/v1/profiles/${created.body.id}`, undefined, COUNSELLOR);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const list = await req('GET', '/v1/profiles?limit=500', undefined, COUNSELLOR);
    expect(schemaIssues('listProfiles', list)).toEqual([]);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);

    const patched = await req('PATCH', `/v1/profiles/${created.body.id}`, { label: null, profile: { languageLevel: 10, province: null } }, COUNSELLOR);
    expect(patched.status).toBe(200);
    expect(schemaIssues('updateProfile', patched)).toEqual([]);
    expect(patched.body.label).toBeUndefined();
    expect(patched.body.profile).toEqual({ occupations: [{ occupation: 'nurse', years: 6 }], competencies: [], languageLevel: 10, preferences: {} });
  });

  it('pages the list newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await req('POST', '/v1/profiles', { label: `Page ${i}`, profile }, COUNSELLOR)).body.id);
    const first = await req('GET', '/v1/profiles?limit=2', undefined, COUNSELLOR);
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    const second = await req('GET', `/v1/profiles?limit=2&cursor=${first.body.nextCursor}`, undefined, COUNSELLOR);
    expect(second.body.items[0].id).toBe(ids[0]);
  });

  it('refuses an invalid profile, an empty change and an unknown id', async () => {
    const invalid = problem(await req('POST', '/v1/profiles', { profile: { province: 'XX' } }, COUNSELLOR), 400, 'request.invalid');
    expect(invalid.errors[0].path).toBe('body.profile.province');
    problem(await req('PATCH', '/v1/profiles/00000000-0000-4000-8000-000000000000', {}, COUNSELLOR), 400, 'request.invalid');
    problem(await req('PATCH', '/v1/profiles/00000000-0000-4000-8000-000000000000', { label: 'x' }, COUNSELLOR), 404, 'profile.not_found');
    problem(await req('GET', '/v1/profiles/00000000-0000-4000-8000-000000000000', undefined, COUNSELLOR), 404, 'profile.not_found');
    const badId = problem(await req('GET', '/v1/profiles/not-a-uuid', undefined, COUNSELLOR), 400, 'request.invalid');
    expect(badId.errors).toEqual([{ path: 'path.id', message: 'must be a profile id (a UUID)' }]);
  });

  it('erases on DELETE: the row is gone, a GET answers 404, and the file no longer holds the data', async () => {
    const marker = 'Erasure-Marker-5d1c9e';
    const created = await req('POST', '/v1/profiles', { label: marker, profile: { ...profile, label: marker } }, COUNSELLOR);
    const id = created.body.id as string;
    const deleted = await req('DELETE', `/v1/profiles/${id}`, undefined, COUNSELLOR);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    problem(await req('GET', `/v1/profiles/${id}`, undefined, COUNSELLOR), 404, 'profile.not_found');
    problem(await req('DELETE', `/v1/profiles/${id}`, undefined, COUNSELLOR), 404, 'profile.not_found');

    const store = openSqliteStore(join(server.dir, 'bridgework.db'));
    try {
      expect(await store.getProfile({ organization: 'default', actor: 'test' }, id)).toBeUndefined();
    } finally {
      await store.close();
    }
    expect(filesHolding(join(server.dir, 'bridgework.db'), marker)).toEqual([]);
  });
});
