// skillSkillRelations.csv -> `related` relations between skills, weighted by ESCO's relation
// type (ratings.ts). Only the two URIs and the relation type are read: the official English
// file's originalSkillType is wrong on most rows (a copy of relatedSkillType), and the skills
// file has the types anyway.
import type { Competency, Relation } from '@bridgework/core';
import type { Catalogue } from './catalogue.ts';
import { relatedSkills } from './ratings.ts';
import type { ReadContext } from './read-context.ts';
import { conceptIdAt, unexpectedValue } from './row-values.ts';
import { openCsv, type SourceFile } from './source-files.ts';
import { RelationList, SKIP_REASONS } from './unique-pairs.ts';
import { listOf, RELATION_TYPES, relationType } from './vocabulary.ts';

export async function readSkillSkillRelations(
  file: SourceFile,
  skills: Catalogue<Competency>,
  skillsFile: string,
  ctx: ReadContext,
): Promise<Relation[]> {
  const table = await openCsv(file, ctx.onProgress);
  const original = table.column('originalSkillUri');
  const relation = table.column('relationType');
  const related = table.column('relatedSkillUri');
  const relations = new RelationList(skills.size);
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const type = relationType(row.get(relation).trim());
    if (type === undefined) throw unexpectedValue(table, row, relation, listOf(RELATION_TYPES));
    const from = skills.position(conceptIdAt(table, row, original));
    const to = skills.position(conceptIdAt(table, row, related));
    if (from === undefined || to === undefined) {
      ctx.skipped.add(file.name, `skill not in ${skillsFile}`, row.line, row.get(from === undefined ? original : related).trim());
      continue;
    }
    const outcome = relations.add(from, to, relatedSkills(skills.items[from]!.id, skills.items[to]!.id, type));
    if (outcome !== 'added') ctx.skipped.add(file.name, SKIP_REASONS[outcome], row.line, row.get(original).trim());
  }
  ctx.rowsRead[file.name] = rows;
  return relations.items;
}
