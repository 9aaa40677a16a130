// Starts the real server (node:http through @hono/node-server) on an ephemeral port with a
// temporary SQLite file, the tiny fixture as its default framework and one key per role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { apiRoutes, DEFAULT_BODY_LIMIT, parseApiKeys, startServer, type ApiConfig, type RunningServer } from '@bridgework/api';

export const REPO = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const TINY = join(REPO, 'packages/importers/test/fixtures/native/tiny');
export const FIXTURES = join(REPO, 'tests/api/fixtures');
export const ADMIN_KEY = 'admin-key-for-tests-0001';
export const COUNSELLOR_KEY = 'counsellor-key-for-tests-0001';
export const ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };
export const COUNSELLOR = { authorization: `Bearer ${COUNSELLOR_KEY}` };

export interface TestServer {
  url: string;
  running: RunningServer;
  /** Every line the server logged. */
  logs: string[];
  /** A temporary folder, removed on close; also an import root. */
  dir: string;
  close(): Promise<void>;
}

export async function startTestServer(overrides: Partial<ApiConfig> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bridgework-api-'));
  const logs: string[] = [];
  const config: ApiConfig = {
    port: 0,
    host: '127.0.0.1',
    database: join(dir, 'bridgework.db'),
    defaultFramework: { id: 'tiny', source: { kind: 'native', path: TINY } },
    imports: [],
    apiKeys: parseApiKeys(`admin:${ADMIN_KEY},counsellor:${COUNSELLOR_KEY}`),
    publicRead: true,
    bodyLimit: DEFAULT_BODY_LIMIT,
    importRoots: [join(REPO, 'packages/importers/test/fixtures'), FIXTURES, dir],
    log: (line) => logs.push(line),
    ...overrides,
  };
  const running = await startServer(config);
  return {
    url: running.url,
    running,
    logs,
    dir,
    close: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  contentType: string;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: any;
}

/** fetch with a JSON body (unless a string is given) and the parsed answer. */
export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const response = await fetch(base + path, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (contentType.includes('json') && text !== '') parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, contentType, body: parsed };
}

const routes = apiRoutes(() => {
  throw new Error('not needed');
});

/**
 * Parses a successful answer with the response schema its route declares in the OpenAPI
 * document, so the document cannot drift from what the server sends. Returns the issues.
 */
export function schemaIssues(operationId: string, answer: Answer): string[] {
  const route = routes.find((r) => r.operationId === operationId);
  if (!route) return [`no route ${operationId}`];
  const declared = route.responses.find((r) => r.status === answer.status);
  if (!declared) return [`${operationId} does not declare status ${answer.status}`];
  if (!declared.schema) return [];
  const result = declared.schema.safeParse(answer.body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Every problem+json answer has these members, with the status repeated. */
export function problemShapeIssues(answer: Answer): string[] {
  const issues: string[] = [];
  if (!answer.contentType.startsWith('application/problem+json')) issues.push(`content-type ${answer.contentType}`);
  const b = answer.body as Record<string, unknown>;
  if (typeof b !== 'object' || b === null) return [...issues, 'body is not an object'];
  for (const key of ['type', 'title', 'detail', 'instance', 'code', 'requestId']) if (typeof b[key] !== 'string') issues.push(`missing ${key}`);
  if (b.status !== answer.status) issues.push(`status ${String(b.status)} != ${answer.status}`);
  if (!Array.isArray(b.errors)) issues.push('errors is not an array');
  if (typeof b.type === 'string' && b.type !== `/problems/${String(b.code)}`) issues.push(`type ${b.type} does not match code`);
  return issues;
}

/** Asserts a problem answer: its status, its problem+json shape and its code; returns the body. */
export function problem(answer: Answer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(problemShapeIssues(answer)).toEqual([]);
  expect(answer.body.code).toBe(code);
  return answer.body;
}

/** Starts an import (202 and a job) and polls its Location until it has finished; the final job. */
export async function importAndWait(base: string, body: unknown, headers: Record<string, string> = ADMIN, timeoutMs = 60_000): Promise<any> {
  const started = await call(base, 'POST', '/v1/frameworks/import', body, headers);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const location = started.headers.get('location')!;
  expect(location).toBe(`/v1/imports/${started.body.id}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await call(base, 'GET', location, undefined, headers);
    expect(job.status).toBe(200);
    if (job.body.status === 'succeeded' || job.body.status === 'failed') return job.body;
    if (Date.now() > deadline) throw new Error(`import still ${job.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
