// Thousands of malformed requests from a seeded generator: bad JSON, wrong types, huge numbers,
// NaN/Infinity strings, unknown fields, deep nesting, oversized bodies, bad ids, path traversal,
// wrong methods, wrong content types, bad query strings. Every answer must be a 4xx
// application/problem+json: zero 5xx. The seed is printed with any failure so it can be replayed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELLOR, problemShapeIssues, startTestServer, TINY, type TestServer } from './helpers/server.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const REQUESTS = 2400;
const BODY_LIMIT = 8 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const text = (length: number, alphabet = CHARS) => Array.from({ length }, () => pick(alphabet)).join('');
  return { next, int, pick, text };
}
type Random = ReturnType<typeof prng>;

const CHARS = [...'abcXYZ019 -_./\\%?#&=+:;,"\'<>{}[]()*!~`@$^|', 'é', 'ß', '中', '🙂', '\u0000', '\u0007', '\u202e', '\ufeff'];

const PROFILE: Json = {
  occupations: [{ occupation: 'nurse', years: 3 }],
  competencies: [{ competency: 'communication', level: 0.5, evidence: 'assessed' }],
  languageLevel: 7,
  province: 'ON',
  preferences: { excludeRegulated: false, maxTrainingMonths: 24 },
};

/** Valid requests; every generator breaks one in a way that no schema accepts. */
const TEMPLATES: { path: string; headers: Record<string, string>; body: Json }[] = [
  { path: '/v1/rank', headers: {}, body: { framework: 'tiny', profile: PROFILE, options: { top: 5, weights: { coverage: 1 } } } },
  { path: '/v1/compare', headers: {}, body: { framework: 'tiny', a: 'nurse', b: 'aide' } },
  { path: '/v1/matrix', headers: {}, body: { occupations: ['nurse', 'aide'] } },
  { path: '/v1/gaps/cohort', headers: {}, body: { target: 'nurse', profiles: [PROFILE, { occupations: [{ occupation: 'aide' }] }], options: { tolerance: 0.1 } } },
  { path: '/v1/what-if', headers: {}, body: { profile: PROFILE, program: { name: 'Bridge', competencies: [{ competency: 'daily-living', level: 0.6 }] } } },
  { path: '/v1/pathways', headers: {}, body: { profile: PROFILE, target: 'aide', options: { maxSteps: 2, minCoverage: 0.5 } } },
  { path: '/v1/profiles', headers: COUNSELLOR, body: { label: 'Case', profile: PROFILE } },
  { path: '/v1/frameworks/import', headers: ADMIN, body: { kind: 'native', path: TINY, id: 'fuzz', version: '1' } },
];

/** Every node of a JSON value with its path (the root excluded). */
function nodes(value: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  const here = path.length > 0 ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  return here;
}

function replaced(root: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? replaced(v, rest, value) : v));
  const object = root as Record<string, Json>;
  return { ...object, [head!]: replaced(object[head!]!, rest, value) };
}

const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const OTHER_VALUES: Json[] = [42, -1.5, 'text', '', true, false, [], [1, 'two'], {}, { x: 1 }];
const PLACEHOLDER = '"__RAW_NUMBER__"';

const generators: Record<string, (r: Random) => FuzzRequest> = {
  badJson: (r) => {
    const t = r.pick(TEMPLATES);
    const valid = JSON.stringify(t.body);
    const variants = [
      valid.slice(0, 1 + r.int(valid.length - 1)),
      valid.replace(/"/g, "'"),
      valid.replace(/}$/, ',}'),
      valid.replace(/:/, ''),
      `${valid}${r.text(1 + r.int(5))}`,
      r.text(1 + r.int(60)),
      r.pick(['NaN', 'Infinity', '-Infinity', 'undefined', '{a:1}', '{"a":}', '[1,,2]', '{"a" 1}', '"\\x41"', '01', '{"a":1}{"b":2}']),
    ];
    return post(t, r.pick(variants.filter((v) => v.trim() !== '' && !isJson(v))), 'badJson');
  },
  wrongType: (r) => {
    const t = r.pick(TEMPLATES);
    const node = r.pick(nodes(t.body));
    const value = r.pick(OTHER_VALUES.filter((v) => typeOf(v) !== typeOf(node.value)));
    return post(t, JSON.stringify(replaced(t.body, node.path, value)), 'wrongType');
  },
  hugeNumber: (r) => {
    const t = r.pick(TEMPLATES);
    const numeric = nodes(t.body).filter((n) => typeof n.value === 'number');
    if (numeric.length === 0) return generators.nanString!(r);
    const node = r.pick(numeric);
    const raw = r.pick(['1e400', '-1e400', '1e308', '-1e308', '9007199254740993', '123456789012345678901234567890', '1e6', '-1000000.5']);
    return post(t, JSON.stringify(replaced(t.body, node.path, '__RAW_NUMBER__')).replace(PLACEHOLDER, raw), 'hugeNumber');
  },
  nanString: (r) => {
    // Only where a number or boolean belongs: in a string field "NaN" could be a valid name.
    const scalar = (n: { value: Json }) => typeof n.value === 'number' || typeof n.value === 'boolean';
    const t = r.pick(TEMPLATES.filter((x) => nodes(x.body).some(scalar)));
    const node = r.pick(nodes(t.body).filter(scalar));
    return post(t, JSON.stringify(replaced(t.body, node.path, r.pick(['NaN', 'Infinity', '-Infinity', '1e999', 'null', '0x10', ' 1 ']))), 'nanString');
  },
  unknownField: (r) => {
    const t = r.pick(TEMPLATES);
    const objects = [{ path: [] as (string | number)[], value: t.body }, ...nodes(t.body)].filter((n) => typeOf(n.value) === 'object');
    const node = r.pick(objects);
    const key = r.pick(['__proto__x', 'constructor', 'extra', `x${r.int(1e6)}`, 'Framework', 'profile_id']);
    const value = { ...(node.value as Record<string, Json>), [key]: r.pick(OTHER_VALUES) };
    return post(t, JSON.stringify(replaced(t.body, node.path, value)), 'unknownField');
  },
  deepNesting: (r) => {
    const t = r.pick(TEMPLATES);
    const depth = r.pick([33, 40, 100, 1000, 10_000]);
    const [open, close] = r.next() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
    const nested = open.repeat(depth) + '1' + close.repeat(depth);
    const node = r.pick(nodes(t.body));
    const body = r.next() < 0.3 ? nested : JSON.stringify(replaced(t.body, node.path, '__RAW_NUMBER__')).replace(PLACEHOLDER, nested);
    return post(t, body, 'deepNesting');
  },
  oversized: (r) => {
    const t = r.pick(TEMPLATES);
    const size = BODY_LIMIT + 1 + r.int(BODY_LIMIT * 4);
    const body = JSON.stringify({ ...(t.body as Record<string, Json>), padding: 'p'.repeat(size) });
    return post(t, body, 'oversized');
  },
  badId: (r) => {
    const id = encodeURIComponent(r.text(1 + r.int(r.next() < 0.1 ? 400 : 30)));
    const occupation = encodeURIComponent(`zq${r.text(1 + r.int(20))}`);
    return r.pick<FuzzRequest>([
      { kind: 'badId', method: 'GET', path: `/v1/frameworks/${id}`, headers: {} },
      { kind: 'badId', method: 'GET', path: `/v1/frameworks/${id}/occupations?q=nurse`, headers: {} },
      { kind: 'badId', method: 'GET', path: `/v1/frameworks/tiny/occupations/${occupation}`, headers: {} },
      { kind: 'badId', method: 'GET', path: `/v1/frameworks/${id}/competencies`, headers: {} },
      { kind: 'badId', method: 'GET', path: `/v1/profiles/${id}`, headers: COUNSELLOR },
      { kind: 'badId', method: 'DELETE', path: `/v1/profiles/${id}`, headers: COUNSELLOR },
      { kind: 'badId', method: 'DELETE', path: `/v1/frameworks/${id}/versions/${id}`, headers: ADMIN },
      { kind: 'badId', method: 'GET', path: `/problems/${id}`, headers: {} },
    ]);
  },
  pathTraversal: (r) => {
    const dots = r.pick(['..%2F..%2F..%2Fetc%2Fpasswd', '..%252F..%252Fetc', '%2e%2e%2f%2e%2e%2fetc', '..%5C..%5Cwindows', '%00', '....%2F%2F']);
    const options: FuzzRequest[] = [
      { kind: 'pathTraversal', method: 'GET', path: `/v1/frameworks/${dots}`, headers: {} },
      { kind: 'pathTraversal', method: 'GET', path: `/v1/frameworks/tiny/occupations/${dots}`, headers: {} },
      { kind: 'pathTraversal', method: 'GET', path: `/v1/profiles/${dots}`, headers: COUNSELLOR },
      { kind: 'pathTraversal', method: 'DELETE', path: `/v1/frameworks/tiny/versions/${dots}`, headers: ADMIN },
      {
        kind: 'pathTraversal',
        method: 'POST',
        path: '/v1/frameworks/import',
        headers: { ...ADMIN, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'native', path: r.pick(['/etc', '/etc/passwd', '../../../../etc', '/proc/self', '~root', `${TINY}/../../../../../../etc`]) }),
      },
    ];
    return r.pick(options);
  },
  wrongMethod: (r) => {
    const target = r.pick<[string, string[]]>([
      ['/v1/rank', ['POST']],
      ['/v1/frameworks', ['GET']],
      ['/v1/frameworks/tiny', ['GET']],
      ['/v1/frameworks/tiny/occupations', ['GET']],
      ['/v1/profiles', ['GET', 'POST']],
      ['/v1/frameworks/import', ['POST']],
      ['/healthz', ['GET']],
      ['/openapi.json', ['GET']],
    ]);
    const method = r.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) => !target[1].includes(m)));
    return { kind: 'wrongMethod', method, path: target[0], headers: { 'content-type': 'application/json' }, ...(method !== 'GET' ? { body: '{}' } : {}) };
  },
  wrongContentType: (r) => {
    const t = r.pick(TEMPLATES.filter((x) => x.path !== '/v1/gaps/cohort'));
    const type = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/csv', 'application/jsonx', 'json', 'application/json; charset=latin1', '']);
    return { kind: 'wrongContentType', method: 'POST', path: t.path, headers: { ...t.headers, 'content-type': type }, body: JSON.stringify(t.body) };
  },
  badQuery: (r) => {
    const query = r.pick([
      `limit=${r.pick(['-1', '0', '101', '1e3', 'abc', '', ' 5', 'NaN', 'Infinity', '99999999999'])}`,
      `cursor=${encodeURIComponent(r.text(1 + r.int(40)))}`,
      `${r.pick(['sort', 'offset', 'page', 'Q', 'q[]'])}=1`,
      'q=a&q=b',
      `version=${encodeURIComponent(r.text(1 + r.int(10)))}zz`,
      `q=${'x'.repeat(201)}`,
    ]);
    const path = r.pick(['/v1/frameworks/tiny/occupations', '/v1/frameworks/tiny/competencies']);
    return { kind: 'badQuery', method: 'GET', path: `${path}?${query}`, headers: {} };
  },
};

function post(template: (typeof TEMPLATES)[number], body: string, kind: string): FuzzRequest {
  return { kind, method: 'POST', path: template.path, headers: { ...template.headers, 'content-type': 'application/json' }, body };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ bodyLimit: BODY_LIMIT });
});
afterAll(() => server.close());

describe('fuzz', () => {
  it(`answers ${REQUESTS} malformed requests with 4xx problem+json and never a 5xx (seed ${SEED})`, async () => {
    const r = prng(SEED);
    const kinds = Object.keys(generators);
    const requests = Array.from({ length: REQUESTS }, (_, i) => generators[kinds[i % kinds.length]!]!(r));
    const failures: string[] = [];
    const seen = new Map<string, number>();
    const concurrency = 16;
    for (let i = 0; i < requests.length; i += concurrency) {
      await Promise.all(
        requests.slice(i, i + concurrency).map(async (request) => {
          const response = await fetch(server.url + request.path, {
            method: request.method,
            headers: request.headers,
            ...(request.body !== undefined ? { body: request.body } : {}),
          });
          const text = await response.text();
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
          const contentType = response.headers.get('content-type') ?? '';
          const issues = response.status >= 400 && response.status < 500 ? problemShapeIssues({ status: response.status, headers: response.headers, contentType, body }) : [`status ${response.status}`];
          seen.set(`${request.kind} ${response.status}`, (seen.get(`${request.kind} ${response.status}`) ?? 0) + 1);
          if (issues.length > 0) failures.push(`${request.kind} ${request.method} ${request.path.slice(0, 120)} body=${(request.body ?? '').slice(0, 120)}: ${issues.join(', ')}; got ${text.slice(0, 200)}`);
        }),
      );
    }
    expect(failures.slice(0, 10), `seed ${SEED}; answers by kind: ${JSON.stringify(Object.fromEntries(seen))}`).toEqual([]);
    expect(server.logs.filter((l) => l.startsWith('ERROR'))).toEqual([]);
    // Every generator ran, each many times.
    expect(new Set([...seen.keys()].map((k) => k.split(' ')[0])).size).toBe(kinds.length);
  });
});
