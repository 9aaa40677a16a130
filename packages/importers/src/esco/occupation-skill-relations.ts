// occupationSkillRelations.csv -> requirements (essential 1.0, optional 0.5, level 1: see
// ratings.ts). A relation to a concept the release does not hold is skipped and counted:
// ESCO 1.1.1 keeps 67 relations of "therapeutic radiographer", an occupation it dropped, and
// refusing the official file for that would leave users without ESCO at all.
import type { Competency, Occupation, Requirement } from '@bridgework/core';
import type { Catalogue } from './catalogue.ts';
import { escoRequirement } from './ratings.ts';
import type { ReadContext } from './read-context.ts';
import { conceptIdAt, unexpectedValue } from './row-values.ts';
import { openCsv, type SourceFile } from './source-files.ts';
import { RequirementList } from './unique-pairs.ts';
import { listOf, RELATION_TYPES, relationType } from './vocabulary.ts';

export interface RelationNames {
  occupations: string;
  skills: string;
}

export async function readOccupationSkillRelations(
  file: SourceFile,
  occupations: Catalogue<Occupation>,
  skills: Catalogue<Competency>,
  names: RelationNames,
  ctx: ReadContext,
): Promise<Requirement[]> {
  const table = await openCsv(file, ctx.onProgress);
  const occupationUri = table.column('occupationUri');
  const relation = table.column('relationType');
  const skillUri = table.column('skillUri');
  const requirements = new RequirementList(skills.size);
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const type = relationType(row.get(relation).trim());
    if (type === undefined) throw unexpectedValue(table, row, relation, listOf(RELATION_TYPES));
    const occupationId = conceptIdAt(table, row, occupationUri);
    const skillId = conceptIdAt(table, row, skillUri);
    const occupation = occupations.position(occupationId);
    const skill = skills.position(skillId);
    if (occupation === undefined) {
      ctx.skipped.add(file.name, `occupation not in ${names.occupations}`, row.line, row.get(occupationUri).trim());
    } else if (skill === undefined) {
      ctx.skipped.add(file.name, `skill not in ${names.skills}`, row.line, row.get(skillUri).trim());
    } else if (!requirements.add(occupation, skill, escoRequirement(occupations.items[occupation]!.id, skills.items[skill]!.id, type))) {
      ctx.skipped.add(file.name, 'occupation-skill pair listed twice; kept the essential one, else the first', row.line, `${occupationId} ${skillId}`);
    }
  }
  ctx.rowsRead[file.name] = rows;
  return requirements.items;
}

