// skill_hierarchy.csv and occupation_hierarchy.csv of a Tabiya export: parent-child pairs by
// Tabiya ID with each end's object type. Skills: as ESCO's skill pillar (group parents, a
// skill's group, broader skills). Occupations: occupation -> occupation becomes a `broader`
// link; the group levels are in each occupation's field path already (from its group code).
import type { OccupationLink } from '@bridgework/core';
import type { ReadContext } from '../esco/read-context.ts';
import { unexpectedValue } from '../esco/row-values.ts';
import type { SkillHierarchy } from '../esco/skill-hierarchy.ts';
import { openCsv, type SourceFile } from '../esco/source-files.ts';
import { listOf } from '../esco/vocabulary.ts';
import { tabiyaIdAt } from './entity-id.ts';
import type { TabiyaOccupations } from './occupations.ts';
import type { TabiyaSkillGroups, TabiyaSkills } from './skills.ts';

const SKILL_TYPES = ['skill', 'skillgroup'] as const;
const OCCUPATION_TYPES = ['escooccupation', 'localoccupation'];
const OCCUPATION_GROUP_TYPES = ['iscogroup', 'localgroup', 'occupationgroup'];

/**
 * `skills` undefined: the export has no skills.csv, so only group -> group rows are used
 * (the caller has said so in a warning) and rows naming skills are passed over.
 */
export async function readSkillHierarchy(
  file: SourceFile,
  groups: TabiyaSkillGroups,
  skills: TabiyaSkills | undefined,
  hierarchy: SkillHierarchy,
  names: { skills: string; groups: string },
  ctx: ReadContext,
): Promise<void> {
  const table = await openCsv(file, ctx.onProgress);
  const parentType = table.column('PARENTOBJECTTYPE');
  const parentId = table.column('PARENTID');
  const childId = table.column('CHILDID');
  const childType = table.column('CHILDOBJECTTYPE');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const parentKind = row.get(parentType).trim();
    const childKind = row.get(childType).trim();
    if (!(SKILL_TYPES as readonly string[]).includes(parentKind)) throw unexpectedValue(table, row, parentType, listOf(SKILL_TYPES));
    if (!(SKILL_TYPES as readonly string[]).includes(childKind)) throw unexpectedValue(table, row, childType, listOf(SKILL_TYPES));
    if (parentKind === 'skill' && childKind === 'skillgroup') {
      throw unexpectedValue(table, row, childType, '"skill" when the parent is a skill (a skill cannot hold a skill group)');
    }
    const parentKey = tabiyaIdAt(table, row, parentId);
    const childKey = tabiyaIdAt(table, row, childId);
    if (skills === undefined && childKind === 'skill') continue;
    const lookup = (kind: string, key: string) => {
      const position = (kind === 'skill' ? skills?.keys : groups.keys)?.get(key);
      return position === undefined ? undefined : (kind === 'skill' ? skills!.skills.items[position] : groups.groups.items[position])?.id;
    };
    const parent = lookup(parentKind, parentKey);
    const child = lookup(childKind, childKey);
    if (parent === undefined || child === undefined) {
      const [kind, key] = parent === undefined ? [parentKind, parentKey] : [childKind, childKey];
      ctx.skipped.add(file.name, `${kind === 'skill' ? 'skill' : 'skill group'} not in ${kind === 'skill' ? names.skills : names.groups}`, row.line, key);
      continue;
    }
    if (childKind === 'skillgroup') hierarchy.addGroupParent(child, parent);
    else if (parentKind === 'skillgroup') hierarchy.addSkillGroup(child, parent);
    else hierarchy.addBroaderSkill(child, parent);
  }
  ctx.rowsRead[file.name] = rows;
}

export async function readOccupationHierarchy(
  file: SourceFile,
  occupations: TabiyaOccupations,
  occupationsFile: string,
  ctx: ReadContext,
): Promise<OccupationLink[]> {
  const table = await openCsv(file, ctx.onProgress);
  const parentType = table.column('PARENTOBJECTTYPE');
  const parentId = table.column('PARENTID');
  const childId = table.column('CHILDID');
  const childType = table.column('CHILDOBJECTTYPE');
  const types = [...OCCUPATION_GROUP_TYPES, ...OCCUPATION_TYPES];
  const links: OccupationLink[] = [];
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const parentKind = row.get(parentType).trim();
    const childKind = row.get(childType).trim();
    if (!types.includes(parentKind)) throw unexpectedValue(table, row, parentType, listOf(types));
    if (!types.includes(childKind)) throw unexpectedValue(table, row, childType, listOf(types));
    const parentIsOccupation = OCCUPATION_TYPES.includes(parentKind);
    const childIsOccupation = OCCUPATION_TYPES.includes(childKind);
    if (parentIsOccupation && !childIsOccupation) {
      throw unexpectedValue(table, row, childType, `${listOf(OCCUPATION_TYPES)} when the parent is an occupation`);
    }
    const parentKey = tabiyaIdAt(table, row, parentId);
    const childKey = tabiyaIdAt(table, row, childId);
    if (!parentIsOccupation) continue;
    const from = occupations.keys.get(childKey);
    const to = occupations.keys.get(parentKey);
    if (from === undefined || to === undefined) {
      ctx.skipped.add(file.name, `occupation not in ${occupationsFile}`, row.line, from === undefined ? childKey : parentKey);
      continue;
    }
    const items = occupations.occupations.items;
    links.push({ from: items[from]!.id, to: items[to]!.id, type: 'broader', source: 'Tabiya occupation_hierarchy' });
  }
  ctx.rowsRead[file.name] = rows;
  return links;
}
