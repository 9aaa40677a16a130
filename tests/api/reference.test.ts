// The API describes itself: /openapi.json lists every route with schemas that resolve, /docs is
// one self-contained HTML page, each problem `type` leads to its entry there, and docs/api.md
// lists every route and problem type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, PROBLEM_TYPES } from '@bridgework/api';
import { call, REPO, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const routes = apiRoutes(() => {
  throw new Error('not needed');
});

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document with every route and its operation id', async () => {
    const { status, body } = await call(server.url, 'GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const operations = Object.entries(body.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')} ${r.operationId}`).sort());
  });

  it('resolves every $ref to a component, and keeps $schema and $id out of components', async () => {
    const { body } = await call(server.url, 'GET', '/openapi.json');
    const components = Object.keys(body.components.schemas);
    const missing = [...new Set(refsIn(body))].filter((ref) => !components.includes(ref.replace('#/components/schemas/', '')));
    expect(missing).toEqual([]);
    expect(JSON.stringify(body.components.schemas)).not.toMatch(/"\$(schema|id|defs)"/);
  });

  it('describes request bodies from the core schemas: strict, with the documented bounds', async () => {
    const { body } = await call(server.url, 'GET', '/openapi.json');
    const rank = body.components.schemas.RankRequest;
    expect(rank.additionalProperties).toBe(false);
    expect(rank.properties.profile).toEqual({ $ref: '#/components/schemas/Profile', description: 'The person, inline (not stored). Exactly one of profile or profileId.' });
    expect(body.components.schemas.MatrixRequest.properties.occupations.maxItems).toBe(200);
    expect(body.components.schemas.RankOptions.properties.top).toMatchObject({ type: 'integer', minimum: 1, maximum: 500, default: 10 });
    expect(body.paths['/v1/profiles'].post.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(body.paths['/v1/rank'].post.responses['413'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('states the rules between fields: exactly one person or cohort, and something to change in a PATCH', async () => {
    const { body } = await call(server.url, 'GET', '/openapi.json');
    const schemas = body.components.schemas;
    const person = [{ required: ['profile'] }, { required: ['profileId'] }];
    for (const name of ['RankRequest', 'WhatIfRequest', 'PathwaysRequest']) expect(schemas[name].oneOf, name).toEqual(person);
    expect(schemas.CohortRequest.oneOf).toEqual([{ required: ['profiles'] }, { required: ['profileIds'] }]);
    expect(schemas.ProfilePatchRequest.anyOf).toEqual([{ required: ['label'] }, { required: ['profile'] }]);
  });

  it('lists every problem type with its status', async () => {
    const { body } = await call(server.url, 'GET', '/openapi.json');
    expect(Object.keys(body['x-problem-types']).sort()).toEqual(Object.keys(PROBLEM_TYPES).sort());
    expect(body['x-problem-types']['occupation.not_found']).toMatchObject({ status: 404, type: '/problems/occupation.not_found' });
  });
});

describe('GET /docs', () => {
  it('is one HTML page that loads nothing from elsewhere and runs no script', async () => {
    const answer = await call(server.url, 'GET', '/docs');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/html; charset=UTF-8');
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = answer.body as string;
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    const targets = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.filter((t) => !t.startsWith('#') && t !== '/openapi.json')).toEqual([]);
    for (const route of routes) expect(html).toContain(`id="op-${route.operationId}"`);
  });

  it('leads each problem type to its entry', async () => {
    for (const code of Object.keys(PROBLEM_TYPES)) {
      const response = await fetch(`${server.url}/problems/${code}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/docs#problem-${code}`);
    }
    const html = (await call(server.url, 'GET', '/docs')).body as string;
    for (const code of Object.keys(PROBLEM_TYPES)) expect(html).toContain(`id="problem-${code}"`);
    const unknown = await call(server.url, 'GET', '/problems/no.such_code');
    expect([unknown.status, unknown.body.code, unknown.body.detail]).toEqual([404, 'route.not_found', 'no problem type "no.such_code"; /docs lists them']);
  });
});

describe('docs/api.md', () => {
  const doc = readFileSync(join(REPO, 'docs/api.md'), 'utf8');

  it('lists every route', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).filter((route) => !doc.includes(route))).toEqual([]);
  });

  it('lists every problem type with its status and title', () => {
    const missing = Object.entries(PROBLEM_TYPES).filter(([code, t]) => !doc.includes(`| \`/problems/${code}\` | ${t.status} | ${t.title} |`));
    expect(missing.map(([code]) => code)).toEqual([]);
  });
});
