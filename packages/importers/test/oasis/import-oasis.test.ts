import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeworkError, OccupationLookup, parseFramework } from '@bridgework/core';
import { importOasis } from '../../src/oasis/index.ts';

const TINY = new URL('../fixtures/oasis/tiny/', import.meta.url).pathname.replace(/\/$/, '');
const NOC_CSV = new URL('../fixtures/noc/csv/noc_2021_version_1.0_-_classification_structure.csv', import.meta.url).pathname;
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function copyOfTiny(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bw-oasis-'));
  dirs.push(dir);
  await cp(TINY, dir, { recursive: true });
  return dir;
}

/** A copy of the tiny release with one file's text replaced. */
async function brokenCopy(file: string, from: string, to: string): Promise<string> {
  const dir = await copyOfTiny();
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} not found in ${file}`);
  await writeFile(path, text.replace(from, to));
  return dir;
}

/** The error's code and message, with the temporary folder taken off file names. */
async function errorOf(dir: string): Promise<[string, string]> {
  try {
    await importOasis(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeworkError);
    const e = error as BridgeworkError;
    return [e.code, e.message.split(dir + '/').join('').split(dir).join('<dir>')];
  }
  throw new Error('expected the import to fail');
}

describe('importOasis: profiles', () => {
  it('makes one occupation per labelled profile, with NOC unit group and TEER from its code', async () => {
    const { data } = await importOasis(TINY);
    expect(data.occupations.map((o) => [o.id, o.title.en, o.codes])).toEqual([
      ['31100.10', 'Specialists in surgery', { oasis: '31100.10', noc: '31100', teer: 1 }],
      ['31301.01', 'General duty registered nurses', { oasis: '31301.01', noc: '31301', teer: 1 }],
      ['95109.00', 'Other labourers in processing, manufacturing and utilities', { oasis: '95109.00', noc: '95109', teer: 5 }],
    ]);
  });

  it('leaves entry absent: OaSIS states employment requirements as text only, so no training months are made up', async () => {
    const { data } = await importOasis(TINY);
    expect(data.occupations.map((o) => o.entry)).toEqual([undefined, undefined, undefined]);
    expect(data.occupations[0]!.notes).toContain('Employment requirements:\n- A medical degree and a specialty certificate are required.');
  });

  it('restores codes that lost their decimals (95109, 31100.1) before joining the files', async () => {
    const { data } = await importOasis(TINY);
    // knowledges has 31100.1, workactivities and main-duties have 95109.
    expect(data.requirements.filter((r) => r.occupation === '31100.10' && r.competency.startsWith('G')).map((r) => r.competency)).toEqual(['G01a02', 'G08a01']);
    expect(data.requirements.filter((r) => r.occupation === '95109.00' && r.competency.startsWith('K')).map((r) => r.competency)).toEqual(['K01b02', 'K03b04']);
    expect(data.occupations[2]!.notes).toContain('- Load and unload materials');
  });

  it('takes example titles as alternate titles, once each, folded to one line, without the title itself', async () => {
    const { data } = await importOasis(TINY);
    expect(data.occupations[1]!.alternateTitles).toEqual({ en: ['emergency nurse', 'nurse for persons with a visual impairment'] });
  });

  it('finds a profile by an example title with OccupationLookup', async () => {
    const { data } = await importOasis(TINY);
    const lookup = new OccupationLookup(data.occupations);
    expect(lookup.resolve('orthopaedic surgeon').id).toBe('31100.10');
    expect(lookup.searchTitles('visual impairment').map((m) => [m.occupation.id, m.matchedTitle])).toEqual([
      ['31301.01', 'nurse for persons with a visual impairment'],
    ]);
    expect(lookup.byCode('95109').map((o) => o.id)).toEqual(['95109.00']);
  });

  it('uses the lead statement as description and puts duties, requirements, information and interests in the notes', async () => {
    const { data } = await importOasis(TINY);
    const nurse = data.occupations[1]!;
    expect(nurse.description).toEqual({ en: 'General duty registered nurses provide direct nursing care, health education and consultation.' });
    expect(nurse.notes).toBe(
      [
        'Main duties:',
        '- Assess patients',
        '- Administer medications, treatments and care',
        '',
        'Employment requirements:',
        '- Registration with a regulatory body is required.',
        '',
        'Additional information:',
        '- Nurses may specialize. They may progress to supervisory positions.',
        '',
        'Interests (Holland codes): Social (S), Investigative (I), Conventional (C)',
      ].join('\n'),
    );
  });

  it('gives the field path as NOC codes, titled from a NOC structure CSV placed beside the files', async () => {
    const bare = await importOasis(TINY);
    expect(bare.data.occupations[1]!.fieldPath.map((g) => [g.code, g.title.en])).toEqual([
      ['3', 'NOC 2021 broad category 3'],
      ['31', 'NOC 2021 major group 31'],
      ['313', 'NOC 2021 sub-major group 313'],
      ['3130', 'NOC 2021 minor group 3130'],
    ]);
    const dir = await copyOfTiny();
    await cp(NOC_CSV, join(dir, 'noc_2021_version_1.0_-_classification_structure.csv'));
    const titled = await importOasis(dir);
    expect(titled.data.occupations[1]!.fieldPath.map((g) => g.title.en)).toEqual([
      'Health occupations',
      'Professional occupations in health',
      'Professional occupations in nursing',
      'Professional occupations in nursing',
    ]);
    expect(titled.rowsRead['noc_2021_version_1.0_-_classification_structure.csv']).toBe(10);
  });
});

describe('importOasis: competencies and requirements', () => {
  it('makes a competency per rating column with the guide code, name, definition, group and kind', async () => {
    const { data } = await importOasis(TINY);
    expect(data.competencies.map((c) => [c.id, c.label.en, c.kind, c.group])).toEqual([
      ['F01b01', 'Reading Comprehension', 'skill', 'F01b'],
      ['F01b02', 'Writing', 'skill', 'F01b'],
      ['F01c02', 'Digital Literacy', 'skill', 'F01c'],
      ['A02c01', 'Stamina', 'ability', 'A02c'],
      ['G01a02', 'Business Management', 'knowledge', 'G01a'],
      ['G08a01', 'Biology', 'knowledge', 'G08a'],
      ['K01b02', 'Estimating the Quantifiable Characteristics', 'work-activity', 'K01b'],
      ['K03b04', 'Applying New Knowledge', 'work-activity', 'K03b'],
      ['B02c01', 'Active Learning', 'attribute', 'B02c'],
      ['J01b01', 'Automation', 'work-context', 'J01b'],
      ['J01c02-frequency', 'Time Pressure (frequency)', 'work-context', 'J01c'],
      ['J01c02-importance', 'Time Pressure (importance)', 'work-context', 'J01c'],
      ['J01c03', 'Type of Work Schedules', 'work-context', 'J01c'],
      ['J02a05', 'Hazardous Equipment, Machinery, Tools', 'work-context', 'J02a'],
      ['J02c04-frequency', 'Sound and Noise (frequency)', 'work-context', 'J02c'],
      ['J02c04-duration', 'Sound and Noise (duration)', 'work-context', 'J02c'],
      ['J04a05-frequency', 'Work with Work Group or Team (frequency)', 'work-context', 'J04a'],
      ['J04a05-importance', 'Work with Work Group or Team (importance)', 'work-context', 'J04a'],
      ['C01a01', 'Realistic', 'interest', 'C01a'],
      ['C01a02', 'Investigative', 'interest', 'C01a'],
      ['C01a03', 'Artistic', 'interest', 'C01a'],
      ['C01a04', 'Social', 'interest', 'C01a'],
      ['C01a05', 'Enterprising', 'interest', 'C01a'],
      ['C01a06', 'Conventional', 'interest', 'C01a'],
    ]);
    expect(data.competencies[0]).toEqual({
      id: 'F01b01',
      label: { en: 'Reading Comprehension' },
      description: { en: 'Understanding written text. This descriptor is measured by proficiency level on a scale of 1-5.' },
      kind: 'skill',
      group: 'F01b',
      externalId: 'F01b01',
    });
  });

  it('matches headers with stray, doubled and no-break spaces, and keeps renamed descriptors findable', async () => {
    const { data } = await importOasis(TINY);
    const renamed = data.competencies.filter((c) => c.altLabels).map((c) => [c.id, c.altLabels!.en]);
    expect(renamed).toEqual([
      ['G01a02', ['Business Administration']],
      ['K01b02', ['Estimate Quantifiable Charact. of Prod., Events or Info.']],
      ['K03b04', ['Using New Relevant Knowledge']],
      ['J01c03', ['Work Schedule']],
    ]);
  });

  it('turns a rating r into level and importance r/max, keeps r, and makes no requirement for 0', async () => {
    const { data } = await importOasis(TINY);
    const kinds = new Map(data.competencies.map((c) => [c.id, c.kind]));
    const nurse = data.requirements.filter((r) => r.occupation === '31301.01' && !['work-context', 'interest'].includes(kinds.get(r.competency)!));
    expect(nurse).toEqual([
      { occupation: '31301.01', competency: 'F01b01', importance: 4 / 5, level: 4 / 5, essential: false, source: { scale: 'oasis', level: 4 } },
      { occupation: '31301.01', competency: 'F01b02', importance: 3 / 5, level: 3 / 5, essential: false, source: { scale: 'oasis', level: 3 } },
      { occupation: '31301.01', competency: 'A02c01', importance: 3 / 5, level: 3 / 5, essential: false, source: { scale: 'oasis', level: 3 } },
      { occupation: '31301.01', competency: 'G08a01', importance: 2 / 3, level: 2 / 3, essential: false, source: { scale: 'oasis', level: 2 } },
      { occupation: '31301.01', competency: 'K01b02', importance: 3 / 5, level: 3 / 5, essential: false, source: { scale: 'oasis', level: 3 } },
      { occupation: '31301.01', competency: 'K03b04', importance: 4 / 5, level: 4 / 5, essential: false, source: { scale: 'oasis', level: 4 } },
      { occupation: '31301.01', competency: 'B02c01', importance: 4 / 5, level: 4 / 5, essential: false, source: { scale: 'oasis', importance: 4 } },
    ]);
    // 3 profiles x 9 descriptors less five ratings of 0, 3 x 9 work-context columns less one 0, and
    // 2 + 3 + 1 Holland codes.
    expect(data.requirements).toHaveLength(3 * 9 - 5 + (3 * 9 - 1) + 6);
  });

  it('keeps the guide groups above imported descriptors only', async () => {
    const { data } = await importOasis(TINY);
    expect(data.competencyGroups.map((g) => [g.id, g.parent ?? null, g.label.en])).toEqual([
      ['A', null, 'Abilities'],
      ['A02', 'A', 'Physical Abilities'],
      ['A02c', 'A02', 'Endurance'],
      ['B', null, 'Personal Attributes'],
      ['B02', 'B', 'Self-Improvement'],
      ['B02c', 'B02', 'Learning Orientation'],
      ['F', null, 'Skills'],
      ['F01', 'F', 'Foundational Skills'],
      ['F01b', 'F01', 'Reading and Writing Skills'],
      ['F01c', 'F01', 'Mathematical Skills'],
      ['G', null, 'Knowledge'],
      ['G01', 'G', 'Administration and Management'],
      ['G01a', 'G01', 'Administration and Management'],
      ['G08', 'G', 'Physical Sciences'],
      ['G08a', 'G08', 'Physical Sciences'],
      ['C', null, 'Interests'],
      ['C01', 'C', 'Holland Codes'],
      ['C01a', 'C01', 'Interests - Holland Codes'],
      ['J', null, 'Work Context'],
      ['J01', 'J', 'Structural Job Characteristics'],
      ['J01b', 'J01', 'Various Challenge Types'],
      ['J01c', 'J01', 'Pace and Scheduling'],
      ['J02', 'J', 'Physical Work Environment'],
      ['J02a', 'J02', 'Exposure to Job Hazards'],
      ['J02c', 'J02', 'Environmental Conditions'],
      ['J04', 'J', 'Interpersonal Relations'],
      ['J04a', 'J04', 'Job interactions'],
      ['K', null, 'Work Activities'],
      ['K03', 'K', 'Mental Process-Oriented Activities'],
      ['K03b', 'K03', 'Reasoning and Decision Making'],
      ['K01', 'K', 'Information-Oriented Activities'],
      ['K01b', 'K01', 'Identifying and Evaluating Job-Relevant Information'],
    ]);
    // F04d01 and J02c07 (Odours) are in the guide but in no rating file.
    expect(data.competencies.filter((c) => ['F04d01', 'J02c07'].includes(c.id))).toEqual([]);
  });

  it('passes the framework schema and the cross-record checks', async () => {
    const { data } = await importOasis(TINY);
    expect(() => parseFramework(data, { requireRequirements: true })).not.toThrow();
  });
});

describe('importOasis: work context and interests, as traits', () => {
  it('makes a work-context competency per column, a descriptor rated on two scales once per scale the guide names', async () => {
    const { data } = await importOasis(TINY);
    const workContext = data.competencies.filter((c) => c.kind === 'work-context');
    expect(workContext.map((c) => [c.id, c.externalId, c.altLabels?.en ?? null])).toEqual([
      ['J01b01', 'J01b01', null],
      ['J01c02-frequency', 'J01c02', null],
      ['J01c02-importance', 'J01c02', null],
      ['J01c03', 'J01c03', ['Work Schedule']],
      ['J02a05', 'J02a05', null],
      ['J02c04-frequency', 'J02c04', null],
      ['J02c04-duration', 'J02c04', null],
      ['J04a05-frequency', 'J04a05', null],
      ['J04a05-importance', 'J04a05', null],
    ]);
    expect(workContext[2]).toEqual({
      id: 'J01c02-importance',
      label: { en: 'Time Pressure (importance)' },
      description: { en: 'Working to deadlines. This descriptor is measured by frequency on a scale of 1-5 and importance on a scale of 1-5.' },
      kind: 'work-context',
      group: 'J01c',
      externalId: 'J01c02',
    });
  });

  it('rates each work-context column on its own scale (1-3, 1-5, 1-5 when the guide states none): r/max, r kept as source level, nothing for 0', async () => {
    const { data } = await importOasis(TINY);
    const rated = (occupation: string) =>
      data.requirements.filter((r) => r.occupation === occupation && r.competency.startsWith('J')).map((r) => [r.competency, r.level, r.importance, r.essential, r.source]);
    const oasis = (level: number) => ({ scale: 'oasis', level });
    expect(rated('31301.01')).toEqual([
      ['J01b01', 1 / 3, 1 / 3, false, oasis(1)],
      ['J01c02-frequency', 4 / 5, 4 / 5, false, oasis(4)],
      ['J01c02-importance', 5 / 5, 5 / 5, false, oasis(5)],
      ['J01c03', 2 / 3, 2 / 3, false, oasis(2)],
      ['J02a05', 2 / 5, 2 / 5, false, oasis(2)],
      ['J02c04-frequency', 2 / 5, 2 / 5, false, oasis(2)],
      ['J02c04-duration', 1 / 5, 1 / 5, false, oasis(1)],
      ['J04a05-frequency', 5 / 5, 5 / 5, false, oasis(5)],
      ['J04a05-importance', 4 / 5, 4 / 5, false, oasis(4)],
    ]);
    // The surgeons' 0 for hazardous equipment makes no requirement; the labourers' 3 on the 1-3 automation scale is the top.
    expect(rated('31100.10').map(([id]) => id)).not.toContain('J02a05');
    expect(rated('95109.00')[0]).toEqual(['J01b01', 1, 1, false, oasis(3)]);
  });

  it('makes the six Holland types competencies from the guide and weighs a profile\'s codes 1, 2/3, 1/3 by position', async () => {
    const { data } = await importOasis(TINY);
    expect(data.competencies.filter((c) => c.kind === 'interest').map((c) => [c.id, c.label.en, c.externalId])).toEqual([
      ['C01a01', 'Realistic', 'C01a01'],
      ['C01a02', 'Investigative', 'C01a02'],
      ['C01a03', 'Artistic', 'C01a03'],
      ['C01a04', 'Social', 'C01a04'],
      ['C01a05', 'Enterprising', 'C01a05'],
      ['C01a06', 'Conventional', 'C01a06'],
    ]);
    // Surgeons I,r (lower case read as R); nurses S,i,c; labourers R only; the dispatchers' row names no labelled profile.
    expect(data.requirements.filter((r) => r.competency.startsWith('C01a'))).toEqual([
      { occupation: '31100.10', competency: 'C01a02', importance: 1, level: 1, essential: false, source: { scale: 'oasis', level: 1 } },
      { occupation: '31100.10', competency: 'C01a01', importance: 2 / 3, level: 2 / 3, essential: false, source: { scale: 'oasis', level: 2 } },
      { occupation: '31301.01', competency: 'C01a04', importance: 1, level: 1, essential: false, source: { scale: 'oasis', level: 1 } },
      { occupation: '31301.01', competency: 'C01a02', importance: 2 / 3, level: 2 / 3, essential: false, source: { scale: 'oasis', level: 2 } },
      { occupation: '31301.01', competency: 'C01a06', importance: 1 / 3, level: 1 / 3, essential: false, source: { scale: 'oasis', level: 3 } },
      { occupation: '95109.00', competency: 'C01a01', importance: 1, level: 1, essential: false, source: { scale: 'oasis', level: 1 } },
    ]);
  });

  it('names the interests interest-R ... when the guide has no Interests descriptors, with a warning', async () => {
    const dir = await copyOfTiny();
    const guide = join(dir, 'guide_oasis_2023_v1.0.csv');
    const lines = (await readFile(guide, 'utf8')).split('\n');
    await writeFile(guide, lines.filter((line) => !/^C\d*[a-z]?\d*,/.test(line)).join('\n'));
    const { data, warnings } = await importOasis(dir);
    expect(data.competencies.filter((c) => c.kind === 'interest')).toEqual(
      ['R', 'I', 'A', 'S', 'E', 'C'].map((letter, i) => ({
        id: `interest-${letter}`,
        label: { en: ['Realistic', 'Investigative', 'Artistic', 'Social', 'Enterprising', 'Conventional'][i] },
        kind: 'interest',
      })),
    );
    expect(data.requirements.filter((r) => r.occupation === '95109.00' && r.competency.startsWith('interest-')).map((r) => r.competency)).toEqual(['interest-R']);
    expect(data.competencyGroups.some((g) => g.id.startsWith('C'))).toBe(false);
    expect(warnings).toContain(
      'guide_oasis_2023_v1.0.csv: no Interests descriptor for Realistic, Investigative, Artistic, Social, Enterprising, Conventional; imported as interest-R, interest-I, interest-A, interest-S, interest-E, interest-C without a group',
    );
  });

  it('imports a work-context column the guide does not know under a derived id, on an assumed 1-5 scale, with a warning', async () => {
    const dir = await brokenCopy('workcontext_oasis_2023_v1.0.csv', 'Work Schedule', 'Shift Rotation');
    const { data, warnings } = await importOasis(dir);
    expect(data.competencies.find((c) => c.id === 'J-shift-rotation')).toEqual({ id: 'J-shift-rotation', label: { en: 'Shift Rotation' }, kind: 'work-context', group: 'J' });
    expect(data.requirements.find((r) => r.occupation === '95109.00' && r.competency === 'J-shift-rotation')).toMatchObject({ level: 3 / 5, source: { level: 3 } });
    expect(warnings).toContain(
      'workcontext_oasis_2023_v1.0.csv: column "Shift Rotation" is not a Work Context descriptor of the guide; imported as "J-shift-rotation" without a group below J, on a scale of 1-5 (assumed)',
    );
  });

  it('reads a number glued to a header as the second scale only when the guide names two', async () => {
    const dir = await brokenCopy('workcontext_oasis_2023_v1.0.csv', 'Automation ', 'Automation2');
    const { warnings } = await importOasis(dir);
    expect(warnings).toContain(
      'workcontext_oasis_2023_v1.0.csv: column "Automation2" is not a Work Context descriptor of the guide; imported as "J-automation2" without a group below J, on a scale of 1-5 (assumed)',
    );
  });

  it('imports without work context and interests, saying what is missing', async () => {
    const dir = await copyOfTiny();
    await unlink(join(dir, 'workcontext_oasis_2023_v1.0.csv'));
    await unlink(join(dir, 'interests_oasis_2023_v1.0.csv'));
    const { data, warnings } = await importOasis(dir);
    expect(warnings.slice(0, 2)).toEqual([
      `interests_oasis_<year>_v<version>.csv is not in ${dir}: no interests in the notes or requirements`,
      `workcontext_oasis_<year>_v<version>.csv is not in ${dir}: no work context competencies or requirements`,
    ]);
    expect(data.competencies.filter((c) => c.kind === 'work-context' || c.kind === 'interest')).toEqual([]);
    expect(data.occupations[1]!.notes).not.toContain('Interests');
  });
});

describe('importOasis: release, counts and warnings', () => {
  it('describes the release, its publisher and the licence attribution', async () => {
    const { data } = await importOasis(TINY);
    const { importedAt, description, ...framework } = data.framework;
    expect(typeof importedAt).toBe('string');
    expect(description).toContain('r/max');
    expect(framework).toEqual({
      id: 'oasis',
      name: 'OaSIS 2023 (Occupational and Skills Information System)',
      version: '2023.1.0',
      source: {
        kind: 'oasis',
        publisher: 'Employment and Social Development Canada (ESDC)',
        release: 'OaSIS 2023 Version 1.0',
        url: 'https://noc.esdc.gc.ca/Oasis/OasisWelcome',
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
    const { data } = await importOasis(TINY, { id: 'oasis-test', version: '2023.1.0-test' });
    expect([data.framework.id, data.framework.version]).toEqual(['oasis-test', '2023.1.0-test']);
  });

  it('counts the rows read per file', async () => {
    const { rowsRead } = await importOasis(TINY);
    expect(rowsRead).toEqual({
      'labels_oasis_2023_v1.0.csv': 3,
      'guide_oasis_2023_v1.0.csv': 57,
      'lead-statement_oasis_2023_v1.0.csv': 3,
      'example-titles_oasis_2023_v1.0.csv': 7,
      'main-duties_oasis-2023_v1.0.csv': 4,
      'employment-requirements_oasis_2023_v1.0.csv': 2,
      'additional-information_oasis_2023_v1.0.csv': 1,
      'interests_oasis_2023_v1.0.csv': 4,
      'skills_oasis_2023_v1.0.csv': 3,
      'abilities_oasis_2023_v1.0.csv': 3,
      'knowledges_oasis_2023_v1.0.csv': 3,
      'workactivities_oasis_2023_v1.0.csv': 3,
      'personal-attributes_oasis_2023_v1.0.csv': 3,
      'workcontext_oasis_2023_v1.0.csv': 3,
    });
  });

  it('warns about rows it skips and titles it cannot give', async () => {
    const { warnings } = await importOasis(TINY);
    expect(warnings).toEqual([
      'interests_oasis_2023_v1.0.csv: skipped 1 row: profile not in the labels file (first at line 4: 31301.09)',
      'interests_oasis_2023_v1.0.csv: 3 Holland codes in lower case (first at line 2: r), which the guide does not explain; read as upper case',
      `OaSIS files do not title the NOC groups of the field path: 10 groups (first: 3) read "NOC 2021 <level> <code>"; put the NOC structure CSV (noc_2021_version_1.0_-_classification_structure.csv) in ${TINY} for their titles`,
    ]);
  });

  it('reports progress per file in bytes', async () => {
    const phases = new Set<string>();
    let last = { done: 0, total: 0 as number | undefined };
    await importOasis(TINY, {
      onProgress: (p) => {
        phases.add(p.phase);
        if (p.phase === 'skills_oasis_2023_v1.0.csv') last = { done: p.done, total: p.total };
      },
    });
    expect(phases.size).toBe(14);
    expect(last.done).toBe(last.total);
  });

  it('imports without the optional files, saying what is missing', async () => {
    const dir = await copyOfTiny();
    await unlink(join(dir, 'example-titles_oasis_2023_v1.0.csv'));
    await unlink(join(dir, 'abilities_oasis_2023_v1.0.csv'));
    const { data, warnings } = await importOasis(dir);
    expect(warnings.slice(0, 4)).toEqual([
      `example-titles_oasis_<year>_v<version>.csv is not in ${dir}: no alternate titles`,
      'interests_oasis_2023_v1.0.csv: skipped 1 row: profile not in the labels file (first at line 4: 31301.09)',
      'interests_oasis_2023_v1.0.csv: 3 Holland codes in lower case (first at line 2: r), which the guide does not explain; read as upper case',
      `abilities_oasis_<year>_v<version>.csv is not in ${dir}: no abilities competencies or requirements`,
    ]);
    expect(data.occupations.every((o) => o.alternateTitles === undefined)).toBe(true);
    expect(data.competencies.some((c) => c.kind === 'ability')).toBe(false);
  });

  it('imports a column the guide does not know under a derived id, with a warning', async () => {
    const dir = await brokenCopy('skills_oasis_2023_v1.0.csv', ' Digital Literacy', 'Digital Wizardry');
    const { data, warnings } = await importOasis(dir);
    expect(data.competencies.find((c) => c.id === 'F-digital-wizardry')).toEqual({ id: 'F-digital-wizardry', label: { en: 'Digital Wizardry' }, kind: 'skill', group: 'F' });
    expect(warnings).toContain('skills_oasis_2023_v1.0.csv: column "Digital Wizardry" is not a Skills descriptor of the guide; imported as "F-digital-wizardry" without a group below F');
  });

  it('warns when a rating file has no row for a labelled profile', async () => {
    const dir = await brokenCopy('abilities_oasis_2023_v1.0.csv', '31301.01,General duty registered nurses,3\r\n', '');
    const { warnings } = await importOasis(dir);
    expect(warnings).toContain('abilities_oasis_2023_v1.0.csv: 1 profile has no row (first: 31301.01), so no abilities requirements');
  });
});

describe('importOasis: errors', () => {
  it('rejects a rating above the scale of its family', async () => {
    const dir = await brokenCopy('knowledges_oasis_2023_v1.0.csv', 'nurses,0,2', 'nurses,0,4');
    expect(await errorOf(dir)).toEqual([
      'import.invalid_file',
      'knowledges_oasis_2023_v1.0.csv:3:43: expected a rating 0-3 (knowledge level; 0 = not rated) for "Biology", found "4"',
    ]);
  });

  it('rejects a work-context rating outside the scale the guide gives its descriptor', async () => {
    const automation = await brokenCopy('workcontext_oasis_2023_v1.0.csv', 'nurses,1,4,5', 'nurses,4,4,5');
    expect(await errorOf(automation)).toEqual([
      'import.invalid_file',
      'workcontext_oasis_2023_v1.0.csv:3:41: expected a rating 0-3 (degree of automation; 0 = not rated) for "Automation", found "4"',
    ]);
    const paired = await brokenCopy('workcontext_oasis_2023_v1.0.csv', 'surgery,2,5,5', 'surgery,2,5,6');
    expect(await errorOf(paired)).toEqual([
      'import.invalid_file',
      'workcontext_oasis_2023_v1.0.csv:2:37: expected a rating 0-5 (importance; 0 = not rated) for "Time Pressure (importance)", found "6"',
    ]);
  });

  it('rejects a rating that is not a whole number', async () => {
    const dir = await brokenCopy('skills_oasis_2023_v1.0.csv', 'surgery,5,4,3', 'surgery,5,4.5,3');
    expect(await errorOf(dir)).toEqual([
      'import.invalid_file',
      'skills_oasis_2023_v1.0.csv:2:35: expected a rating 0-5 (proficiency; 0 = not rated) for "Writing", found "4.5"',
    ]);
  });

  it('rejects an empty rating', async () => {
    const dir = await brokenCopy('personal-attributes_oasis_2023_v1.0.csv', 'surgery,5', 'surgery,');
    expect(await errorOf(dir)).toEqual([
      'import.invalid_file',
      'personal-attributes_oasis_2023_v1.0.csv:2:33: expected a rating 0-5 (importance; 0 = not rated) for "Active Learning", found an empty field',
    ]);
  });

  it('rejects a rated profile that is not in the labels file', async () => {
    const dir = await brokenCopy('abilities_oasis_2023_v1.0.csv', '31301.01,', '31301.02,');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'abilities_oasis_2023_v1.0.csv:3:1: profile 31301.02 is not in the labels file']);
  });

  it('rejects a profile rated twice in one file', async () => {
    const dir = await brokenCopy('abilities_oasis_2023_v1.0.csv', '31301.01,', '31100.1,');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'abilities_oasis_2023_v1.0.csv:3:1: profile 31100.10 is already rated at line 2']);
  });

  it('rejects a code that is not a profile code', async () => {
    const dir = await brokenCopy('workactivities_oasis_2023_v1.0.csv', '95109,', '9510,');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'workactivities_oasis_2023_v1.0.csv:4:1: expected an OaSIS profile code like 31301.00, found "9510"']);
  });

  it('rejects a rating row with the wrong number of fields', async () => {
    const dir = await brokenCopy('skills_oasis_2023_v1.0.csv', 'nurses,4,3,0', 'nurses,4,3');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'skills_oasis_2023_v1.0.csv:3:43: expected 5 fields as in the header, found 4']);
  });

  it('rejects a rating file without its code column', async () => {
    const dir = await brokenCopy('abilities_oasis_2023_v1.0.csv', 'OaSIS Code - Final', 'Profile');
    expect(await errorOf(dir)).toEqual([
      'import.invalid_file',
      'abilities_oasis_2023_v1.0.csv:1: missing column "OaSIS Code - Final"; found "Profile", "OaSIS Label - Final", "Stamina"',
    ]);
  });

  it('rejects two columns that name the same descriptor', async () => {
    const dir = await brokenCopy('skills_oasis_2023_v1.0.csv', ' Digital Literacy', 'Reading  Comprehension');
    expect(await errorOf(dir)).toEqual([
      'import.invalid_file',
      'skills_oasis_2023_v1.0.csv:1: columns "Reading Comprehension" and "Reading Comprehension" both name descriptor F01b01',
    ]);
  });

  it('rejects a profile labelled twice', async () => {
    const dir = await brokenCopy('labels_oasis_2023_v1.0.csv', '31301.01,', '31100.10,');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'labels_oasis_2023_v1.0.csv:3:1: profile 31100.10 is already labelled at line 2']);
  });

  it('rejects a profile without a label', async () => {
    const dir = await brokenCopy('labels_oasis_2023_v1.0.csv', '31301.01,General duty registered nurses', '31301.01, ');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'labels_oasis_2023_v1.0.csv:3:10: expected a label for profile 31301.01, found an empty field']);
  });

  it('rejects a guide entry with an unknown structure type', async () => {
    const dir = await brokenCopy('guide_oasis_2023_v1.0.csv', 'A02c,Endurance,Similarity Group', 'A02c,Endurance,Similarity Cluster');
    expect(await errorOf(dir)).toEqual([
      'import.invalid_file',
      'guide_oasis_2023_v1.0.csv:4:16: expected a structure type (Category, Sub-Category, Similarity Group, Descriptor), found "Similarity Cluster"',
    ]);
  });

  it('rejects a guide code that does not fit its structure type', async () => {
    const dir = await brokenCopy('guide_oasis_2023_v1.0.csv', 'A02c01,Stamina', 'A02c1,Stamina');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'guide_oasis_2023_v1.0.csv:5:1: expected a code like F01a01 for a Descriptor, found "A02c1"']);
  });

  it('rejects a guide entry whose parent is not in the guide', async () => {
    const dir = await brokenCopy('guide_oasis_2023_v1.0.csv', 'A02c01,Stamina', 'A02d01,Stamina');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'guide_oasis_2023_v1.0.csv:5:1: unknown parent A02d of A02d01']);
  });

  it('rejects a guide code defined twice', async () => {
    const dir = await brokenCopy('guide_oasis_2023_v1.0.csv', 'F01b02,Writing', 'F01b01,Writing');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'guide_oasis_2023_v1.0.csv:14:1: code F01b01 is already defined at line 13']);
  });

  it('rejects an interest that is not a Holland code', async () => {
    const dir = await brokenCopy('interests_oasis_2023_v1.0.csv', 'nurses,S,i,c', 'nurses,S,x,c');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'interests_oasis_2023_v1.0.csv:3:43: expected a Holland code (R, I, A, S, E or C), found "x"']);
  });

  it('rejects a Holland code given twice for one profile', async () => {
    const dir = await brokenCopy('interests_oasis_2023_v1.0.csv', 'nurses,S,i,c', 'nurses,S,i,s');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'interests_oasis_2023_v1.0.csv:3:45: Holland code S is already in position 1 of this profile']);
  });

  it('rejects a quoted text field that never closes', async () => {
    const dir = await brokenCopy('main-duties_oasis-2023_v1.0.csv', '95109,Load', '95109,"Load');
    expect(await errorOf(dir)).toEqual(['import.invalid_file', 'main-duties_oasis-2023_v1.0.csv:5:7: quoted field is never closed (expected a closing ")']);
  });

  it('requires the labels and guide files', async () => {
    const dir = await copyOfTiny();
    await unlink(join(dir, 'labels_oasis_2023_v1.0.csv'));
    await unlink(join(dir, 'guide_oasis_2023_v1.0.csv'));
    expect(await errorOf(dir)).toEqual([
      'import.missing_file',
      '<dir>: missing the OaSIS files labels_oasis_<year>_v<version>.csv, guide_oasis_<year>_v<version>.csv',
    ]);
  });

  it('requires at least one rating file', async () => {
    const dir = await copyOfTiny();
    for (const family of ['skills', 'abilities', 'knowledges', 'workactivities', 'personal-attributes', 'workcontext']) {
      await unlink(join(dir, `${family}_oasis_2023_v1.0.csv`));
    }
    const [code, message] = await errorOf(dir);
    expect([code, message]).toEqual([
      'import.missing_file',
      '<dir>: no OaSIS rating file; expected at least one of skills_oasis_<year>_v<version>.csv, abilities_oasis_<year>_v<version>.csv, knowledges_oasis_<year>_v<version>.csv, workactivities_oasis_<year>_v<version>.csv, personal-attributes_oasis_<year>_v<version>.csv, workcontext_oasis_<year>_v<version>.csv',
    ]);
  });

  it('refuses two files for one role', async () => {
    const dir = await copyOfTiny();
    await cp(join(dir, 'skills_oasis_2023_v1.0.csv'), join(dir, 'skills_oasis_2023_v1.0-1.csv'));
    expect(await errorOf(dir)).toEqual([
      'import.invalid_file',
      '<dir>: 2 files could be the OaSIS skills file: skills_oasis_2023_v1.0-1.csv, skills_oasis_2023_v1.0.csv; keep one',
    ]);
  });

  it('wants a folder', async () => {
    const dir = await copyOfTiny();
    const file = join(dir, 'labels_oasis_2023_v1.0.csv');
    await expect(importOasis(file)).rejects.toMatchObject({ code: 'import.missing_file' });
  });
});
