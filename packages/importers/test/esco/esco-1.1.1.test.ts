// The official ESCO v1.1.1 CSV download, imported whole and checked against its own files.
// Expected numbers are counted here from the files, line by line (relation files have one
// record per line; in the concept files every record's first line starts with its concept
// type), not taken from the importer; SOURCE.md documents the same figures.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OccupationLookup, parseFramework, type FrameworkData } from '@bridgework/core';
import { importEsco } from '../../src/esco/index.ts';
import { REGULATED_NOTE } from '../../src/esco/labels.ts';
import type { ImportResult } from '../../src/import-result.ts';
import { countLinesStartingWith, lines, realFolder, simpleRows, uuidOf } from './real-data.ts';

const DIR = realFolder('esco-1.1.1');
const file = (name: string) => join(DIR!, name);
const GP_URI = 'http://data.europa.eu/esco/occupation/71f09c8b-a172-408c-b9e7-32e580e39ff6';
const TECHNICAL_DIRECTOR_URI = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';

/** Concept URI -> the fields before the first quoted field, from each record's first line. */
async function recordHeads(name: string, type: string): Promise<Map<string, string[]>> {
  const heads = new Map<string, string[]>();
  for await (const line of lines(file(name))) {
    if (!line.startsWith(`${type},http`)) continue;
    const head = line.split('"')[0]!.split(',');
    heads.set(head[1]!, head);
  }
  return heads;
}

describe.skipIf(DIR === undefined)('importEsco on ESCO v1.1.1 (official CSV download)', () => {
  let result: ImportResult;
  let data: FrameworkData;
  let seconds: number;
  let occupationUris: Set<string>;
  let skillUris: Set<string>;
  let relations: { line: number; fields: string[] }[];

  beforeAll(async () => {
    const start = performance.now();
    result = await importEsco(DIR!);
    seconds = (performance.now() - start) / 1000;
    data = result.data;
    console.info(`ESCO 1.1.1 import: ${seconds.toFixed(1)} s, max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    occupationUris = new Set((await recordHeads('occupations_en.csv', 'Occupation')).keys());
    skillUris = new Set((await recordHeads('skills_en.csv', 'KnowledgeSkillCompetence')).keys());
    relations = await simpleRows(file('occupationSkillRelations.csv'));
  });

  it('imports every occupation and every skill of the English files', async () => {
    expect(occupationUris.size).toBe(await countLinesStartingWith(file('occupations_en.csv'), 'Occupation,'));
    expect(data.occupations.map((o) => o.codes.esco)).toEqual([...occupationUris]);
    expect(data.occupations.map((o) => o.id)).toEqual([...occupationUris].map(uuidOf));
    expect(data.competencies.map((c) => c.externalId)).toEqual([...skillUris]);
    expect(data.occupations).toHaveLength(3007);
    expect(data.competencies).toHaveLength(13896);
  });

  it('counts the rows of every file it read', async () => {
    expect(result.rowsRead['occupations_en.csv']).toBe(occupationUris.size);
    expect(result.rowsRead['skills_en.csv']).toBe(skillUris.size);
    expect(result.rowsRead['occupationSkillRelations.csv']).toBe(relations.length);
    for (const name of ['skillSkillRelations.csv', 'broaderRelationsOccPillar.csv', 'broaderRelationsSkillPillar.csv']) {
      expect(result.rowsRead[name]).toBe((await simpleRows(file(name))).length);
    }
    expect(result.rowsRead['fr/occupations_fr.csv']).toBe(await countLinesStartingWith(file('fr/occupations_fr.csv'), 'Occupation,'));
  });

  it('keeps every occupation-skill relation whose occupation exists, and counts the others in one warning', () => {
    const kept = relations.filter((r) => occupationUris.has(r.fields[0]!));
    const dropped = relations.filter((r) => !occupationUris.has(r.fields[0]!));
    expect(relations.every((r) => skillUris.has(r.fields[3]!))).toBe(true);
    expect(data.requirements).toHaveLength(kept.length);
    expect(data.requirements.filter((r) => r.essential)).toHaveLength(kept.filter((r) => r.fields[1] === 'essential').length);
    expect(data.requirements.filter((r) => !r.essential)).toHaveLength(kept.filter((r) => r.fields[1] === 'optional').length);
    expect(dropped).toHaveLength(67); // "therapeutic radiographer", dropped from v1.1.1 but still related (SOURCE.md)
    expect(result.warnings).toContain(
      `occupationSkillRelations.csv: skipped ${dropped.length} rows: occupation not in occupations_en.csv (first at line ${dropped[0]!.line}: ${dropped[0]!.fields[0]})`,
    );
    expect(data.requirements).toHaveLength(123855 - 67);
  });

  it("gives an occupation exactly the essential and optional skills the relations file lists for it", () => {
    const gp = data.occupations.find((o) => o.codes.esco === GP_URI)!;
    const listed = relations.filter((r) => r.fields[0] === GP_URI);
    const expected = listed.map((r) => ({
      occupation: uuidOf(GP_URI),
      competency: uuidOf(r.fields[3]!),
      importance: r.fields[1] === 'essential' ? 1 : 0.5,
      level: 1,
      essential: r.fields[1] === 'essential',
      source: { scale: 'esco', relation: r.fields[1] },
    }));
    expect(data.requirements.filter((r) => r.occupation === gp.id)).toEqual(expected);
    expect(expected.some((r) => r.essential) && expected.some((r) => !r.essential)).toBe(true);
  });

  it('puts each occupation under the ISCO groups that broaderRelationsOccPillar places it in, broadest first', async () => {
    const broader = new Map<string, string>();
    const iscoCodes = new Map<string, string>();
    for (const { fields } of await simpleRows(file('broaderRelationsOccPillar.csv'))) {
      if (!broader.has(fields[1]!)) broader.set(fields[1]!, fields[3]!);
    }
    for await (const line of lines(file('ISCOGroups_en.csv'))) {
      const head = line.split(',');
      if (head[0] === 'ISCOGroup') iscoCodes.set(head[1]!, head[2]!);
    }
    for (const occupation of data.occupations) {
      const chain: string[] = [];
      for (let uri = broader.get(occupation.codes.esco!); uri !== undefined; uri = broader.get(uri)) {
        const code = iscoCodes.get(uri);
        if (code !== undefined && code.length > 1) chain.unshift(code);
      }
      expect(occupation.fieldPath.map((g) => g.code)).toEqual(chain);
    }
    const gp = data.occupations.find((o) => o.codes.esco === GP_URI)!;
    expect(gp.codes.isco).toBe('2211.1');
    expect(gp.fieldPath.map((g) => g.title.en)).toEqual(['Health professionals', 'Medical doctors', 'Generalist medical practitioners']);
    expect(gp.fieldPath[0]!.title.fr).toBe('Spécialistes de la santé');
  });

  it('finds occupations by their French titles, accents or not', () => {
    const lookup = new OccupationLookup(data.occupations);
    const gp = uuidOf(GP_URI);
    expect(lookup.resolve('médecin généraliste').id).toBe(gp);
    expect(lookup.resolve('MEDECIN GENERALISTE').id).toBe(gp);
    expect(data.occupations.filter((o) => o.title.fr !== undefined)).toHaveLength(3007);
    const director = lookup.searchTitles('régisseuse', 50).find((m) => m.occupation.id === uuidOf(TECHNICAL_DIRECTOR_URI));
    expect(director).toMatchObject({ matchedTitle: 'régisseuse', locale: 'fr', preferred: false });
  });

  it('splits multi-line alternative labels into titles that title search finds', () => {
    const director = data.occupations.find((o) => o.codes.esco === TECHNICAL_DIRECTOR_URI)!;
    expect(director.title.en).toBe('technical director');
    // The file lists seven lines, the preferred label among them.
    expect(director.alternateTitles!.en).toEqual([
      'technical and operations director',
      'head of technical',
      'director of technical arts',
      'head of technical department',
      'technical supervisor',
      'technical manager',
    ]);
    const titles = data.occupations.flatMap((o) => [...(o.alternateTitles?.en ?? []), ...(o.alternateTitles?.fr ?? [])]);
    expect(titles.filter((t) => t.includes('\n') || t !== t.trim() || t === '')).toEqual([]);
    const lookup = new OccupationLookup(data.occupations);
    expect(lookup.resolve('head of technical department').id).toBe(director.id);
  });

  it('keeps the note of every regulated profession', async () => {
    const regulated = await countLinesStartingWith(file('occupations_en.csv'), /,http:\/\/data\.europa\.eu\/esco\/regulated-professions\/regulated,/);
    expect(data.occupations.filter((o) => o.notes?.startsWith(REGULATED_NOTE))).toHaveLength(regulated);
    expect(regulated).toBe(15);
    expect(data.occupations.find((o) => o.codes.esco === GP_URI)!.notes).toBe(REGULATED_NOTE);
  });

  it('types skills as in skills_en.csv, and every skill of the language collection as a language', async () => {
    const heads = await recordHeads('skills_en.csv', 'KnowledgeSkillCompetence');
    const languageCollection = await recordHeads('languageSkillsCollection_en.csv', 'KnowledgeSkillCompetence');
    const byUri = new Map(data.competencies.map((c) => [c.externalId!, c]));
    for (const uri of languageCollection.keys()) expect(byUri.get(uri)!.kind).toBe('language');
    for (const competency of data.competencies) {
      if (competency.kind === 'language') continue;
      const [, , skillType, reuse] = heads.get(competency.externalId!)!;
      expect(competency.kind).toBe(skillType === 'knowledge' ? 'knowledge' : 'skill');
      expect(competency.reuse).toBe(reuse === '' ? undefined : reuse);
    }
    const languages = data.competencies.filter((c) => c.kind === 'language');
    expect(languages.length).toBeGreaterThanOrEqual(languageCollection.size);
    // Beyond the collection: classical languages (Latin, Sanskrit...) and their skills.
    expect(languages.filter((c) => !languageCollection.has(c.externalId!)).map((c) => c.label.en)).toContain('Latin');
  });

  it('builds the skill groups of skillGroups_en.csv plus those only the hierarchy names', async () => {
    const groups = await recordHeads('skillGroups_en.csv', 'SkillGroup');
    const inPillar = new Set<string>();
    for (const { fields } of await simpleRows(file('broaderRelationsSkillPillar.csv'))) {
      if (fields[0] === 'SkillGroup') inPillar.add(fields[1]!);
      if (fields[2] === 'SkillGroup') inPillar.add(fields[3]!);
    }
    const onlyInHierarchy = [...inPillar].filter((uri) => !groups.has(uri));
    expect(onlyInHierarchy).toHaveLength(7);
    expect(data.competencyGroups).toHaveLength(groups.size + onlyInHierarchy.length);
    expect(data.competencyGroups.filter((g) => g.label.fr !== undefined)).toHaveLength(data.competencyGroups.length);
  });

  it('relates skills: one broader relation per skill -> skill row, one related per skill-skill row but the self-relation', async () => {
    const pillar = await simpleRows(file('broaderRelationsSkillPillar.csv'));
    const skillToSkill = pillar.filter((r) => r.fields[0] === 'KnowledgeSkillCompetence' && r.fields[2] === 'KnowledgeSkillCompetence');
    const related = await simpleRows(file('skillSkillRelations.csv'));
    const selfRelated = related.filter((r) => r.fields[0] === r.fields[4]);
    expect(data.relations.filter((r) => r.type === 'broader')).toHaveLength(skillToSkill.length);
    const imported = data.relations.filter((r) => r.type === 'related');
    expect(imported).toHaveLength(related.length - selfRelated.length);
    expect(imported.filter((r) => r.weight === 0.6)).toHaveLength(related.filter((r) => r.fields[2] === 'essential').length);
    expect(result.warnings).toContain(
      `skillSkillRelations.csv: skipped 1 row: a skill related to itself (first at line ${selfRelated[0]!.line}: ${selfRelated[0]!.fields[0]})`,
    );
  });

  it('links occupations to their broader occupations', async () => {
    const rows = (await simpleRows(file('broaderRelationsOccPillar.csv'))).filter((r) => r.fields[0] === 'Occupation' && r.fields[2] === 'Occupation');
    const known = rows.filter((r) => occupationUris.has(r.fields[1]!) && occupationUris.has(r.fields[3]!));
    expect(data.occupationLinks.map((l) => [l.from, l.to])).toEqual(known.map((r) => [uuidOf(r.fields[1]!), uuidOf(r.fields[3]!)]));
  });

  it('names the release: version 1.1.1 from the folder, English and French', () => {
    expect(data.framework).toMatchObject({ id: 'esco', version: '1.1.1', locales: ['en', 'fr'], source: { kind: 'esco', release: 'ESCO v1.1.1, CSV download' } });
    expect(data.framework.licence.attribution).toContain('ESCO, European Commission');
  });

  it('passes parseFramework, and takes well under 15 seconds', () => {
    expect(() => parseFramework(data, { requireRequirements: false })).not.toThrow();
    expect(seconds).toBeLessThan(15);
  });
});
