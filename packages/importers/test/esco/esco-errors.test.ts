import { rm, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BridgeworkError } from '@bridgework/core';
import { importEsco } from '../../src/esco/index.ts';
import { fixtureCopy, FIXTURES, rejectionOf, removeCopies } from './fixture-folder.ts';

afterAll(removeCopies);

/** The error importing the tiny folder with one broken file (fixtures/esco/broken/<name>) in place. */
async function errorOf(broken: string): Promise<BridgeworkError> {
  return rejectionOf(importEsco(await fixtureCopy('esco', broken), { version: '1' }));
}

const OCC1 = 'http://data.europa.eu/esco/occupation/0cc00000-0000-4000-8000-000000000001';
const SKILL1 = 'http://data.europa.eu/esco/skill/5c110000-0000-4000-8000-000000000001';

describe('importEsco on broken files', () => {
  it.each([
    ['unterminated-quote', 'occupations_en.csv:2:113: quoted field is never closed (expected a closing ")'],
    ['wrong-field-count', 'skills_en.csv:3:164: expected 13 fields as in the header, found 12'],
    ['bad-relation-type', 'occupationSkillRelations.csv:5:76: relationType must be "essential" or "optional", found "sometimes"'],
    ['missing-column', 'occupationSkillRelations.csv:1: missing column "relationType"; found "occupationUri", "relation", "skillType", "skillUri"'],
    ['bad-uri', 'skills_en.csv:2:26: conceptUri must be an ESCO concept URI (http://data.europa.eu/esco/...), found "skill-1"'],
    ['bad-skill-type', 'skills_en.csv:2:96: skillType must be "skill/competence", "knowledge", "language", "attitude" or empty, found "competence"'],
    [
      'bad-reuse-level',
      'skills_en.csv:2:113: reuseLevel must be "transversal", "cross-sector", "sector-specific", "occupation-specific" or empty, found "sector specific"',
    ],
    ['duplicate-uri', `skills_en.csv:3:26: duplicate conceptUri ${SKILL1} (first at line 2)`],
    ['empty-label', 'occupations_en.csv:2:92: preferredLabel must not be empty'],
    ['ragged-too-long', 'skillsHierarchy_en.csv:3:91: expected at most 14 fields as in the header, found 15'],
    ['group-under-skill', 'broaderRelationsSkillPillar.csv:2:82: broaderType must be "SkillGroup" for a SkillGroup, found "KnowledgeSkillCompetence"'],
  ])('%s: %s', async (broken, message) => {
    const error = await errorOf(broken);
    expect(error.code).toBe('import.invalid_file');
    expect(error.message).toBe(message);
  });

  it('places a bad value after multi-line fields on its own line: the record starts on line 2, the code is on line 5', async () => {
    const error = await errorOf('bad-code-after-multiline');
    expect(error.message).toBe('occupations_en.csv:5:114: code must be an ESCO code extending the ISCO group 2211 (like 2211.1), found "2211.x"');
    const line5 = (await readFile(join(FIXTURES, 'esco/broken/bad-code-after-multiline/occupations_en.csv'), 'utf8')).split('\n')[4]!;
    expect(line5.slice(113)).toBe('2211.x');
    expect(error.details).toEqual([{ where: 'occupations_en.csv:5:114', message: 'code must be an ESCO code extending the ISCO group 2211 (like 2211.1), found "2211.x"' }]);
  });

  it('refuses a folder without occupations_en.csv, naming the file and the folder', async () => {
    const dir = await fixtureCopy('esco');
    await rm(join(dir, 'occupations_en.csv'));
    const error = await rejectionOf(importEsco(dir));
    expect(error.code).toBe('import.missing_file');
    expect(error.message).toBe(`${dir}: missing required file occupations_en.csv (the occupations of ESCO's CSV download)`);
  });

  it('refuses a folder that does not exist', async () => {
    const error = await rejectionOf(importEsco(join(FIXTURES, 'esco', 'no-such-release')));
    expect(error.code).toBe('import.missing_file');
  });

  it('imports optional files being absent with a warning for each', async () => {
    const dir = await fixtureCopy('esco');
    await rm(join(dir, 'skillSkillRelations.csv'));
    await rm(join(dir, 'ISCOGroups_en.csv'));
    const { data, warnings } = await importEsco(dir, { version: '1' });
    expect(warnings.slice(0, 2)).toEqual([
      `ISCOGroups_en.csv not found in ${dir}: occupations have no ISCO field path`,
      `skillSkillRelations.csv not found in ${dir}: no related-skill relations`,
    ]);
    expect(data.occupations.every((o) => o.fieldPath.length === 0)).toBe(true);
    expect(data.relations.filter((r) => r.type === 'related')).toEqual([]);
    expect(data.requirements).toHaveLength(8);
  });

  it('reads a file that starts with a byte-order mark like one without', async () => {
    const bom = await readFile(join(FIXTURES, 'esco/broken/bom/occupations_en.csv'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = await importEsco(await fixtureCopy('esco'), { version: '1' });
    const marked = await importEsco(await fixtureCopy('esco', 'bom'), { version: '1' });
    const { importedAt: _a, ...plainMeta } = plain.data.framework;
    const { importedAt: _b, ...markedMeta } = marked.data.framework;
    expect(markedMeta).toEqual(plainMeta);
    expect(marked.data.occupations).toEqual(plain.data.occupations);
    expect(marked.data.occupations[0]!.id).toBe(OCC1.slice(OCC1.lastIndexOf('/') + 1));
  });
});
