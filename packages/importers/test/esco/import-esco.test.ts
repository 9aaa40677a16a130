import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OccupationLookup, parseFramework, type FrameworkData } from '@bridgework/core';
import { importEsco } from '../../src/esco/index.ts';
import { REGULATED_NOTE } from '../../src/esco/labels.ts';
import { ESCO_LICENCE } from '../../src/esco/framework-meta.ts';
import type { ImportProgress, ImportResult } from '../../src/import-result.ts';
import { FIXTURES, fixtureCopy, removeCopies } from './fixture-folder.ts';

const TINY = join(FIXTURES, 'esco', 'tiny');
const occ = (n: number) => `0cc00000-0000-4000-8000-00000000000${n}`;
const skill = (n: number) => `5c110000-0000-4000-8000-00000000000${n}`;
const group = (n: number) => `9a000000-0000-4000-8000-00000000000${n}`;
const GP = occ(1);
const ANP = occ(2);
const SPECIALIST = occ(3);

let result: ImportResult;
let data: FrameworkData;
const progress: ImportProgress[] = [];

beforeAll(async () => {
  result = await importEsco(TINY, { version: '1.1.1', onProgress: (p) => progress.push(p) });
  data = result.data;
});
afterAll(removeCopies);

describe('importEsco (official CSV layout, tiny folder)', () => {
  it('names the framework after ESCO with its publisher, licence and both locales', () => {
    expect(data.framework).toMatchObject({
      id: 'esco',
      version: '1.1.1',
      source: { kind: 'esco', publisher: 'European Commission', url: 'https://esco.ec.europa.eu' },
      licence: ESCO_LICENCE,
      locales: ['en', 'fr'],
    });
  });

  it('gives occupations the UUID of their concept URI, the URI and ESCO code as codes, and ISCO groups as field path', () => {
    expect(data.occupations.map((o) => o.id)).toEqual([GP, ANP, SPECIALIST]);
    const gp = data.occupations[0]!;
    expect(gp.codes).toEqual({ isco: '2211.1', esco: `http://data.europa.eu/esco/occupation/${GP}` });
    expect(gp.fieldPath).toEqual([
      { code: '22', title: { en: 'Health professionals', fr: 'Spécialistes de la santé' } },
      { code: '221', title: { en: 'Medical doctors', fr: 'Médecins' } },
      { code: '2211', title: { en: 'Generalist medical practitioners', fr: 'Médecins généralistes' } },
    ]);
    expect(data.occupations[2]!.fieldPath.map((f) => f.code)).toEqual(['22', '222', '2221']);
  });

  it('merges French titles, alternatives and descriptions by concept URI', () => {
    const gp = data.occupations[0]!;
    expect(gp.title).toEqual({ en: 'general practitioner', fr: 'médecin généraliste' });
    expect(gp.alternateTitles!.fr).toEqual(['médecin de famille', 'docteur en médecine générale']);
    expect(gp.description).toEqual({
      en: 'General practitioners diagnose and treat diseases.',
      fr: 'Les médecins généralistes diagnostiquent et traitent les maladies.',
    });
    // An empty French description leaves the English one alone.
    expect(data.occupations[1]!.description).toEqual({ en: 'Advanced nurse practitioners provide advanced nursing care.' });
  });

  it('splits multi-line alternative labels: trimmed, without blank lines, repeats or the preferred label', () => {
    expect(data.occupations[0]!.alternateTitles!.en).toEqual(['GP', 'family doctor']);
    expect(data.occupations[1]!.title.en).toBe('advanced nurse practitioner');
    expect(data.occupations[1]!.alternateTitles!.en).toEqual(['ANP', 'nurse practitioner']);
    expect(data.occupations[2]!.alternateTitles).toEqual({ fr: ['infirmière spécialisée', 'infirmier spécialisé'] });
  });

  it('keeps the regulated-profession note and the scope note without its markup', () => {
    expect(data.occupations.map((o) => o.notes)).toEqual([REGULATED_NOTE, 'Scope: Includes specialist nurse.', undefined]);
  });

  it('finds occupations by French and alternate titles', () => {
    const lookup = new OccupationLookup(data.occupations);
    expect(lookup.resolve('médecin de famille').id).toBe(GP);
    expect(lookup.resolve('Medecin generaliste').id).toBe(GP);
    expect(lookup.resolve('nurse practitioner').id).toBe(ANP);
    expect(lookup.resolve('2221.1.1').id).toBe(SPECIALIST);
  });

  it('maps skillType to kind and reuseLevel to reuse, and recognises languages by their place in the hierarchy', () => {
    const byId = new Map(data.competencies.map((c) => [c.id, c]));
    expect(data.competencies.map((c) => [c.label.en, c.kind, c.reuse])).toEqual([
      ['diagnose diseases', 'skill', 'sector-specific'],
      ['anatomy', 'knowledge', 'sector-specific'],
      ['French', 'language', 'transversal'],
      ['write French', 'language', 'transversal'],
      ['show empathy', 'skill', 'transversal'],
      ['ICT safety', 'skill', undefined],
      ['prescribe medication', 'skill', 'occupation-specific'],
    ]);
    // French skill labels, where a release has skills_fr.csv (ESCO 1.1.1 has none), merge by URI.
    expect(byId.get(skill(3))!.label).toEqual({ en: 'French', fr: 'français' });
    expect(byId.get(skill(1))).toEqual({
      id: skill(1),
      label: { en: 'diagnose diseases', fr: 'diagnostiquer des maladies' },
      altLabels: { en: ['identify illnesses', 'make diagnoses'], fr: ['identifier des maladies'] },
      description: { en: 'Identify diseases from symptoms and tests.', fr: 'Identifier les maladies à partir des symptômes.' },
      kind: 'skill',
      group: group(5),
      reuse: 'sector-specific',
      externalId: `http://data.europa.eu/esco/skill/${skill(1)}`,
    });
  });

  it("puts each skill in the first group listed for it; a skill under another skill keeps no group", () => {
    expect(data.competencies.map((c) => c.group)).toEqual([group(5), 'isced-f-09', group(2), undefined, group(6), group(6), group(5)]);
  });

  it('builds competency groups from skillGroups, adding those only skillsHierarchy knows', () => {
    expect(data.competencyGroups.map((g) => [g.id, g.label.en, g.label.fr, g.parent])).toEqual([
      ['isced-f-09', 'health and welfare', 'santé et protection sociale', undefined],
      [group(1), 'language skills and knowledge', 'compétences et connaissances linguistiques', undefined],
      [group(2), 'languages', 'langues', group(1)],
      [group(3), 'skills', 'aptitudes', undefined],
      [group(4), 'information skills', 'compétences en information', group(3)],
      [group(6), 'transversal skills and competences', 'compétences transversales', undefined],
      [group(5), 'diagnosing', 'diagnostic', group(4)],
    ]);
    expect(data.competencyGroups[6]!.description).toEqual({ en: 'Finding out\nwhat is wrong.' });
  });

  it('rates essential skills 1.0 and optional 0.5, all at level 1, keeping the ESCO relation', () => {
    const of = (o: string) => data.requirements.filter((r) => r.occupation === o).map((r) => [r.competency, r.importance, r.level, r.essential, r.source]);
    const essential = { scale: 'esco', relation: 'essential' };
    const optional = { scale: 'esco', relation: 'optional' };
    expect(of(GP)).toEqual([
      [skill(1), 1, 1, true, essential],
      [skill(2), 1, 1, true, essential],
      [skill(3), 0.5, 1, false, optional],
      [skill(5), 0.5, 1, false, optional],
    ]);
    // Listed as essential, then again as optional: the essential one stays.
    expect(of(ANP)).toEqual([
      [skill(5), 1, 1, true, essential],
      [skill(2), 0.5, 1, false, optional],
      [skill(7), 1, 1, true, essential],
    ]);
    expect(data.requirements).toHaveLength(8);
  });

  it('turns skill -> skill broader links and skill-skill relations into weighted relations', () => {
    expect(data.relations).toEqual([
      { from: skill(4), to: skill(3), type: 'broader', weight: 0.7 },
      { from: skill(7), to: skill(1), type: 'broader', weight: 0.7 },
      { from: skill(1), to: skill(2), type: 'related', weight: 0.6, sourceType: 'essential' },
      { from: skill(7), to: skill(2), type: 'related', weight: 0.4, sourceType: 'optional' },
    ]);
  });

  it('links an occupation to its broader occupation', () => {
    expect(data.occupationLinks).toEqual([{ from: SPECIALIST, to: ANP, type: 'broader', source: 'ESCO broaderRelationsOccPillar' }]);
  });

  it('skips rows naming concepts the release does not hold, and says how many and where', () => {
    const dropped = 'http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e';
    expect(result.warnings).toEqual([
      'skills_en.csv: 1 skill has an empty skillType; imported as kind "skill"',
      "broaderRelationsSkillPillar.csv: 1 skill-to-group link beyond a skill's first group not kept (a competency has one group)",
      `broaderRelationsSkillPillar.csv: skipped 1 row: skill not in skills_en.csv (first at line 14: http://data.europa.eu/esco/skill/${skill(8)})`,
      `broaderRelationsOccPillar.csv: skipped 1 row: occupation not in occupations_en.csv (first at line 10: ${dropped})`,
      `occupationSkillRelations.csv: skipped 1 row: occupation not in occupations_en.csv (first at line 10: ${dropped})`,
      `occupationSkillRelations.csv: skipped 1 row: skill not in skills_en.csv (first at line 11: http://data.europa.eu/esco/skill/${skill(9)})`,
      `occupationSkillRelations.csv: skipped 1 row: occupation-skill pair listed twice; kept the essential one, else the first (first at line 12: ${ANP} ${skill(7)})`,
      `skillSkillRelations.csv: skipped 1 row: a skill related to itself (first at line 4: http://data.europa.eu/esco/skill/${skill(5)})`,
    ]);
  });

  it('counts the rows read from each file', () => {
    expect(result.rowsRead).toEqual({
      'ISCOGroups_en.csv': 6,
      'fr/ISCOGroups_fr.csv': 6,
      'occupations_en.csv': 3,
      'fr/occupations_fr.csv': 3,
      'skillGroups_en.csv': 6,
      'fr/skillGroups_fr.csv': 6,
      'skillsHierarchy_en.csv': 6,
      'fr/skillsHierarchy_fr.csv': 6,
      'skills_en.csv': 7,
      'fr/skills_fr.csv': 2,
      'broaderRelationsSkillPillar.csv': 13,
      'broaderRelationsOccPillar.csv': 9,
      'occupationSkillRelations.csv': 11,
      'skillSkillRelations.csv': 3,
    });
  });

  it('reports progress per file, ending at the file size', () => {
    const last = new Map(progress.map((p) => [p.phase, p]));
    expect([...last.keys()]).toEqual(Object.keys(result.rowsRead));
    for (const p of last.values()) expect(p.done).toBe(p.total);
  });

  it('produces data that parseFramework accepts as is', () => {
    expect(parseFramework(data, { requireRequirements: false })).toEqual(data);
  });

  it('takes the version from the folder name when none is given', async () => {
    const dir = await fixtureCopy('esco', undefined, 'ESCO dataset - v1.2.0 - classification - en - csv');
    const { data: named, warnings } = await importEsco(dir, { id: 'esco-test' });
    expect(named.framework).toMatchObject({ id: 'esco-test', version: '1.2.0', source: { release: 'ESCO v1.2.0, CSV download' } });
    expect(warnings.some((w) => w.includes('version'))).toBe(false);
  });
});
