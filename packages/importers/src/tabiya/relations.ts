// occupation_to_skill_relations.csv and skill_to_skill_relations.csv of a Tabiya export ->
// requirements and related-skill relations, rated as the official ESCO import rates them
// (esco/ratings.ts). Tabiya adds signalling values for its local occupations: a number in
// [0,1] given instead of essential/optional. It becomes the importance as is (level 1,
// not essential), since Tabiya defines it on the same 0-1 scale as our importance.
import type { Requirement } from '@bridgework/core';
import { escoRequirement, ESCO_LEVEL, relatedSkills } from '../esco/ratings.ts';
import type { ReadContext } from '../esco/read-context.ts';
import { fieldError, unexpectedValue } from '../esco/row-values.ts';
import { openCsv, type SourceFile } from '../esco/source-files.ts';
import { RelationList, RequirementList, SKIP_REASONS } from '../esco/unique-pairs.ts';
import { listOf, RELATION_TYPES, relationType } from '../esco/vocabulary.ts';
import { tabiyaIdAt } from './entity-id.ts';
import { OCCUPATION_TYPES, type TabiyaOccupations } from './occupations.ts';
import type { TabiyaSkills } from './skills.ts';

export async function readOccupationSkillRelations(
  file: SourceFile,
  occupations: TabiyaOccupations,
  skills: TabiyaSkills,
  names: { occupations: string; skills: string },
  ctx: ReadContext,
): Promise<Requirement[]> {
  const table = await openCsv(file, ctx.onProgress);
  const occupationType = table.column('OCCUPATIONTYPE');
  const occupationId = table.column('OCCUPATIONID');
  const relation = table.column('RELATIONTYPE');
  const skillId = table.column('SKILLID');
  const signalling = table.find('SIGNALLINGVALUE');
  const requirements = new RequirementList(skills.skills.size);
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const kind = row.get(occupationType).trim();
    if (!(OCCUPATION_TYPES as readonly string[]).includes(kind)) throw unexpectedValue(table, row, occupationType, listOf(OCCUPATION_TYPES));
    const relationValue = row.get(relation).trim();
    const signal = signalling >= 0 ? row.get(signalling).trim() : '';
    const type = relationType(relationValue);
    if (type === undefined && (relationValue !== '' || kind === 'escooccupation')) {
      throw unexpectedValue(table, row, relation, kind === 'escooccupation' ? listOf(RELATION_TYPES) : `${listOf(RELATION_TYPES)}, or empty with a SIGNALLINGVALUE`);
    }
    if (type !== undefined && signal !== '') {
      throw fieldError(table, row, signalling, `SIGNALLINGVALUE must be empty when RELATIONTYPE is given, found ${JSON.stringify(signal)}`);
    }
    const value = type === undefined ? signallingValue(signal) : undefined;
    if (type === undefined && value === undefined) {
      throw signalling >= 0
        ? unexpectedValue(table, row, signalling, 'a number between 0 and 1 when RELATIONTYPE is empty')
        : unexpectedValue(table, row, relation, listOf(RELATION_TYPES));
    }
    const occupationKey = tabiyaIdAt(table, row, occupationId);
    const skillKey = tabiyaIdAt(table, row, skillId);
    const occupation = occupations.keys.get(occupationKey);
    const skill = skills.keys.get(skillKey);
    if (occupation === undefined) {
      ctx.skipped.add(file.name, `occupation not in ${names.occupations}`, row.line, occupationKey);
      continue;
    }
    if (skill === undefined) {
      ctx.skipped.add(file.name, `skill not in ${names.skills}`, row.line, skillKey);
      continue;
    }
    const occupationRef = occupations.occupations.items[occupation]!.id;
    const skillRef = skills.skills.items[skill]!.id;
    const requirement = type !== undefined ? escoRequirement(occupationRef, skillRef, type) : signalledRequirement(occupationRef, skillRef, value!);
    if (!requirements.add(occupation, skill, requirement)) {
      ctx.skipped.add(file.name, 'occupation-skill pair listed twice; kept the essential one, else the first', row.line, `${occupationKey} ${skillKey}`);
    }
  }
  ctx.rowsRead[file.name] = rows;
  return requirements.items;
}

/** A local occupation's skill with a signalling value: the value is the importance, as is. */
function signalledRequirement(occupation: string, competency: string, value: number): Requirement {
  return { occupation, competency, importance: value, level: ESCO_LEVEL, essential: false, source: { scale: 'esco', importance: value } };
}

/** Tabiya: a number between 0 and 1, with `.` as the only decimal separator. */
function signallingValue(text: string): number | undefined {
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

export async function readSkillSkillRelations(file: SourceFile, skills: TabiyaSkills, skillsFile: string, ctx: ReadContext) {
  const table = await openCsv(file, ctx.onProgress);
  const requiring = table.column('REQUIRINGID');
  const relation = table.column('RELATIONTYPE');
  const required = table.column('REQUIREDID');
  const relations = new RelationList(skills.skills.size);
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const type = relationType(row.get(relation).trim());
    if (type === undefined) throw unexpectedValue(table, row, relation, listOf(RELATION_TYPES));
    const fromKey = tabiyaIdAt(table, row, requiring);
    const toKey = tabiyaIdAt(table, row, required);
    const from = skills.keys.get(fromKey);
    const to = skills.keys.get(toKey);
    if (from === undefined || to === undefined) {
      ctx.skipped.add(file.name, `skill not in ${skillsFile}`, row.line, from === undefined ? fromKey : toKey);
      continue;
    }
    const items = skills.skills.items;
    const outcome = relations.add(from, to, relatedSkills(items[from]!.id, items[to]!.id, type));
    if (outcome !== 'added') ctx.skipped.add(file.name, SKIP_REASONS[outcome], row.line, fromKey);
  }
  ctx.rowsRead[file.name] = rows;
  return relations.items;
}
