// What the server refuses before any schema looks at a request: bodies above the limit (413),
// other media types (415), malformed JSON (400); and what it logs: one line per request, never a
// query string or a body.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, problem, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let small: TestServer;

beforeAll(async () => {
  [server, small] = await Promise.all([startTestServer(), startTestServer({ bodyLimit: 1024 })]);
});
afterAll(async () => {
  await Promise.all([server.close(), small.close()]);
});

describe('body size', () => {
  it('answers 413 above the default 1 MiB, by Content-Length and by what actually arrives', async () => {
    const big = JSON.stringify({ profile: { label: 'x'.repeat(1024 * 1024) } });
    const body = problem(await call(server.url, 'POST', '/v1/rank', big), 413, 'request.too_large');
    expect(body.detail).toBe('the body is larger than 1 MiB, the most this server accepts');

    // A streamed body has no Content-Length: the limit is applied while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 24; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as { code: string }).code).toBe('request.too_large');
  });

  it('answers 413 to a client still sending its body slowly, rather than dropping the connection', async () => {
    const { port } = new URL(small.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write('POST /v1/rank HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    // 5 chunks of 400 bytes, 50 ms apart: the limit (1 KiB) is passed while more is still to come.
    for (let i = 0; i < 5 && !socket.destroyed; i++) {
      socket.write(`190\r\n${' '.repeat(400)}\r\n`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
    socket.destroy();
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toContain('request.too_large');
  });

  it('logs a body cut off by the client as its mistake (400), not as a fault of ours', async () => {
    const { port } = new URL(small.url);
    const before = small.logs.length;
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.on('error', () => undefined);
    socket.write('POST /v1/rank HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{"profile":');
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
    const deadline = Date.now() + 3000;
    while (!small.logs.slice(before).some((l) => l.startsWith('POST /v1/rank')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const lines = small.logs.slice(before);
    expect(lines.find((l) => l.startsWith('POST /v1/rank'))).toMatch(/^POST \/v1\/rank 400 /);
    expect(lines.filter((l) => l.startsWith('ERROR'))).toEqual([]);
  });

  it('applies a configured limit, and accepts a body just under it', async () => {
    const under = JSON.stringify({ profile: { occupations: [{ occupation: 'nurse' }], label: 'x'.repeat(100) } });
    expect((await call(small.url, 'POST', '/v1/rank', under)).status).toBe(200);
    const over = JSON.stringify({ profile: { occupations: [{ occupation: 'nurse' }], label: 'x'.repeat(1100) } });
    expect(problem(await call(small.url, 'POST', '/v1/rank', over), 413, 'request.too_large').detail).toBe(
      'the body is larger than 1 KiB, the most this server accepts',
    );
  });
});

describe('content type', () => {
  it('answers 415 for a body that is not JSON, or has no content type', async () => {
    const text = problem(await call(server.url, 'POST', '/v1/rank', '{}', { 'content-type': 'text/plain' }), 415, 'request.unsupported_media_type');
    expect(text.detail).toBe('Content-Type text/plain is not accepted here; send application/json');
    const csv = problem(await call(server.url, 'POST', '/v1/rank', 'a,b', { 'content-type': 'text/csv' }), 415, 'request.unsupported_media_type');
    expect(csv.detail).toBe('Content-Type text/csv is not accepted here; send application/json');
    const none = await fetch(`${server.url}/v1/rank`, { method: 'POST', body: new Uint8Array([0x7b, 0x7d]) });
    expect(none.status).toBe(415);
    expect(((await none.json()) as { detail: string }).detail).toBe('send the body with Content-Type: application/json');
  });

  it('accepts a UTF-8 charset and refuses another', async () => {
    const body = JSON.stringify({ profile: { occupations: [{ occupation: 'nurse' }] } });
    expect((await call(server.url, 'POST', '/v1/rank', body, { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);
    problem(await call(server.url, 'POST', '/v1/rank', body, { 'content-type': 'application/json; charset=latin1' }), 415, 'request.unsupported_media_type');
  });
});

describe('malformed bodies', () => {
  it('answers 400 request.malformed, never 500, for JSON that does not parse', async () => {
    const body = problem(await call(server.url, 'POST', '/v1/rank', '{"profile": '), 400, 'request.malformed');
    expect(body.detail).toMatch(/^the body is not valid JSON: /);
    expect(problem(await call(server.url, 'POST', '/v1/rank', ''), 400, 'request.malformed').detail).toBe('the body is empty; send a JSON object');
    const bytes = await fetch(`${server.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x22, 0xff, 0xfe, 0x22]) });
    expect(bytes.status).toBe(400);
    expect(((await bytes.json()) as { detail: string }).detail).toBe('the body is not valid UTF-8');
  });

  it('refuses 10,000 levels of nesting before parsing them', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(problem(await call(server.url, 'POST', '/v1/rank', deep), 400, 'request.malformed').detail).toBe(
      'the JSON nests deeper than 32 levels, the most any request needs',
    );
  });

  it('answers 400 for JSON of the wrong shape: an array, a string, a huge number', async () => {
    expect(problem(await call(server.url, 'POST', '/v1/rank', '[]'), 400, 'request.invalid').errors).toEqual([
      { path: 'body', message: 'expected object, got an array' },
    ]);
    problem(await call(server.url, 'POST', '/v1/rank', '"rank"'), 400, 'request.invalid');
    const huge = problem(await call(server.url, 'POST', '/v1/rank', '{"profile":{"occupations":[{"occupation":"nurse","years":1e400}]}}'), 400, 'request.invalid');
    expect(huge.errors).toEqual([{ path: 'body.profile.occupations.0.years', message: 'expected number, got Infinity' }]);
  });
});

describe('request log', () => {
  it('logs method, path, status, time and request id, never the query string or the body', async () => {
    const secret = 'Personal-Detail-3e8b';
    await call(server.url, 'GET', `/v1/frameworks/tiny/occupations?q=${secret}`, undefined, { 'x-request-id': 'log-check-1' });
    await call(server.url, 'POST', '/v1/rank', { profile: { label: secret, occupations: [{ occupation: 'nurse' }] } }, { 'x-request-id': 'log-check-2' });
    await call(server.url, 'POST', '/v1/rank', { profile: { label: secret, occupations: [{ occupation: 'astronaut' }] } }, { 'x-request-id': 'log-check-3' });
    expect(server.logs.some((l) => l.includes(secret))).toBe(false);
    const lines = server.logs.filter((l) => l.includes('log-check-'));
    expect(lines.map((l) => l.replace(/ [\d.]+ms /, ' <ms> '))).toEqual([
      'GET /v1/frameworks/tiny/occupations 200 <ms> log-check-1',
      'POST /v1/rank 200 <ms> log-check-2',
      'POST /v1/rank 404 <ms> log-check-3',
    ]);
  });

  it('logs a path as sent, percent-encoded, so a request cannot write a second line or a terminal escape', async () => {
    const before = server.logs.length;
    const forged = '/x%0ADELETE%20/v1/profiles/6f1c1c0e-0000-4000-8000-000000000000%20204%200.1ms%20abc%0D%1B[31mred%E2%80%AE';
    expect((await call(server.url, 'GET', forged, undefined, { 'x-request-id': 'forge-1' })).status).toBe(404);
    const lines = server.logs.slice(before);
    expect(lines.map((l) => l.replace(/ [\d.]+ms /, ' <ms> '))).toEqual([
      'GET /x%0ADELETE%20/v1/profiles/6f1c1c0e-0000-4000-8000-000000000000%20204%200.1ms%20abc%0D%1B[31mred%E2%80%AE 404 <ms> forge-1',
    ]);
    // Every line splits into the same five fields, none holding a control character.
    for (const line of server.logs) if (!/^(imported|already|could|listening|default|not ready|\d+ framework)/.test(line)) expect(line).toMatch(/^[A-Z]+ \S+ \d{3} [\d.]+ms \S+$/);
  });

  it('logged the start-up: the import, the counts, the default framework and the URL', () => {
    expect(server.logs.slice(0, 4).map((l) => l.replace(/ in [\d.]+ s$/, ' in <s>'))).toEqual([
      'imported tiny 1.0.0: 2 occupations, 3 competencies, 4 requirements in <s>',
      `1 framework(s), 1 version(s) in ${server.dir}/bridgework.db`,
      'default framework tiny 1.0.0 loaded',
      `listening on ${server.url}`,
    ]);
  });
});

describe('cost bounds (docs/api.md, Limits)', () => {
  const nurse = { occupations: [{ occupation: 'nurse' }] };

  it('refuses pathways whose options ask for more than candidates² × maxSteps = 12,000, naming the bound', async () => {
    const body = problem(await call(server.url, 'POST', '/v1/pathways', { profile: nurse, target: 'aide', options: { candidates: 300, maxSteps: 5, minCoverage: 0.05 } }), 400, 'request.invalid');
    expect(body.errors).toEqual([
      { path: 'body.options', message: 'candidates × candidates × maxSteps is 300 × 300 × 5 = 450,000; at most 12,000 per request (e.g. 40 candidates and 5 steps, or 60 and 3)' },
    ]);
    expect((await call(server.url, 'POST', '/v1/pathways', { profile: nurse, target: 'aide', options: { candidates: 60, maxSteps: 3 } })).status).toBe(200);
    expect((await call(server.url, 'POST', '/v1/pathways', { profile: nurse, target: 'aide', options: { candidates: 48, maxSteps: 5 } })).status).toBe(200);
    problem(await call(server.url, 'POST', '/v1/pathways', { profile: nurse, target: 'aide', options: { candidates: 90, maxSteps: 3 } }), 400, 'request.invalid');
  });

  it('refuses a cohort that names more than 4,000 occupations in all', async () => {
    const profiles = Array.from({ length: 401 }, () => ({ occupations: Array.from({ length: 10 }, () => ({ occupation: 'nurse' })) }));
    const body = problem(await call(server.url, 'POST', '/v1/gaps/cohort', { target: 'aide', profiles }), 400, 'request.invalid');
    expect(body.errors).toEqual([{ path: 'body.profiles', message: 'the cohort names 4,010 occupations; at most 4,000 per request' }]);
  });

  it('refuses a CSV cohort of more than 20,000 competency levels before validating a row', async () => {
    const columns = Array.from({ length: 26 }, (_, i) => `competency:c${i}`);
    const csv = `label,occupation,${columns.join(',')}\n` + Array.from({ length: 2000 }, (_, i) => `p${i},nurse,${columns.map(() => '1').join(',')}`).join('\n');
    const body = problem(await call(server.url, 'POST', '/v1/gaps/cohort?target=aide', csv, { 'content-type': 'text/csv' }), 400, 'request.invalid');
    expect(body.errors).toEqual([{ path: 'cohort.csv', message: '52,000 competency levels; at most 20,000 per cohort' }]);
  });

  it('refuses a CSV row of more than 1,000 cells and a cell of more than 1,000 characters', async () => {
    const wide = problem(await call(server.url, 'POST', '/v1/gaps/cohort?target=aide', `label,occupation\n${','.repeat(5000)}\n`, { 'content-type': 'text/csv' }), 400, 'request.invalid');
    expect(wide.errors).toEqual([{ path: 'cohort.csv:2', message: 'more than 1000 cells in a row; a cohort file has at most 1000 columns' }]);
    const long = problem(await call(server.url, 'POST', '/v1/gaps/cohort?target=aide', `label,occupation\nA,"${'x'.repeat(2000)}"\n`, { 'content-type': 'text/csv' }), 400, 'request.invalid');
    expect(long.errors).toEqual([{ path: 'cohort.csv:2', message: 'a cell longer than 1000 characters' }]);
  });

  it('reads 1 MiB of blank lines in a CSV body as an empty cohort (the time it takes: service cohort-csv.test.ts)', async () => {
    const csv = 'label,occupation\n' + '\n'.repeat(1024 * 1024 - 100);
    const body = problem(await call(server.url, 'POST', '/v1/gaps/cohort?target=aide', csv, { 'content-type': 'text/csv' }), 422, 'cohort.empty');
    expect(body.detail).toBe('cohort.csv: the cohort has no rows below the header');
  });
});
