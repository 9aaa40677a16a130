// broaderRelationsSkillPillar.csv and broaderRelationsOccPillar.csv: ESCO's hierarchies as
// (concept, broader concept) pairs. Skill pillar: group -> parent group, skill -> group,
// skill -> broader skill. Occupation pillar: occupation -> broader occupation becomes a
// `broader` occupation link; the ISCO levels are already in each occupation's field path
// (taken from its ISCO code, which names the same groups).
import type { Competency, CompetencyGroup, Occupation, OccupationLink } from '@bridgework/core';
import type { Catalogue } from './catalogue.ts';
import type { ReadContext } from './read-context.ts';
import { conceptIdAt, unexpectedValue } from './row-values.ts';
import type { SkillHierarchy } from './skill-hierarchy.ts';
import { openCsv, type SourceFile } from './source-files.ts';
import { listOf } from './vocabulary.ts';

const SKILL = 'KnowledgeSkillCompetence';
const SKILL_GROUP = 'SkillGroup';
const OCCUPATION = 'Occupation';
const ISCO_GROUP = 'ISCOGroup';

export interface SkillPillarNames {
  skills: string;
  groups: string;
}

export async function readSkillPillar(
  file: SourceFile,
  skills: Catalogue<Competency>,
  groups: Catalogue<CompetencyGroup>,
  hierarchy: SkillHierarchy,
  names: SkillPillarNames,
  ctx: ReadContext,
): Promise<void> {
  const table = await openCsv(file, ctx.onProgress);
  const type = table.column('conceptType');
  const uri = table.column('conceptUri');
  const broaderType = table.column('broaderType');
  const broaderUri = table.column('broaderUri');
  const types = [SKILL, SKILL_GROUP];
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const childType = row.get(type).trim();
    const parentType = row.get(broaderType).trim();
    if (!types.includes(childType)) throw unexpectedValue(table, row, type, listOf(types));
    if (parentType !== SKILL_GROUP && !(childType === SKILL && parentType === SKILL)) {
      // A group's broader concept is a group; a skill's is a group or another skill.
      throw unexpectedValue(table, row, broaderType, childType === SKILL ? listOf(types) : `"${SKILL_GROUP}" for a ${childType}`);
    }
    const child = conceptIdAt(table, row, uri);
    const parent = conceptIdAt(table, row, broaderUri);
    const childKnown = childType === SKILL ? skills.has(child) : groups.has(child);
    const parentKnown = parentType === SKILL ? skills.has(parent) : groups.has(parent);
    if (!childKnown || !parentKnown) {
      const [missingType, missingUri] = childKnown ? [parentType, row.get(broaderUri)] : [childType, row.get(uri)];
      const where = missingType === SKILL ? names.skills : names.groups;
      ctx.skipped.add(file.name, `${missingType === SKILL ? 'skill' : 'skill group'} not in ${where}`, row.line, missingUri.trim());
      continue;
    }
    if (childType === SKILL_GROUP) hierarchy.addGroupParent(groups.get(child)!.id, groups.get(parent)!.id);
    else if (parentType === SKILL_GROUP) hierarchy.addSkillGroup(skills.get(child)!.id, groups.get(parent)!.id);
    else hierarchy.addBroaderSkill(skills.get(child)!.id, skills.get(parent)!.id);
  }
  ctx.rowsRead[file.name] = rows;
}

export async function readOccupationPillar(
  file: SourceFile,
  occupations: Catalogue<Occupation>,
  occupationsFile: string,
  ctx: ReadContext,
): Promise<OccupationLink[]> {
  const table = await openCsv(file, ctx.onProgress);
  const type = table.column('conceptType');
  const uri = table.column('conceptUri');
  const broaderType = table.column('broaderType');
  const broaderUri = table.column('broaderUri');
  const types = [OCCUPATION, ISCO_GROUP];
  const links: OccupationLink[] = [];
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const childType = row.get(type).trim();
    const parentType = row.get(broaderType).trim();
    if (!types.includes(childType)) throw unexpectedValue(table, row, type, listOf(types));
    if (!types.includes(parentType) || (childType === ISCO_GROUP && parentType !== ISCO_GROUP)) {
      throw unexpectedValue(table, row, broaderType, childType === ISCO_GROUP ? `"${ISCO_GROUP}" for an ${ISCO_GROUP}` : listOf(types));
    }
    const child = conceptIdAt(table, row, uri);
    const parent = conceptIdAt(table, row, broaderUri);
    if (childType === ISCO_GROUP) continue;
    const from = occupations.get(child);
    const to = parentType === OCCUPATION ? occupations.get(parent) : undefined;
    if (from === undefined || (parentType === OCCUPATION && to === undefined)) {
      ctx.skipped.add(file.name, `occupation not in ${occupationsFile}`, row.line, (from === undefined ? row.get(uri) : row.get(broaderUri)).trim());
      continue;
    }
    if (to !== undefined) links.push({ from: from.id, to: to.id, type: 'broader', source: 'ESCO broaderRelationsOccPillar' });
  }
  ctx.rowsRead[file.name] = rows;
  return links;
}
