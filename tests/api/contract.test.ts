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
