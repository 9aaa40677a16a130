// A property-based fuzzer driven by the OpenAPI document itself: requests are generated from the
// JSON Schemas of /openapi.json (path and query parameters, bodies, with and without keys; some
// then broken: a required member dropped, an unknown one added, a body of the wrong type), sent to
// the real server, and every answer is checked against the same document: no 5xx, a status the
// operation declares, the declared media type, and a body its declared schema accepts (Ajv,
// JSON Schema 2020-12). A failure prints the shrunk request and FUZZ_SEED replays a run.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryFor, resolve } from './helpers/schema-arbitrary.ts';
import { ADMIN, call, COUNSELLOR, startTestServer, type TestServer } from './helpers/server.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  operationId: string;
  spec: Schema;
}
interface GeneratedRequest {
  operation: Operation;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  key: 'none' | 'counsellor' | 'admin';
  breakage: 'none' | 'drop-required' | 'unknown-member' | 'wrong-type';
}

let server: TestServer;
let document: Schema;
let operations: Operation[];
const known: Record<string, string[]> = {
  occupation: ['nurse', 'aide', 'Registered nurse', 'zzz-unknown'],
  occupations: ['nurse', 'aide'],
  a: ['nurse', 'aide'],
  b: ['aide', 'nurse'],
  target: ['aide', 'nurse'],
  occ: ['nurse', 'aide'],
  competency: ['communication', 'assessment', 'daily-living'],
  framework: ['tiny'],
  organization: ['default'],
  code: ['request.invalid', 'profile.not_found'],
};

beforeAll(async () => {
  server = await startTestServer();
  document = (await call(server.url, 'GET', '/openapi.json')).body;
  operations = Object.entries(document.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({ method: method.toUpperCase(), path, operationId: spec.operationId, spec })),
  );
  // Stored profiles, so that profileId and path ids can name one.
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) ids.push((await call(server.url, 'POST', '/v1/profiles', { label: `Fuzz ${i}`, profile: { occupations: [{ occupation: 'nurse' }] } }, COUNSELLOR)).body.id);
  known.profileId = ids;
  known.profileIds = ids;
  known.id = ['tiny', 'default', ...ids];
});
afterAll(() => server.close());

function requestArbitrary(): fc.Arbitrary<GeneratedRequest> {
  const options = { document, known, maxItems: 3, maxLength: 20 };
  return fc.constantFrom(...operations).chain((operation) => {
    const parameters: Schema[] = operation.spec.parameters ?? [];
    const inPath = parameters.filter((p) => p.in === 'path');
    const inQuery = parameters.filter((p) => p.in === 'query');
    const params = fc.record(Object.fromEntries(inPath.map((p) => [p.name, arbitraryFor(p.schema, options, p.name)])));
    const query = fc.record(Object.fromEntries(inQuery.map((p) => [p.name, arbitraryFor(p.schema, options, p.name)])), {
      requiredKeys: inQuery.filter((p) => p.required).map((p) => p.name) as never[],
    });
    const bodySchema: Schema | undefined = operation.spec.requestBody?.content?.['application/json']?.schema;
    return fc.record({
      operation: fc.constant(operation),
      params,
      query,
      body: bodySchema ? arbitraryFor(bodySchema, options) : fc.constant(undefined),
      // Mostly the key the operation asks for, so that requests get past it; sometimes another.
      key: fc.oneof(
        { arbitrary: fc.constant(keyFor(operation.spec['x-access'])), weight: 3 },
        { arbitrary: fc.constantFrom('none' as const, 'counsellor' as const, 'admin' as const), weight: 1 },
      ),
      breakage: bodySchema
        ? fc.constantFrom('none' as const, 'none' as const, 'none' as const, 'drop-required' as const, 'unknown-member' as const, 'wrong-type' as const)
        : fc.constant('none' as const),
    });
  });
}

function keyFor(access: string): GeneratedRequest['key'] {
  return access === 'admin' ? 'admin' : access === 'counsellor' ? 'counsellor' : 'none';
}

/** The body as sent: broken as asked (a broken body must be refused with a declared 4xx). */
function bodyOf(request: GeneratedRequest): unknown {
  const body = request.body;
  if (request.breakage === 'wrong-type') return 42;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy = { ...(body as Record<string, unknown>) };
  if (request.breakage === 'unknown-member') copy.notInTheSchema = true;
  if (request.breakage === 'drop-required') {
    const schema = resolve(request.operation.spec.requestBody.content['application/json'].schema, document);
    const required: string[] = schema.required ?? [];
    if (required.length > 0) delete copy[required[0]!];
    else copy.notInTheSchema = 1;
  }
  return copy;
}

function urlOf(request: GeneratedRequest): string {
  // Dots too: a segment of ".." would otherwise be resolved away before it is sent.
  const encode = (value: unknown) => encodeURIComponent(String(value)).replace(/\./g, '%2E');
  const path = request.operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(request.params[name]));
  const query = new URLSearchParams(Object.entries(request.query).map(([k, v]): [string, string] => [k, String(v)]));
  return `${path}${query.size > 0 ? `?${query}` : ''}`;
}

type Validator = ((value: unknown) => boolean) & { errors?: unknown };
const validators = new Map<string, Validator>();
let ajv: Ajv2020;

function validatorFor(key: string, schema: Schema): Validator {
  let validate = validators.get(key);
  if (!validate) {
    validate = (typeof schema.$ref === 'string' ? ajv.compile({ $ref: `openapi${schema.$ref}` }) : ajv.compile({ ...schema, $id: `inline:${key}` })) as Validator;
    validators.set(key, validate);
  }
  return validate;
}

/** The answer as sent: redirects are not followed (a 302 is an answer of its own). */
async function send(method: string, path: string, body: string | undefined, headers: Record<string, string>) {
  const response = await fetch(server.url + path, {
    method,
    redirect: 'manual',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, body: contentType.includes('json') && text !== '' ? JSON.parse(text) : text };
}

describe('the API against its own OpenAPI document', () => {
  it(`answers ${RUNS} requests generated from the document as the document says, never with a 5xx (seed ${SEED})`, async () => {
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema(document, 'openapi');
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(), async (request) => {
        const headers: Record<string, string> = request.key === 'admin' ? { ...ADMIN } : request.key === 'counsellor' ? { ...COUNSELLOR } : {};
        const body = bodyOf(request);
        const answer = await send(request.operation.method, urlOf(request), body === undefined ? undefined : JSON.stringify(body), headers);
        const shown = JSON.stringify(answer.body).slice(0, 400);
        const { spec } = request.operation;
        statuses.set(`${spec.operationId} ${answer.status}`, (statuses.get(`${spec.operationId} ${answer.status}`) ?? 0) + 1);
        expect(answer.status, `5xx: ${shown}`).toBeLessThan(500);
        const declared = spec.responses[String(answer.status)];
        expect(declared, `${spec.operationId} answered ${answer.status}, which it does not declare: ${shown}`).toBeDefined();
        if (request.breakage !== 'none') expect(answer.status, 'a broken request was accepted').toBeGreaterThanOrEqual(400);
        if (!declared.content) {
          if (answer.status === 204) expect(answer.body).toBe('');
          return;
        }
        const mediaType = answer.contentType.split(';')[0]!.trim();
        expect(Object.keys(declared.content), `${spec.operationId} ${answer.status}: media type`).toContain(mediaType);
        const schema = declared.content[mediaType].schema;
        if (!schema) return;
        const validate = validatorFor(`${spec.operationId}:${answer.status}:${mediaType}`, schema);
        const valid = validate(answer.body);
        expect(valid, `${spec.operationId} ${answer.status} breaks its schema: ${JSON.stringify(validate.errors).slice(0, 600)}; body ${shown}`).toBe(true);
        if (mediaType === 'application/problem+json') {
          expect(answer.body.status).toBe(answer.status);
          expect(answer.body.type).toBe(`/problems/${answer.body.code}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, verbose: 0 },
    );
    expect(server.logs.filter((l) => l.startsWith('ERROR'))).toEqual([]);
    // The generator reached past the schemas: most operations answered with success at least once.
    const succeeded = new Set([...statuses.keys()].filter((k) => /\s2\d\d$/.test(k)).map((k) => k.split(' ')[0]));
    expect(succeeded.size, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThanOrEqual(Math.floor(operations.length * 0.6));
  }, 120_000);
});
