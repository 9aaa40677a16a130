import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OccupationLookup, type BridgeworkError, type FrameworkData } from '@bridgework/core';
import { importEsco } from '../../src/esco/index.ts';
import { importTabiya } from '../../src/tabiya/index.ts';
import type { ImportResult } from '../../src/import-result.ts';
import { FIXTURES, fixtureCopy, rejectionOf, removeCopies } from '../esco/fixture-folder.ts';

const TINY = join(FIXTURES, 'tabiya', 'tiny');
const occ = (n: number) => `0cc00000-0000-4000-8000-00000000000${n}`;
const skill = (n: number) => `5c110000-0000-4000-8000-00000000000${n}`;
const group = (n: number) => `9a000000-0000-4000-8000-00000000000${n}`;

let result: ImportResult;
let data: FrameworkData;
beforeAll(async () => {
  result = await importTabiya(TINY);
  data = result.data;
});
afterAll(removeCopies);

describe('importTabiya (Tabiya CSV export, tiny folder)', () => {
  it('names the framework from model_info.csv, version from the model name', () => {
    expect(data.framework).toMatchObject({
      id: 'esco-tabiya',
      name: 'ESCO v1.1.1 (Tabiya CSV)',
      version: '1.1.1',
      description: 'A tiny ESCO model for tests.',
      source: { kind: 'tabiya', publisher: 'European Commission', release: 'ESCO v1.1.1' },
      locales: ['en', 'fr'],
    });
  });

  it('gives ESCO occupations the UUID of ORIGINURI and local occupations their Tabiya ID', () => {
    expect(data.occupations.map((o) => [o.id, o.title.en, o.title.fr])).toEqual([
      [occ(2), 'advanced nurse practitioner', 'infirmier en pratique avancée/infirmière en pratique avancée'],
      [occ(3), 'specialist nurse', 'infirmier spécialisé/infirmière spécialisée'],
      ['key_12', 'community nurse practitioner', 'infirmier de proximité'],
      ['key_i1_1', 'family caregiver', 'aidant familial'],
    ]);
    // key_12 was copied from the advanced nurse practitioner: it carries no ESCO code of its own.
    expect(data.occupations.map((o) => o.codes)).toEqual([
      { isco: '2221.1', esco: `http://data.europa.eu/esco/occupation/${occ(2)}` },
      { isco: '2221.1.1', esco: `http://data.europa.eu/esco/occupation/${occ(3)}` },
      {},
      {},
    ]);
  });

  it('builds field paths from group codes, ISCO and local groups alike', () => {
    expect(data.occupations[0]!.fieldPath.map((g) => [g.code, g.title.en, g.title.fr])).toEqual([
      ['22', 'Health professionals', 'Spécialistes de la santé'],
      ['222', 'Nursing and midwifery professionals', 'Cadres infirmiers et sages-femmes'],
      ['2221', 'Nursing professionals', 'Cadres infirmiers'],
    ]);
    expect(data.occupations[3]!.fieldPath).toEqual([{ code: 'I1', title: { en: 'Care work', fr: 'Travail de soin' } }]);
  });

  it('splits multi-line ALTLABELS without the preferred label', () => {
    expect(data.occupations[0]!.alternateTitles).toEqual({ en: ['ANP', 'nurse practitioner'], fr: ['IPA'] });
    expect(data.occupations[3]!.alternateTitles).toEqual({ en: ['carer'] });
    expect(new OccupationLookup(data.occupations).resolve('IPA').id).toBe(occ(2));
  });

  it('maps skills as the official import does, attitude to attribute, ids from ORIGINURI else the Tabiya ID', () => {
    expect(data.competencies.map((c) => [c.id, c.kind, c.group, c.reuse])).toEqual([
      [skill(2), 'knowledge', 'isced-f-09', 'sector-specific'],
      [skill(3), 'language', group(2), 'transversal'],
      [skill(4), 'language', undefined, 'transversal'],
      [skill(5), 'skill', group(6), 'transversal'],
      [skill(7), 'skill', undefined, 'occupation-specific'],
      ['key_25', 'attribute', group(6), undefined],
    ]);
    expect(data.competencies[1]).toMatchObject({
      label: { en: 'French', fr: 'français' },
      altLabels: { fr: ['langue française'] },
      description: { en: 'The French language.', fr: 'La langue française.' },
    });
    expect(data.competencyGroups.map((g) => [g.id, g.label.fr, g.parent])).toEqual([
      ['isced-f-09', 'santé et protection sociale', undefined],
      [group(1), 'compétences et connaissances linguistiques', undefined],
      [group(2), 'langues', group(1)],
      [group(6), 'compétences transversales', undefined],
    ]);
  });

  it('rates essential 1.0 and optional 0.5 at level 1; a signalling value becomes the importance', () => {
    expect(data.requirements.map((r) => [r.occupation, r.competency, r.importance, r.level, r.essential, r.source])).toEqual([
      [occ(2), skill(5), 1, 1, true, { scale: 'esco', relation: 'essential' }],
      [occ(2), skill(2), 0.5, 1, false, { scale: 'esco', relation: 'optional' }],
      [occ(2), skill(7), 1, 1, true, { scale: 'esco', relation: 'essential' }],
      [occ(3), skill(5), 1, 1, true, { scale: 'esco', relation: 'essential' }],
      ['key_12', skill(5), 1, 1, true, { scale: 'esco', relation: 'essential' }],
      ['key_i1_1', skill(5), 1, 1, false, { scale: 'esco', importance: 1 }],
      ['key_i1_1', 'key_25', 0.5, 1, false, { scale: 'esco', importance: 0.5 }],
      ['key_i1_1', skill(3), 0, 1, false, { scale: 'esco', importance: 0 }],
    ]);
  });

  it('turns hierarchies and skill relations into relations and broader-occupation links', () => {
    expect(data.relations).toEqual([
      { from: skill(4), to: skill(3), type: 'broader', weight: 0.7 },
      { from: skill(7), to: skill(2), type: 'related', weight: 0.4, sourceType: 'optional' },
    ]);
    expect(data.occupationLinks).toEqual([
      { from: occ(3), to: occ(2), type: 'broader', source: 'Tabiya occupation_hierarchy' },
      { from: 'key_12', to: occ(2), type: 'broader', source: 'Tabiya occupation_hierarchy' },
    ]);
  });

  it('warns about the skill the hierarchy leaves out', () => {
    expect(result.warnings).toEqual([
      'skill_hierarchy.csv: 1 skill has neither a group nor a broader skill: no group, and a language skill among them is not recognised as one',
    ]);
  });

  it('agrees with the official ESCO import on the ids, codes, groups and ratings of the same concepts', async () => {
    const official = (await importEsco(join(FIXTURES, 'esco', 'tiny'), { version: '1.1.1' })).data;
    const officialOccupations = new Map(official.occupations.map((o) => [o.id, o]));
    for (const occupation of data.occupations.filter((o) => o.codes.esco !== undefined)) {
      const twin = officialOccupations.get(occupation.id)!;
      expect([occupation.codes, occupation.fieldPath]).toEqual([twin.codes, twin.fieldPath]);
    }
    const officialSkills = new Map(official.competencies.map((c) => [c.id, c]));
    for (const competency of data.competencies.filter((c) => c.externalId!.startsWith('http'))) {
      const twin = officialSkills.get(competency.id)!;
      expect([competency.kind, competency.reuse, competency.externalId]).toEqual([twin.kind, twin.reuse, twin.externalId]);
    }
    const officialRequirements = new Map(official.requirements.map((r) => [`${r.occupation} ${r.competency}`, r]));
    for (const requirement of data.requirements.filter((r) => officialOccupations.has(r.occupation))) {
      expect(requirement).toEqual(officialRequirements.get(`${requirement.occupation} ${requirement.competency}`));
    }
  });

  it('imports occupations and groups alone, with one warning, when skills.csv and the relations are missing', async () => {
    const dir = await fixtureCopy('tabiya', undefined, 'esco-1.1.2-tabiya');
    await rm(join(dir, 'skills.csv'));
    await rm(join(dir, 'occupation_to_skill_relations.csv'));
    await rm(join(dir, 'model_info.csv'));
    const { data: partial, warnings } = await importTabiya(dir);
    expect(warnings).toEqual([
      `skills.csv and occupation_to_skill_relations.csv not found in ${dir}: occupations, groups and hierarchies imported without skills or requirements`,
    ]);
    expect([partial.occupations.length, partial.competencyGroups.length, partial.competencies.length, partial.requirements.length]).toEqual([4, 4, 0, 0]);
    expect(partial.competencyGroups[2]!.parent).toBe(group(1));
    expect(partial.framework.version).toBe('1.1.2');
  });
});

describe('importTabiya on broken files', () => {
  async function errorOf(broken: string): Promise<BridgeworkError> {
    return rejectionOf(importTabiya(await fixtureCopy('tabiya', broken)));
  }

  it.each([
    ['unterminated-quote', 'occupations.csv:3:130: quoted field is never closed (expected a closing ")'],
    ['text-after-quote', 'occupations.csv:3:21: expected a delimiter or the end of the line after a closing quote, found "A"'],
    ['wrong-field-count', 'skills.csv:4:161: expected 11 fields as in the header, found 12'],
    [
      'missing-column',
      'occupations.csv:1: missing column "OCCUPATIONTYPE"; found "ORIGINURI", "ID", "UUIDHISTORY", "OCCUPATIONGROUPCODE", "CODE", "PREFERREDLABEL", "ALTLABELS", "DESCRIPTION", "DEFINITION", "SCOPENOTE", "REGULATEDPROFESSIONNOTE", "ISLOCALIZED"',
    ],
    ['bad-occupation-type', 'occupations.csv:3:152: OCCUPATIONTYPE must be "escooccupation" or "localoccupation", found "occupation"'],
    ['bad-relation-type', 'occupation_to_skill_relations.csv:3:27: RELATIONTYPE must be "essential" or "optional", found "sometimes"'],
    ['esco-occupation-without-relation-type', 'occupation_to_skill_relations.csv:2:27: RELATIONTYPE must be "essential" or "optional", found ""'],
    ['bad-signalling-value', 'occupation_to_skill_relations.csv:2:49: SIGNALLINGVALUE must be a number between 0 and 1 when RELATIONTYPE is empty, found "1.5"'],
    ['skill-holds-group', 'skill_hierarchy.csv:3:27: CHILDOBJECTTYPE must be "skill" when the parent is a skill (a skill cannot hold a skill group), found "skillgroup"'],
    ['duplicate-id', 'skills.csv:3:73: duplicate ID key_20'],
  ])('%s: %s', async (broken, message) => {
    const error = await errorOf(broken);
    expect(error.code).toBe('import.invalid_file');
    expect(error.message).toBe(message);
  });

  it('refuses an export without occupations.csv, naming the file and the folder', async () => {
    const dir = await fixtureCopy('tabiya');
    await rm(join(dir, 'occupations.csv'));
    const error = await rejectionOf(importTabiya(dir));
    expect(error.code).toBe('import.missing_file');
    expect(error.message).toBe(`${dir}: missing required file occupations.csv (the occupations of a Tabiya CSV export)`);
  });

  it('reads occupations.csv starting with a byte-order mark like one without', async () => {
    const marked = await importTabiya(await fixtureCopy('tabiya', 'bom'));
    expect(marked.data.occupations).toEqual(data.occupations);
  });
});
