// Every endpoint over real HTTP, happy and error paths. Analyses are checked against the scoring
// core called directly on the same framework: the API must give exactly the core's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortGaps, compare, compileIndex, matrix, pathways, Profile, rank, whatIf, type CompiledIndex } from '@bridgework/core';
import { importNative } from '@bridgework/importers';
import { type Answer, call, COUNSELLOR, problem, schemaIssues, startTestServer, type TestServer, TINY } from './helpers/server.ts';

let server: TestServer;
let index: CompiledIndex;
const get = (path: string, headers?: Record<string, string>) => call(server.url, 'GET', path, undefined, headers);
const post = (path: string, body: unknown, headers?: Record<string, string>) => call(server.url, 'POST', path, body, headers);

function ok(operationId: string, answer: Answer, status = 200) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(schemaIssues(operationId, answer)).toEqual([]);
  return answer.body;
}

const nurse = Profile.parse({ occupations: [{ occupation: 'nurse' }] });

beforeAll(async () => {
  server = await startTestServer();
  index = compileIndex((await importNative(TINY)).data);
});
afterAll(() => server.close());

describe('GET /v1/frameworks', () => {
  it('lists the stored versions with source, licence and counts', async () => {
    const body = ok('listFrameworks', await get('/v1/frameworks'));
    expect(body.defaultFramework).toBe('tiny');
    expect(body.items.map((f: { id: string }) => f.id)).toEqual(['tiny']);
    const [version] = body.items[0].versions;
    expect(version).toMatchObject({
      id: 'tiny',
      version: '1.0.0',
      source: { kind: 'native', publisher: 'Bridgework tests' },
      licence: { name: 'CC0-1.0', attribution: "Written for Bridgework's tests" },
      counts: { occupations: 2, competencyGroups: 3, competencies: 3, requirements: 4, relations: 1, occupationLinks: 1, crosswalks: 0 },
    });
  });

  it('reads one framework with its versions', async () => {
    const body = ok('getFramework', await get('/v1/frameworks/tiny'));
    expect(body.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
  });

  it('answers 404 framework.not_found for an unknown id', async () => {
    const body = problem(await get('/v1/frameworks/nope'), 404, 'framework.not_found');
    expect(body.detail).toBe('no framework "nope" is stored (GET /v1/frameworks or "bridgework frameworks" lists them)');
    expect(body.instance).toBe('/v1/frameworks/nope');
  });

  it('answers 400 for an id that cannot be a framework id', async () => {
    const body = problem(await get('/v1/frameworks/Not_An_Id'), 400, 'request.invalid');
    expect(body.errors).toEqual([{ path: 'path.id', message: 'must be lowercase letters, digits and hyphens' }]);
  });
});

describe('GET /v1/frameworks/:id/occupations', () => {
  it('finds occupations by English title words', async () => {
    const body = ok('listOccupations', await get('/v1/frameworks/tiny/occupations?q=nurse'));
    expect(body.items).toEqual([
      {
        id: 'nurse',
        title: { en: 'Registered nurse', fr: 'Infirmière autorisée' },
        codes: { noc: '31301', teer: 1 },
        regulated: true,
        regulation: 'regulated',
        requirements: 2,
        match: { text: 'Registered nurse', locale: 'en', preferred: true, score: 2 },
      },
    ]);
    expect(body.nextCursor).toBeUndefined();
  });

  it('finds occupations by French and alternate titles', async () => {
    const french = ok('listOccupations', await get(`/v1/frameworks/tiny/occupations?q=${encodeURIComponent('préposé')}`));
    expect(french.items.map((o: { id: string; match: unknown }) => [o.id, o.match])).toEqual([
      ['aide', { text: 'Préposé aux bénéficiaires', locale: 'fr', preferred: true, score: 3 }],
    ]);
    const alternate = ok('listOccupations', await get('/v1/frameworks/tiny/occupations?q=infirmier'));
    expect(alternate.items[0].match).toEqual({ text: 'infirmier', locale: 'fr', preferred: false, score: 4 });
  });

  it('pages through every occupation without q', async () => {
    const first = ok('listOccupations', await get('/v1/frameworks/tiny/occupations?limit=1'));
    expect(first.items.map((o: { id: string }) => o.id)).toEqual(['nurse']);
    expect(typeof first.nextCursor).toBe('string');
    const second = ok('listOccupations', await get(`/v1/frameworks/tiny/occupations?limit=1&cursor=${first.nextCursor}`));
    expect(second.items.map((o: { id: string }) => o.id)).toEqual(['aide']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses bad paging and unknown parameters with the parameter named', async () => {
    expect(problem(await get('/v1/frameworks/tiny/occupations?limit=0'), 400, 'request.invalid').errors).toEqual([
      { path: 'query.limit', message: 'Too small: expected number to be >=1' },
    ]);
    expect(problem(await get('/v1/frameworks/tiny/occupations?limit=ten'), 400, 'request.invalid').errors).toEqual([
      { path: 'query.limit', message: 'must be a whole number' },
    ]);
    expect(problem(await get('/v1/frameworks/tiny/occupations?sort=title'), 400, 'request.invalid').errors).toEqual([
      { path: 'query', message: 'unknown field "sort"' },
    ]);
    expect(problem(await get('/v1/frameworks/tiny/occupations?q=a&q=b'), 400, 'request.invalid').detail).toBe('query.q: given more than once');
    expect(problem(await get('/v1/frameworks/tiny/occupations?cursor=garbage'), 400, 'request.invalid').detail).toBe(
      'cursor is not one this API returned; start again without it',
    );
  });

  it('answers 404 for a version that is not stored', async () => {
    const body = problem(await get('/v1/frameworks/tiny/occupations?version=9.9'), 404, 'framework.version_not_found');
    expect(body.detail).toBe('framework "tiny" has no version "9.9"');
  });
});

describe('GET /v1/frameworks/:id/occupations/:occ', () => {
  it('gives the full record with requirements, most important first, and links', async () => {
    const body = ok('getOccupation', await get('/v1/frameworks/tiny/occupations/nurse'));
    expect(body.occupation.id).toBe('nurse');
    expect(body.occupation.regulation).toEqual([{ jurisdiction: 'ON', regulated: true, regulator: 'College of Nurses of Ontario' }]);
    expect(body.requirements).toEqual([
      {
        competency: { id: 'assessment', label: 'Patient assessment', labelFr: 'Évaluation du patient', kind: 'skill', group: 'care-clinical' },
        importance: 0.9,
        level: 0.8,
        essential: true,
      },
      {
        competency: { id: 'communication', label: 'Communication', labelFr: 'Communication', kind: 'skill', group: 'transversal' },
        importance: 0.7,
        level: 0.7,
        essential: false,
      },
    ]);
    expect(body.links).toEqual([
      { direction: 'outgoing', type: 'related', occupation: { id: 'aide', code: '33102', title: 'Care aide', titleFr: 'Préposé aux bénéficiaires' }, source: 'test' },
    ]);
  });

  it('resolves a NOC code and a URL-encoded title', async () => {
    expect(ok('getOccupation', await get('/v1/frameworks/tiny/occupations/33102')).occupation.id).toBe('aide');
    expect(ok('getOccupation', await get('/v1/frameworks/tiny/occupations/Registered%20nurse')).occupation.id).toBe('nurse');
  });

  it('answers 404 occupation.not_found for an unknown occupation', async () => {
    const body = problem(await get('/v1/frameworks/tiny/occupations/astronaut'), 404, 'occupation.not_found');
    expect(body.detail).toBe('no occupation with id, code or title "astronaut"');
  });
});

describe('GET /v1/frameworks/:id/competencies', () => {
  it('finds competencies by label in English and French', async () => {
    const body = ok('listCompetencies', await get('/v1/frameworks/tiny/competencies?q=communication'));
    expect(body.items).toEqual([
      {
        id: 'communication',
        label: { en: 'Communication', fr: 'Communication' },
        kind: 'skill',
        group: 'transversal',
        reuse: 'transversal',
        occupations: 2,
        match: { text: 'Communication', locale: 'en', preferred: true, score: 4 },
      },
    ]);
    const french = ok('listCompetencies', await get(`/v1/frameworks/tiny/competencies?q=${encodeURIComponent('vie quotidienne')}`));
    expect(french.items.map((c: { id: string }) => c.id)).toEqual(['daily-living']);
  });

  it('lists them all without q', async () => {
    const body = ok('listCompetencies', await get('/v1/frameworks/tiny/competencies'));
    expect(body.items.map((c: { id: string }) => c.id)).toEqual(['assessment', 'daily-living', 'communication']);
  });
});

describe('POST /v1/rank', () => {
  it("gives exactly the core's ranking for an inline profile", async () => {
    const body = ok('rank', await post('/v1/rank', { framework: 'tiny', profile: { occupations: [{ occupation: 'nurse' }] } }));
    expect(body).toEqual(JSON.parse(JSON.stringify(rank(index, nurse))));
    expect(body.results.map((r: { occupation: { id: string } }) => r.occupation.id)).toEqual(['aide']);
    expect(body.source[0].occupation.id).toBe('nurse');
  });

  it('uses the default framework when none is named, and passes options', async () => {
    const body = ok('rank', await post('/v1/rank', { profile: { occupations: [{ occupation: 'Registered nurse' }] }, options: { top: 1, explain: 0 } }));
    expect(body).toEqual(JSON.parse(JSON.stringify(rank(index, nurse, { top: 1, explain: 0 }))));
    expect(body.results[0].explanation).toBeUndefined();
  });

  it('names the unknown field and the bad value with their paths', async () => {
    const body = problem(await post('/v1/rank', { profile: { occupations: [{ occupation: 'nurse', years: -1 }] }, extra: true }), 400, 'request.invalid');
    expect(body.errors).toEqual([
      { path: 'body.profile.occupations.0.years', message: 'Too small: expected number to be >=0' },
      { path: 'body', message: 'unknown field "extra"' },
    ]);
  });

  it('needs exactly one of profile and profileId', async () => {
    expect(problem(await post('/v1/rank', {}), 400, 'request.invalid').errors).toEqual([{ path: 'body.profile', message: 'give either "profile" or "profileId"' }]);
    const both = { profile: { occupations: [{ occupation: 'nurse' }] }, profileId: '00000000-0000-4000-8000-000000000000' };
    expect(problem(await post('/v1/rank', both), 400, 'request.invalid').errors).toEqual([{ path: 'body.profileId', message: 'give "profile" or "profileId", not both' }]);
  });

  it('answers 404 for an unknown occupation or competency and 422 for an empty profile', async () => {
    problem(await post('/v1/rank', { profile: { occupations: [{ occupation: 'astronaut' }] } }), 404, 'occupation.not_found');
    const competency = problem(await post('/v1/rank', { profile: { competencies: [{ competency: 'juggling', level: 0.5 }] } }), 404, 'competency.not_found');
    expect(competency.errors).toEqual([{ path: 'juggling', message: 'no such competency' }]);
    problem(await post('/v1/rank', { profile: {} }), 422, 'profile.empty');
    problem(await post('/v1/rank', { framework: 'nope', profile: { occupations: [{ occupation: 'nurse' }] } }), 404, 'framework.not_found');
  });

  it('needs a counsellor key to use a stored profile', async () => {
    const created = await post('/v1/profiles', { profile: { occupations: [{ occupation: 'nurse' }] } }, COUNSELLOR);
    expect(created.status).toBe(201);
    const withoutKey = problem(await post('/v1/rank', { profileId: created.body.id }), 401, 'auth.missing_key');
    expect(withoutKey.detail).toBe('using a stored profile (profileId): send "Authorization: Bearer <key>"');
    const withKey = ok('rank', await post('/v1/rank', { profileId: created.body.id }, COUNSELLOR));
    expect(withKey).toEqual(JSON.parse(JSON.stringify(rank(index, nurse))));
  });
});

describe('POST /v1/compare and /v1/matrix', () => {
  it("gives exactly the core's comparison, both directions", async () => {
    const body = ok('compare', await post('/v1/compare', { a: 'nurse', b: 'Care aide' }));
    expect(body).toEqual(JSON.parse(JSON.stringify(compare(index, 'nurse', 'aide'))));
    // Care aide needs 0.9x0.6 + 0.6x0.5 = 0.84; a nurse's levels meet 0.6x0.5 = 0.3 of it (0.3571).
    // A nurse needs 0.9x0.8 + 0.7x0.7 = 1.21; a care aide's levels meet 0.7x0.5 = 0.35 (0.2893).
    expect(body.coverage).toEqual({ aToB: 0.3571, bToA: 0.2893 });
  });

  it("gives exactly the core's matrix", async () => {
    const body = ok('matrix', await post('/v1/matrix', { occupations: ['nurse', 'aide'] }));
    expect(body).toEqual(matrix(index, ['nurse', 'aide']));
    expect(body.coverage).toEqual([
      [1, 0.3571],
      [0.2893, 1],
    ]);
  });

  it('refuses an empty matrix and one above 200 occupations', async () => {
    expect(problem(await post('/v1/matrix', { occupations: [] }), 400, 'request.invalid').errors[0].path).toBe('body.occupations');
    expect(problem(await post('/v1/matrix', { occupations: Array.from({ length: 201 }, () => 'nurse') }), 400, 'request.invalid').errors).toEqual([
      { path: 'body.occupations', message: 'Too big: expected array to have <=200 items' },
    ]);
  });

  it('answers 404 when one side is unknown', async () => {
    problem(await post('/v1/compare', { a: 'nurse', b: 'astronaut' }), 404, 'occupation.not_found');
  });
});

describe('POST /v1/gaps/cohort', () => {
  const cohort = [
    { label: 'A', occupations: [{ occupation: 'nurse' }] },
    { label: 'B', occupations: [{ occupation: 'aide' }], competencies: [{ competency: 'assessment', level: 0.2 }] },
  ];

  it("gives exactly the core's cohort gaps for JSON profiles", async () => {
    const body = ok('cohortGaps', await post('/v1/gaps/cohort', { target: 'nurse', profiles: cohort }));
    expect(body).toEqual(cohortGaps(index, cohort.map((p) => Profile.parse(p)), 'nurse'));
    expect(body.cohortSize).toBe(2);
  });

  it('reads the same cohort as CSV with the target in the query', async () => {
    const csv = 'label,occupation,years,province,languageLevel,competency:assessment\nA,nurse,,,,\nB,aide,3,ON,7,0.2\n';
    const answer = await call(server.url, 'POST', '/v1/gaps/cohort?target=nurse&tolerance=0.05', csv, { 'content-type': 'text/csv' });
    const body = ok('cohortGaps', answer);
    const expected = cohortGaps(
      index,
      [
        Profile.parse({ label: 'A', occupations: [{ occupation: 'nurse' }] }),
        Profile.parse({ label: 'B', occupations: [{ occupation: 'aide', years: 3 }], province: 'ON', languageLevel: 7, competencies: [{ competency: 'assessment', level: 0.2 }] }),
      ],
      'nurse',
    );
    expect(body).toEqual(expected);
  });

  it('reports CSV mistakes by line and column', async () => {
    const csv = 'label,occupation,years\nA,nurse,many\nB,aide,-2\n';
    const body = problem(await call(server.url, 'POST', '/v1/gaps/cohort?target=nurse', csv, { 'content-type': 'text/csv' }), 400, 'request.invalid');
    expect(body.errors).toEqual([
      { path: 'cohort.csv:2: column years', message: 'expected a number, got "many"' },
      { path: 'cohort.csv:3: column years', message: 'Too small: expected number to be >=0' },
    ]);
  });

  it('needs the target in the query with CSV, and refuses a query beside JSON', async () => {
    const noTarget = await call(server.url, 'POST', '/v1/gaps/cohort', 'label,occupation\nA,nurse\n', { 'content-type': 'text/csv' });
    expect(problem(noTarget, 400, 'request.invalid').detail).toBe('query.target: is required with a text/csv body (the target occupation)');
    const stray = problem(await post('/v1/gaps/cohort?target=nurse', { target: 'nurse', profiles: cohort }), 400, 'request.invalid');
    expect(stray.detail).toBe('query.target: query parameters are read only with a text/csv body; put them in the JSON body');
  });

  it('needs a counsellor key for stored profile ids', async () => {
    problem(await post('/v1/gaps/cohort', { target: 'nurse', profileIds: ['00000000-0000-4000-8000-000000000000'] }), 401, 'auth.missing_key');
    problem(await post('/v1/gaps/cohort', { target: 'nurse', profileIds: ['00000000-0000-4000-8000-000000000000'] }, COUNSELLOR), 404, 'profile.not_found');
  });
});

describe('POST /v1/what-if and /v1/pathways', () => {
  const program = { name: 'Daily living bridge', competencies: [{ competency: 'daily-living', level: 0.6 }] };

  it("gives exactly the core's what-if", async () => {
    const body = ok('whatIf', await post('/v1/what-if', { profile: { occupations: [{ occupation: 'nurse' }] }, program }));
    expect(body).toEqual(JSON.parse(JSON.stringify(whatIf(index, nurse, program))));
    expect(body.deltas[0].occupation.id).toBe('aide');
    expect(body.deltas[0].fitChange).toBeGreaterThan(0);
  });

  it("gives exactly the core's pathways, found or not", async () => {
    // The aide's needs are 61% met from the nurse's levels: a move needs 70% here.
    const strict = ok('pathways', await post('/v1/pathways', { profile: { occupations: [{ occupation: 'nurse' }] }, target: 'aide', options: { minCoverage: 0.7 } }));
    expect(strict).toEqual(pathways(index, nurse, 'aide', { minCoverage: 0.7 }));
    expect(strict.found).toBe(false);
    const byDefault = ok('pathways', await post('/v1/pathways', { profile: { occupations: [{ occupation: 'nurse' }] }, target: 'aide' }));
    expect(byDefault).toEqual(pathways(index, nurse, 'aide'));
    const loose = ok('pathways', await post('/v1/pathways', { profile: { occupations: [{ occupation: 'nurse' }] }, target: 'aide', options: { minCoverage: 0.3 } }));
    expect(loose).toEqual(pathways(index, nurse, 'aide', { minCoverage: 0.3 }));
    expect(loose.found).toBe(true);
    expect(loose.steps.map((s: { to: { id: string } }) => s.to.id)).toEqual(['aide']);
  });

  it('refuses an empty program', async () => {
    const body = problem(await post('/v1/what-if', { profile: { occupations: [{ occupation: 'nurse' }] }, program: { competencies: [] } }), 400, 'request.invalid');
    expect(body.errors).toEqual([{ path: 'body.program.competencies', message: 'a program teaches at least one competency' }]);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    const health = ok('health', await get('/healthz'));
    expect(health.status).toBe('ok');
    const ready = ok('readiness', await get('/readyz'));
    expect(ready).toEqual({ ready: true, checks: { store: 'ok', writable: 'ok', defaultFramework: 'ok' }, defaultFramework: { id: 'tiny', version: '1.0.0' } });
  });
});

describe('routing', () => {
  it('answers 404 route.not_found and 405 with Allow as problems', async () => {
    const missing = problem(await get('/v1/nothing'), 404, 'route.not_found');
    expect(missing.detail).toBe('no route /v1/nothing; the API reference is at /docs');
    const wrongMethod = await call(server.url, 'PUT', '/v1/profiles/00000000-0000-4000-8000-000000000000', {});
    problem(wrongMethod, 405, 'method.not_allowed');
    expect(wrongMethod.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH');
  });

  it('sends a request id, nosniff and no-store on API answers', async () => {
    const answer = await get('/v1/frameworks', { 'x-request-id': 'trace-42' });
    expect(answer.headers.get('x-request-id')).toBe('trace-42');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});
