// Tabiya's CSV exports of ESCO: the small complete sample model and the full ESCO 1.1 export
// (occupations and skill structure only), checked against their own files and against the
// official ESCO v1.1.1 import, which must give the same ids to the same concepts.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OccupationLookup, parseFramework, type FrameworkData } from '@bridgework/core';
import { importEsco } from '../../src/esco/index.ts';
import { importTabiya } from '../../src/tabiya/index.ts';
import type { ImportResult } from '../../src/import-result.ts';
import { countLinesStartingWith, lines, realFolder, simpleRows, uuidOf } from '../esco/real-data.ts';

const SAMPLE = realFolder('esco-sample-tabiya');
const FULL = realFolder('esco-1.1.2-tabiya');
const OFFICIAL = realFolder('esco-1.1.1');

/**
 * A Tabiya record's first line starts with its ORIGINURI (maybe empty) and its ID, quoted
 * or not (the sample has one hand-added row without quotes).
 */
const RECORD = /^("[^"]*"|[^",]*),"?key_[^",]*"?,/;

/** The fields of a record's first line, up to the first one that runs onto the next line. */
function headFields(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let end = at + 1;
      while (end < line.length && !(line[end] === '"' && line[end + 1] !== '"')) end += line[end] === '"' ? 2 : 1;
      if (end >= line.length) break; // the quoted field goes on below
      fields.push(line.slice(at + 1, end).replaceAll('""', '"'));
      at = end + 2;
    } else {
      const end = line.indexOf(',', at) < 0 ? line.length : line.indexOf(',', at);
      fields.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return fields;
}

/** ORIGINURI, ID and the other single-line fields at the start of each record, by Tabiya ID. */
async function recordHeads(path: string): Promise<Map<string, string[]>> {
  const heads = new Map<string, string[]>();
  for await (const line of lines(path)) {
    if (!RECORD.test(line)) continue;
    const fields = headFields(line);
    heads.set(fields[1]!, fields);
  }
  return heads;
}

let official: FrameworkData | undefined;
async function officialImport(): Promise<FrameworkData> {
  official ??= (await importEsco(OFFICIAL!)).data;
  return official;
}

describe.skipIf(SAMPLE === undefined || OFFICIAL === undefined)('importTabiya on the Tabiya sample model', () => {
  const file = (name: string) => join(SAMPLE!, name);
  let result: ImportResult;
  let data: FrameworkData;
  let occupations: Map<string, string[]>;
  let skills: Map<string, string[]>;

  beforeAll(async () => {
    result = await importTabiya(SAMPLE!);
    data = result.data;
    occupations = await recordHeads(file('occupations.csv'));
    skills = await recordHeads(file('skills.csv'));
  });

  it('imports every occupation, skill, group and occupation-skill relation of the files', async () => {
    // SOURCE notes give 3,014 / 999 / 8,678; the files hold one more record of each.
    expect(data.occupations).toHaveLength(occupations.size);
    expect(occupations.size).toBe(await countLinesStartingWith(file('occupations.csv'), RECORD));
    expect(data.competencies).toHaveLength(skills.size);
    expect(data.competencyGroups).toHaveLength(await countLinesStartingWith(file('skill_groups.csv'), RECORD));
    expect(data.requirements).toHaveLength((await simpleRows(file('occupation_to_skill_relations.csv'))).length);
    expect([data.occupations.length, data.competencies.length, data.requirements.length]).toEqual([3015, 1000, 8679]);
  });

  it('gives ESCO occupations and skills the ids the official import gives them; local occupations keep their Tabiya ID', async () => {
    const esco = await officialImport();
    const officialOccupations = new Map(esco.occupations.map((o) => [o.id, o]));
    const officialSkills = new Map(esco.competencies.map((c) => [c.id, c]));
    // Local occupations have codes with an underscore (Tabiya: `<group code>_<n>`).
    const expectedIds = [...occupations.values()].map(([uri, id, , , code]) => (code!.includes('_') ? id! : uuidOf(uri!)));
    expect(data.occupations.map((o) => o.id)).toEqual(expectedIds);
    for (const occupation of data.occupations) {
      const twin = officialOccupations.get(occupation.id);
      if (occupation.id.startsWith('key_')) expect(twin).toBeUndefined();
      else {
        // The sample has no French: compare the English side.
        const path = (o: typeof occupation) => o.fieldPath.map((g) => [g.code, g.title.en]);
        expect([occupation.codes, occupation.title.en, path(occupation)]).toEqual([twin!.codes, twin!.title.en, path(twin!)]);
      }
    }
    expect(data.competencies.map((c) => c.id)).toEqual([...skills.values()].map(([uri]) => uuidOf(uri!)));
    for (const competency of data.competencies) expect(competency.externalId).toBe(officialSkills.get(competency.id)!.externalId);
  });

  it("rates an ESCO occupation's skills as the official import does", async () => {
    const esco = await officialImport();
    const officialRequirements = new Map(esco.requirements.map((r) => [`${r.occupation} ${r.competency}`, r]));
    const rated = data.requirements.filter((r) => r.source?.relation !== undefined && !r.occupation.startsWith('key_'));
    const relationRows = (await simpleRows(file('occupation_to_skill_relations.csv'))).filter((r) => r.fields[0] === 'escooccupation');
    expect(rated).toHaveLength(relationRows.length);
    for (const requirement of rated) expect(officialRequirements.get(`${requirement.occupation} ${requirement.competency}`)).toEqual(requirement);
  });

  it("turns a local occupation's signalling values into importances", async () => {
    const signalled = (await simpleRows(file('occupation_to_skill_relations.csv'))).filter((r) => r.fields[2] === '');
    const imported = data.requirements.filter((r) => r.source?.relation === undefined);
    expect(imported.map((r) => [r.occupation, r.importance, r.essential])).toEqual(signalled.map((r) => [r.fields[1], Number(r.fields[5]), false]));
  });

  it('warns about the skills the sample hierarchy leaves out', async () => {
    const placed = new Set((await simpleRows(file('skill_hierarchy.csv'))).filter((r) => r.fields[3] === 'skill').map((r) => r.fields[2]));
    const unplaced = [...skills.keys()].filter((id) => !placed.has(id));
    expect(result.warnings).toContain(
      `skill_hierarchy.csv: ${unplaced.length} skills have neither a group nor a broader skill: no group, and a language skill among them is not recognised as one`,
    );
  });

  it('passes parseFramework', () => {
    expect(() => parseFramework(data, { requireRequirements: false })).not.toThrow();
  });
});

describe.skipIf(FULL === undefined || OFFICIAL === undefined)('importTabiya on the full ESCO export (no skills file)', () => {
  const file = (name: string) => join(FULL!, name);
  let result: ImportResult;
  let data: FrameworkData;

  beforeAll(async () => {
    result = await importTabiya(FULL!);
    data = result.data;
  });

  it('imports occupations, groups and hierarchies, warning that the ratings files are missing', () => {
    expect(result.warnings).toEqual([
      `skills.csv and occupation_to_skill_relations.csv not found in ${FULL}: occupations, groups and hierarchies imported without skills or requirements`,
    ]);
    expect([data.competencies.length, data.requirements.length, data.relations.length]).toEqual([0, 0, 0]);
  });

  it('imports every occupation and skill group, with French titles from fr/', async () => {
    expect(data.occupations).toHaveLength(await countLinesStartingWith(file('occupations.csv'), RECORD));
    expect(data.occupations.filter((o) => o.title.fr !== undefined)).toHaveLength(await countLinesStartingWith(file('fr/occupations.csv'), RECORD));
    expect(data.competencyGroups).toHaveLength(await countLinesStartingWith(file('skill_groups.csv'), RECORD));
    expect(data.occupations).toHaveLength(3007);
  });

  it('agrees with the official import: ids, codes, field paths, French titles, group parents and broader occupations', async () => {
    const esco = await officialImport();
    const officialOccupations = new Map(esco.occupations.map((o) => [o.id, o]));
    for (const occupation of data.occupations) {
      const twin = officialOccupations.get(occupation.id)!;
      expect([occupation.codes, occupation.title, occupation.fieldPath]).toEqual([twin.codes, twin.title, twin.fieldPath]);
    }
    const officialGroups = new Map(esco.competencyGroups.map((g) => [g.id, g]));
    for (const group of data.competencyGroups) expect([group.label, group.parent]).toEqual([officialGroups.get(group.id)!.label, officialGroups.get(group.id)!.parent]);
    expect(data.occupationLinks.map((l) => [l.from, l.to])).toEqual(esco.occupationLinks.map((l) => [l.from, l.to]));
  });

  it('finds occupations by French title', () => {
    const lookup = new OccupationLookup(data.occupations);
    expect(lookup.resolve('médecin généraliste').codes.isco).toBe('2211.1');
  });

  it('reads the version from model_info.csv', () => {
    expect(data.framework).toMatchObject({ id: 'esco-tabiya', version: '1.1.1', name: 'ESCO v1.1.1 (Tabiya CSV)', locales: ['en', 'fr'] });
  });
});
