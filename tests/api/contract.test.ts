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

describe("what Node's HTTP parser refuses", () => {
  /** Writes raw bytes, returns everything the server sent until it closed (or 3 s passed). */
  async function raw(url: string, bytes: string, pauseMs = 0): Promise<string> {
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(bytes);
    if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    await Promise.race([closed, new Promise((r) => setTimeout(r, 3000))]);
    socket.destroy();
    return received;
  }

  function parsed(response: string) {
    const [head = '', body = ''] = response.split('\r\n\r\n');
    const [statusLine, ...headers] = head.split('\r\n');
    const header = (name: string) => headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
    return { status: Number(statusLine!.split(' ')[1]), contentType: header('content-type'), connection: header('connection'), body: JSON.parse(body) as Record<string, unknown> };
  }

  it('answers a request it cannot parse with a 400 problem', async () => {
    const answer = parsed(await raw(server.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n'));
    expect(answer).toMatchObject({ status: 400, contentType: 'application/problem+json', connection: 'close' });
    expect(answer.body).toMatchObject({ type: '/problems/request.malformed', status: 400, code: 'request.malformed', detail: 'the request is not valid HTTP/1.1', errors: [] });
  });

  it('answers headers larger than the server takes with a 431 problem', async () => {
    const answer = parsed(await raw(server.url, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(answer).toMatchObject({ status: 431, contentType: 'application/problem+json' });
    expect(answer.body).toMatchObject({ code: 'request.header_too_large', detail: 'the request headers are larger than 16 KiB, the most this server accepts' });
  });

  it('answers a client too slow to send its request with a 408 problem', async () => {
    const slow = await startTestServer({ requestTimeoutMs: 600 });
    try {
      const answer = parsed(await raw(slow.url, 'POST /v1/rank HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"pro', 1500));
      expect(answer).toMatchObject({ status: 408, contentType: 'application/problem+json', connection: 'close' });
      expect(answer.body).toMatchObject({ code: 'request.timeout', detail: 'the request did not arrive within 0.6 s' });
    } finally {
      await slow.close();
    }
  });
});
