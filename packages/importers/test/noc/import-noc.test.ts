import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeworkError, parseFramework } from '@bridgework/core';
import { importNoc } from '../../src/noc/index.ts';

const FIXTURES = new URL('../fixtures/noc/', import.meta.url).pathname;
const CSV_DIR = join(FIXTURES, 'csv');
const JSON_FILE = join(FIXTURES, 'json', 'noc-2021-unit-groups.json');
const STRUCTURE = 'noc_2021_version_1.0_-_classification_structure.csv';
const HEADER = 'Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition';
/** Lines 2-5 of every broken file: a valid branch down to minor group 3130. */
const BRANCH = [
  '1,Broad Category,3,Health occupations,Health occupations.',
  '2,Major Group,31,Professional occupations in health,Professional health occupations.',
  '3,Sub-major Group,313,Professional occupations in nursing,Nursing professionals.',
  '4,Minor Group,3130,Professional occupations in nursing,Nursing professionals.',
];

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bw-noc-'));
  dirs.push(dir);
  return dir;
}

/** A structure CSV in a fresh folder: BOM, header, then the given lines (LF line ends). */
async function structureCsv(lines: string[], header = HEADER): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, STRUCTURE), '\ufeff' + [header, ...lines].join('\n') + '\n');
  return dir;
}

/** The error message, with the temporary folder taken off the file name. */
async function errorOf(path: string, dir: string = path): Promise<string> {
  try {
    await importNoc(path);
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeworkError);
    expect((error as BridgeworkError).code).toBe('import.invalid_file');
    return (error as Error).message.split(dir + '/').join('');
  }
  throw new Error('expected the import to fail');
}

describe('importNoc: the official structure CSV', () => {
  it('makes one occupation per unit group with its TEER and four-level field path', async () => {
    const { data, warnings, rowsRead } = await importNoc(CSV_DIR);
    expect(warnings).toEqual([]);
    expect(rowsRead).toEqual({ [STRUCTURE]: 10 });
    expect(data.occupations.map((o) => [o.id, o.codes.noc, o.codes.teer])).toEqual([
      ['31300', '31300', 1],
      ['31301', '31301', 1],
      ['32101', '32101', 2],
    ]);
    const nurse = data.occupations[1]!;
    expect(nurse.title).toEqual({ en: 'Registered nurses and registered psychiatric nurses' });
    expect(nurse.description).toEqual({ en: 'Registered nurses assess, plan and evaluate patient care.' });
    expect(nurse.fieldPath).toEqual([
      { code: '3', title: { en: 'Health occupations' } },
      { code: '31', title: { en: 'Professional occupations in health' } },
      { code: '313', title: { en: 'Professional occupations in nursing' } },
      { code: '3130', title: { en: 'Professional occupations in nursing' } },
    ]);
    expect(data.occupations[2]!.fieldPath.map((g) => g.title.en)).toEqual([
      'Health occupations',
      'Technical occupations in health',
      'Technical occupations in health',
      'Medical technologists, technicians and assistants',
    ]);
  });

  it('has no competencies or requirements and passes the framework schema without them', async () => {
    const { data } = await importNoc(join(CSV_DIR, STRUCTURE));
    expect([data.competencies, data.competencyGroups, data.requirements]).toEqual([[], [], []]);
    expect(() => parseFramework(data, { requireRequirements: false })).not.toThrow();
  });

  it('describes the release, its publisher and the licence attribution', async () => {
    const { data } = await importNoc(CSV_DIR);
    const { importedAt, ...framework } = data.framework;
    expect(Number.isNaN(Date.parse(importedAt!))).toBe(false);
    expect(framework).toEqual({
      id: 'noc',
      name: 'National Occupational Classification (NOC) 2021',
      version: '2021.1.0',
      description: expect.any(String),
      source: {
        kind: 'noc',
        publisher: 'Statistics Canada',
        release: 'NOC 2021 Version 1.0',
        url: 'https://www.statcan.gc.ca/en/subjects/standard/noc/2021/indexV1',
      },
      licence: {
        name: 'Open Government Licence - Canada',
        url: 'https://open.canada.ca/en/open-government-licence-canada',
        attribution: 'Contains information licensed under the Open Government Licence – Canada.',
      },
      locales: ['en'],
    });
  });

  it('takes the id and version from the options', async () => {
    const { data } = await importNoc(CSV_DIR, { id: 'noc-test', version: '2021.1.0-rc' });
    expect([data.framework.id, data.framework.version]).toEqual(['noc-test', '2021.1.0-rc']);
  });

  it('reports progress in bytes of the file', async () => {
    const { size } = await stat(join(CSV_DIR, STRUCTURE));
    const seen: [number, number | undefined][] = [];
    await importNoc(CSV_DIR, { onProgress: (p) => seen.push([p.done, p.total]) });
    expect(seen).toEqual([[0, undefined], [size, size]]);
  });

  it('reads codes as text and tolerates row order, quoting and CRLF line ends', async () => {
    const dir = await tempDir();
    const lines = ['5,Unit Group,00010,"Legislators, federal",Elected members.', '4,Minor Group,0001,Legislators,x', '3,Sub-major Group,000,Legislators,x', '2,Major Group,00,Legislators,x', '1,Broad Category,0,Management,x'];
    await writeFile(join(dir, STRUCTURE), [HEADER, ...lines].join('\r\n'));
    const { data } = await importNoc(dir);
    expect(data.occupations.map((o) => [o.id, o.title.en, o.codes.teer, o.fieldPath.map((g) => g.code)])).toEqual([
      ['00010', 'Legislators, federal', 0, ['0', '00', '000', '0001']],
    ]);
  });

  it('rejects a code whose length does not match its level', async () => {
    const dir = await structureCsv([...BRANCH, '5,Unit Group,3130,Nurses,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:14: expected a 5-digit code for level 5 (Unit Group), found "3130"`);
  });

  it('rejects a code with something other than digits', async () => {
    const dir = await structureCsv([...BRANCH, '5,Unit Group,3130A,Nurses,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:14: expected a 5-digit code for level 5 (Unit Group), found "3130A"`);
  });

  it('rejects a class whose parent is not in the file, at the child', async () => {
    const dir = await structureCsv([...BRANCH, '5,Unit Group,31301,Registered nurses,Nurses.', '5,Unit Group,31400,Therapists,Therapists.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:7:14: unknown parent 3140 of 31400 (expected a Minor Group row with code 3140)`);
  });

  it('rejects a level outside 1-5', async () => {
    const dir = await structureCsv([...BRANCH, '6,Unit Group,31301,Registered nurses,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:1: expected a level 1-5, found "6"`);
  });

  it('rejects an empty level', async () => {
    const dir = await structureCsv([...BRANCH, ',Unit Group,31301,Registered nurses,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:1: expected a level 1-5, found an empty field`);
  });

  it('rejects a structure name that disagrees with the level', async () => {
    const dir = await structureCsv([...BRANCH, '5,Minor Group,31301,Registered nurses,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:3: expected "Unit Group" for level 5, found "Minor Group"`);
  });

  it('rejects a row with the wrong number of fields', async () => {
    const dir = await structureCsv([...BRANCH, '5,Unit Group,31301,Registered nurses,Assess, plan and evaluate care.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:38: expected 5 fields as in the header, found 6`);
  });

  it('rejects a code defined twice', async () => {
    const dir = await structureCsv([...BRANCH, '4,Minor Group,3130,Nursing again,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:15: code 3130 is already defined at line 5`);
  });

  it('rejects a unit group whose second digit is not a TEER category', async () => {
    const dir = await structureCsv([...BRANCH, '5,Unit Group,37301,Registered nurses,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:14: expected a TEER digit 0-5 as the second digit of unit group 37301, found "7"`);
  });

  it('rejects an empty class title', async () => {
    const dir = await structureCsv([...BRANCH, '5,Unit Group,31301, ,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:20: expected a class title, found an empty field`);
  });

  it('rejects a quoted field that never closes', async () => {
    const dir = await structureCsv([...BRANCH, '5,Unit Group,31301,"Registered nurses,Nurses.']);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}:6:20: quoted field is never closed (expected a closing ")`);
  });

  it('names a missing column and lists the columns it found', async () => {
    const dir = await structureCsv(BRANCH, 'Level,Hierarchical structure,Code - NOC 2021 V1.0,Title,Class definition');
    expect(await errorOf(dir)).toBe(
      `${STRUCTURE}:1: missing column "Class title"; found "Level", "Hierarchical structure", "Code - NOC 2021 V1.0", "Title", "Class definition"`,
    );
  });

  it('rejects a file without any unit group', async () => {
    const dir = await structureCsv(BRANCH);
    expect(await errorOf(dir)).toBe(`${STRUCTURE}: no unit groups (five-digit codes) found`);
  });
});

describe('importNoc: the unit-group JSON', () => {
  it('gives the same occupations as the CSV, with placeholder titles for sub-major groups', async () => {
    const { data, warnings, rowsRead } = await importNoc(JSON_FILE);
    expect(rowsRead).toEqual({ 'noc-2021-unit-groups.json': 2 });
    expect(data.framework.source.release).toBe('NOC 2021 Version 1.0');
    expect(data.framework.version).toBe('2021.1.0');
    const fromCsv = (await importNoc(CSV_DIR)).data.occupations.filter((o) => o.id !== '31300');
    expect(data.occupations.map((o) => [o.id, o.title, o.description, o.codes])).toEqual(fromCsv.map((o) => [o.id, o.title, o.description, o.codes]));
    expect(data.occupations[0]!.fieldPath).toEqual([
      { code: '3', title: { en: 'Health occupations' } },
      { code: '31', title: { en: 'Professional occupations in health' } },
      { code: '313', title: { en: 'NOC 2021 sub-major group 313' } },
      { code: '3130', title: { en: 'Professional occupations in nursing' } },
    ]);
    expect(warnings).toEqual([
      'noc-2021-unit-groups.json: 2 groups of the field path have no title in this file (first: 313); their title reads "NOC 2021 <level> <code>"',
    ]);
  });

  async function brokenJson(edit: (json: { nocs: Record<string, any>[] }) => void): Promise<string> {
    const json = JSON.parse(await readFile(JSON_FILE, 'utf8'));
    edit(json);
    const dir = await tempDir();
    await writeFile(join(dir, 'noc.json'), JSON.stringify(json));
    return dir;
  }

  it('rejects a TEER that is not the second digit of the code', async () => {
    const dir = await brokenJson((json) => (json.nocs[1]!.teer.level = 3));
    expect(await errorOf(dir)).toBe('noc.json: nocs.1.teer.level: expected TEER 2 (the second digit of 32101), found 3');
  });

  it('rejects a group code that is not a prefix of the unit group', async () => {
    const dir = await brokenJson((json) => (json.nocs[0]!.hierarchy.minor_group.code = '3131'));
    expect(await errorOf(dir)).toBe('noc.json: nocs.0.hierarchy.minor_group.code: expected 3130 (the first 4 digits of 31301), found "3131"');
  });

  it('rejects one group code with two titles', async () => {
    const dir = await brokenJson((json) => (json.nocs[1]!.hierarchy.broad_group.title = 'Health'));
    expect(await errorOf(dir)).toBe('noc.json: nocs.1.hierarchy.broad_group.title: group 3 is titled "Health occupations" at nocs.0.hierarchy.broad_group, found "Health"');
  });

  it('rejects a unit group listed twice', async () => {
    const dir = await brokenJson((json) => json.nocs.push(json.nocs[0]!));
    expect(await errorOf(dir)).toBe('noc.json: nocs.2.noc_code: unit group 31301 is already listed at nocs.0');
  });

  it('rejects a code that lost its leading zero', async () => {
    const dir = await brokenJson((json) => (json.nocs[0]!.noc_code = '1301'));
    expect(await errorOf(dir)).toBe('noc.json: nocs.0.noc_code: must be a five-digit NOC 2021 unit group code');
  });

  it('rejects a file that is not JSON', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'noc.json'), '{ "nocs": [');
    expect(await errorOf(dir)).toMatch(/^noc\.json: not valid JSON: /);
  });
});

describe('importNoc: finding the file', () => {
  it('takes the structure CSV from a folder that also holds the JSON', async () => {
    const dir = await tempDir();
    await copyFile(join(CSV_DIR, STRUCTURE), join(dir, STRUCTURE));
    await copyFile(JSON_FILE, join(dir, 'noc-2021-unit-groups.json'));
    expect(Object.keys((await importNoc(dir)).rowsRead)).toEqual([STRUCTURE]);
  });

  it('says what it expected when a folder holds no NOC file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'README.md'), 'nothing here');
    await expect(importNoc(dir)).rejects.toMatchObject({
      code: 'import.missing_file',
      message: `${dir}: expected the NOC 2021 structure CSV (${STRUCTURE}) or a single unit-group JSON file; found no CSV or JSON file`,
    });
  });

  it('says when the path does not exist', async () => {
    const dir = await tempDir();
    await expect(importNoc(join(dir, 'missing'))).rejects.toMatchObject({ code: 'import.missing_file' });
  });
});
