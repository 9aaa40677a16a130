// Gaps between what the API promises and what it did (issue 15, item 7): strict query strings
// that let __proto__ through, text that is not Unicode, lengths counted two ways, rules the
// OpenAPI document did not state, and answers Node's HTTP parser gave without a problem body.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, COUNSELLOR, problem, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('strict query strings', () => {
  it('refuses __proto__ like any unknown parameter', async () => {
    const listed = problem(await call(server.url, 'GET', '/v1/frameworks/tiny/occupations?__proto__=x'), 400, 'request.invalid');
    expect(listed.errors).toEqual([{ path: 'query', message: 'unknown field "__proto__"' }]);
    problem(await call(server.url, 'GET', '/v1/frameworks?__proto__=x'), 400, 'request.invalid');
    problem(await call(server.url, 'GET', '/v1/profiles?constructor=x', undefined, COUNSELLOR), 400, 'request.invalid');
  });
});

describe('text', () => {
  const create = (body: unknown) => call(server.url, 'POST', '/v1/profiles', body, COUNSELLOR);

  it('refuses a lone surrogate anywhere in a body with a 400 naming where it is, and stores nothing', async () => {
    const before = (await call(server.url, 'GET', '/v1/profiles?limit=500', undefined, COUNSELLOR)).body.items.length;
    const label = problem(await create('{"label": "Case \\ud800\\udfff\\udc00", "profile": {}}'), 400, 'request.invalid');
    expect(label.errors).toEqual([{ path: 'body.label', message: 'is not Unicode text: it holds a lone surrogate (\\udc00)' }]);
    const nested = problem(await create('{"profile": {"competencies": [{"competency": "communication", "level": 0.5, "note": "\\ud83d"}]}}'), 400, 'request.invalid');
    expect(nested.errors).toEqual([{ path: 'body.profile.competencies.0.note', message: 'is not Unicode text: it holds a lone surrogate (\\ud83d)' }]);
    const key = problem(await call(server.url, 'POST', '/v1/rank', '{"profile": {"\\udfff": 1}}'), 400, 'request.invalid');
    expect(key.errors).toEqual([{ path: 'body.profile', message: 'a field name is not Unicode text: it holds a lone surrogate (\\udfff)' }]);
    expect((await call(server.url, 'GET', '/v1/profiles?limit=500', undefined, COUNSELLOR)).body.items.length).toBe(before);
  });

  it('keeps a well-formed pair written as escapes, exactly', async () => {
    const created = await create('{"label": "Case \\ud83d\\ude42", "profile": {}}');
    expect(created.status).toBe(201);
    expect(created.body.label).toBe('Case 🙂');
  });

  it('counts a label in characters (code points) as the document says: 200 emoji are accepted, 201 refused with a 400', async () => {
    const emoji = '🙂'.repeat(200);
    const created = await create({ label: emoji, profile: {} });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.label).toBe(emoji);
    const read = await call(server.url, 'GET', `/v1/profiles/${created.body.id}`, undefined, COUNSELLOR);
    expect(read.body.label).toBe(emoji);
    const patched = await call(server.url, 'PATCH', `/v1/profiles/${created.body.id}`, { label: '🩺'.repeat(150) }, COUNSELLOR);
    expect([patched.status, patched.body.label]).toEqual([200, '🩺'.repeat(150)]);
    const tooLong = problem(await create({ label: '🙂'.repeat(201), profile: {} }), 400, 'request.invalid');
    expect(tooLong.errors[0].path).toBe('body.label');
  });
});
