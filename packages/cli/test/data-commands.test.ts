// The data commands on the tiny fixture: import, frameworks, rank, compare, gaps and pathways give
// the scoring core's own answers (the same service as the HTTP API), readable tables by default,
// and usage mistakes exit with code 2.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortGaps, compare, compileIndex, pathways, Profile, rank, type CompiledIndex } from '@bridgework/core';
import { importNative } from '@bridgework/importers';
import { main, type Io } from '../src/index.ts';

const TINY = join(import.meta.dirname, '../../importers/test/fixtures/native/tiny');

function capture(): Io & { stdout: string[]; stderr: string[]; text: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, stdout, stderr, text: () => stdout.join('\n') };
}

async function bridgework(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.text(), err: io.stderr.join('\n') };
}

let dir: string;
let db: string;
let index: CompiledIndex;
const saved = { id: process.env.BRIDGEWORK_DEFAULT_FRAMEWORK, source: process.env.BRIDGEWORK_DEFAULT_SOURCE };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bw-cli-'));
  db = join(dir, 'bridgework.db');
  // The commands read the server's configuration: make the tiny fixture the default framework.
  process.env.BRIDGEWORK_DEFAULT_FRAMEWORK = 'tiny';
  process.env.BRIDGEWORK_DEFAULT_SOURCE = `native:${TINY}`;
  index = compileIndex((await importNative(TINY)).data);
});

afterAll(async () => {
  for (const [key, value] of [['BRIDGEWORK_DEFAULT_FRAMEWORK', saved.id], ['BRIDGEWORK_DEFAULT_SOURCE', saved.source]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await rm(dir, { recursive: true, force: true });
});

const nurse = Profile.parse({ occupations: [{ occupation: 'nurse' }] });
const json = (text: string) => JSON.parse(JSON.stringify(JSON.parse(text)));
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('bridgework import', () => {
  it('prints a plain summary with counts, time and warnings when not on a terminal', async () => {
    const { code, out, err } = await bridgework('import', 'native', TINY, '--db', db, '--id', 'tiny-copy', '--version', '7');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.replace(/read [\d.]+ s, saved [\d.]+ s/, 'read <s>, saved <s>').split('\n')).toEqual([
      `imported tiny-copy 7 (Tiny test framework) into ${db}`,
      '  occupations        2',
      '  competencies       3',
      '  competency groups  3',
      '  requirements       4',
      '  relations          1',
      '  occupation links   1',
      '  crosswalks         0',
      '  read <s>, saved <s>',
      "  licence: CC0-1.0; Written for Bridgework's tests",
      'no warnings',
    ]);
  });

  it('refuses a version already stored and a folder that is not a framework (exit 1)', async () => {
    const again = await bridgework('import', 'native', TINY, '--db', db, '--id', 'tiny-copy', '--version', '7');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^error \[framework\.version_exists\]: /);
    const broken = await bridgework('import', 'native', dir, '--db', db);
    expect(broken.code).toBe(1);
    expect(broken.err.split('\n')[0]).toBe(`error [framework.invalid]: ${dir}: 4 error(s) in the framework`);
  });
});

describe('bridgework frameworks', () => {
  it('imports the default framework when missing and lists every version', async () => {
    const { code, out } = await bridgework('frameworks', '--db', db);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('framework  version         source                    licence  occupations  competencies  requirements  imported (UTC)');
    expect(lines.slice(2).map((l) => l.replace(/\d{4}-\d\d-\d\d \d\d:\d\d$/, '<time>'))).toEqual([
      'tiny       1.0.0 (latest)  native, Bridgework tests  CC0-1.0            2             3             4  <time>',
      'tiny-copy  7 (latest)      native, Bridgework tests  CC0-1.0            2             3             4  <time>',
    ]);
  });

  it('prints the versions as JSON with --json', async () => {
    const { code, out } = await bridgework('frameworks', '--db', db, '--json');
    expect(code).toBe(0);
    const body = JSON.parse(out);
    expect(body.frameworks.map((f: { id: string; versions: { version: string }[] }) => [f.id, f.versions.map((v) => v.version)])).toEqual([
      ['tiny', ['1.0.0']],
      ['tiny-copy', ['7']],
    ]);
    expect(body.frameworks[0].versions[0].licence).toEqual({ name: 'CC0-1.0', attribution: "Written for Bridgework's tests" });
  });
});

describe('bridgework rank', () => {
  it('prints the ranking as JSON: framework, from, source and results, as the core gives it', async () => {
    const { code, out } = await bridgework('rank', '--framework', 'tiny', '--from', 'Registered nurse', '--db', db, '--json');
    expect(code).toBe(0);
    const body = JSON.parse(out);
    expect(Object.keys(body)).toEqual(['framework', 'from', 'source', 'results', 'considered', 'excluded', 'undecided']);
    expect(body.framework).toEqual({ id: 'tiny', version: '1.0.0' });
    expect(body.from).toEqual({ occupations: [{ id: 'nurse', code: '31301', title: 'Registered nurse', titleFr: 'Infirmière autorisée' }], competencies: 2 });
    const [first] = body.results;
    expect(Object.keys(first)).toEqual(['rank', 'occupation', 'fit', 'similarity', 'reach', 'coverage', 'gap', 'utilization', 'essentialCoverage', 'category', 'pathType', 'flags', 'explanation']);
    expect(first.rank).toBe(1);
    expect(first.occupation).toEqual({ id: 'aide', code: '33102', title: 'Care aide', titleFr: 'Préposé aux bénéficiaires' });
    expect(Object.keys(first.explanation)).toEqual(['why', 'summary', 'facets', 'matched', 'partial', 'gaps', 'hardGaps', 'levelGaps', 'moreMatched', 'morePartial', 'moreGaps']);
    expect(body).toEqual(plain(rank(index, nurse)));
  });

  it('prints a readable table by default, on the default framework', async () => {
    const { code, out } = await bridgework('rank', '--from', 'nurse', '--db', db);
    expect(code).toBe(0);
    const lines = out.split('\n');
    const ranking = rank(index, nurse);
    const aide = ranking.results[0]!;
    expect(lines[0]).toBe('Alternatives for Registered nurse (tiny 1.0.0), best first');
    expect(lines[2]).toMatch(/^#\s+occupation\s+code\s+match\s+alike\s+coverage\s+gap\s+uses\s+category\s+path\s+notes$/);
    expect(lines[4]!.split(/\s{2,}/)).toEqual([
      '1',
      'Care aide',
      '33102',
      `${Math.round(aide.fit * 100)}%`,
      `${Math.round(aide.similarity * 100)}%`,
      `${Math.round(aide.coverage * 100)}%`,
      aide.gap.toFixed(2),
      `${Math.round(aide.utilization * 100)}%`,
      aide.category,
      aide.pathType,
    ]);
    expect(lines).toContain(`Practising as Registered nurse here: ${ranking.source[0]!.explanation.summary}`);
  });

  it('exits 2 for usage mistakes, naming them', async () => {
    expect(await bridgework('rank', '--framework', 'tiny', '--db', db)).toMatchObject({
      code: 2,
      err: 'error: --from is required: the occupation (id, code or title) the person trained for\nRun "bridgework help" for usage.',
    });
    expect(await bridgework('rank', '--from', 'nurse', '--top', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--top must be a whole number from 1 to 500, got "0"') });
    expect(await bridgework('rank', '--from', 'nurse', '--colour')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--colour'") });
    expect(await bridgework('rank', '--from', 'nurse', '--province', 'XX')).toMatchObject({ code: 2, err: expect.stringContaining('--province must be one of CA, AB, BC') });
    expect(await bridgework('rank', '--from')).toMatchObject({ code: 2 });
    expect(await bridgework('import', 'xml', TINY)).toMatchObject({ code: 2, err: expect.stringContaining('unknown framework format "xml"') });
    expect(await bridgework('import', 'native')).toMatchObject({ code: 2 });
    expect(await bridgework('compare', 'nurse')).toMatchObject({ code: 2, err: expect.stringContaining('expected two occupations') });
    expect(await bridgework('gaps', '--cohort', 'x.csv')).toMatchObject({ code: 2, err: expect.stringContaining('--target is required') });
    expect(await bridgework('pathways', '--from', 'nurse', '--to', 'aide', '--max-steps', '9')).toMatchObject({ code: 2 });
    expect(await bridgework('frameworks', 'extra')).toMatchObject({ code: 2 });
  });

  it('exits 1 with the error code for an occupation it cannot find', async () => {
    const { code, err } = await bridgework('rank', '--framework', 'tiny', '--from', 'astronaut', '--db', db);
    expect(code).toBe(1);
    expect(err).toBe('error [occupation.not_found]: no occupation with id, code or title "astronaut"');
  });
});

describe('bridgework compare, gaps, pathways', () => {
  it("compare --json gives the core's comparison", async () => {
    const { code, out } = await bridgework('compare', 'nurse', 'Care aide', '--framework', 'tiny', '--db', db, '--json');
    expect(code).toBe(0);
    expect(json(out)).toEqual(plain(compare(index, 'nurse', 'aide')));
  });

  it('compare prints coverage both ways and the competencies side by side', async () => {
    const { out } = await bridgework('compare', 'nurse', 'aide', '--framework', 'tiny', '--db', db);
    expect(out.split('\n').slice(0, 2)).toEqual([
      "Registered nurse -> Care aide: 36% of Care aide's needs met at Registered nurse's levels",
      "Care aide -> Registered nurse: 29% of Registered nurse's needs met at Care aide's levels",
    ]);
    expect(out).toContain('Only Registered nurse (1):');
  });

  it("gaps reads a CSV cohort and gives the core's cohort gaps", async () => {
    const file = join(dir, 'cohort.csv');
    await writeFile(file, 'label,occupation,years,province,languageLevel,competency:assessment\nAna,nurse,6,ON,8,\nBo,aide,2,,,0.3\n');
    const { code, out } = await bridgework('gaps', '--target', 'nurse', '--cohort', file, '--framework', 'tiny', '--db', db, '--json');
    expect(code).toBe(0);
    const profiles = [
      Profile.parse({ label: 'Ana', occupations: [{ occupation: 'nurse', years: 6 }], province: 'ON', languageLevel: 8 }),
      Profile.parse({ label: 'Bo', occupations: [{ occupation: 'aide', years: 2 }], competencies: [{ competency: 'assessment', level: 0.3 }] }),
    ];
    expect(json(out)).toEqual(plain(cohortGaps(index, profiles, 'nurse')));
    const table = await bridgework('gaps', '--target', 'nurse', '--cohort', file, '--framework', 'tiny', '--db', db);
    expect(table.out.split('\n')[0]).toMatch(/^Cohort of 2 towards Registered nurse: \d+% of its needs met on average$/);
  });

  it('gaps names the file, line and column of a CSV mistake', async () => {
    const file = join(dir, 'broken.csv');
    await writeFile(file, 'label,occupation,province\nAna,nurse,Ontario\n');
    const { code, err } = await bridgework('gaps', '--target', 'nurse', '--cohort', file, '--framework', 'tiny', '--db', db);
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toBe(
      'error [request.invalid]: broken.csv is not a valid cohort: broken.csv:2: column province: must be one of "CA", "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT", got "ONTARIO"',
    );
  });

  it("pathways --json gives the core's pathways", async () => {
    const { code, out } = await bridgework('pathways', '--from', 'nurse', '--to', 'aide', '--max-steps', '2', '--framework', 'tiny', '--db', db, '--json');
    expect(code).toBe(0);
    expect(json(out)).toEqual(plain(pathways(index, nurse, 'aide', { maxSteps: 2 })));
  });
});
