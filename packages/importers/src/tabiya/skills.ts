// skill_groups.csv and skills.csv of a Tabiya export -> competency groups and competencies,
// mapped as the official ESCO import maps them (esco/skills.ts, esco/skill-groups.ts), French
// merged by Tabiya ID from fr/.
import type { Competency, CompetencyGroup } from '@bridgework/core';
import { Catalogue } from '../esco/catalogue.ts';
import { isEscoUri } from '../esco/concept-id.ts';
import { cleanText, splitLabels } from '../esco/labels.ts';
import type { ReadContext } from '../esco/read-context.ts';
import { requiredText, unexpectedValue } from '../esco/row-values.ts';
import type { SkillGroups } from '../esco/skill-groups.ts';
import { openCsv, type SourceFile } from '../esco/source-files.ts';
import { listOf, NAMED_SKILL_TYPES, REUSE_LEVELS, reuseLevel, skillKind } from '../esco/vocabulary.ts';
import { addKeyed, entityId, tabiyaIdAt, type TabiyaKeys } from './entity-id.ts';
import { mergeFrench } from './french.ts';

export interface TabiyaSkillGroups extends SkillGroups {
  keys: TabiyaKeys;
}

export async function readSkillGroups(en: SourceFile, fr: SourceFile | undefined, ctx: ReadContext): Promise<TabiyaSkillGroups> {
  const result: TabiyaSkillGroups = { groups: new Catalogue(), codes: new Map(), keys: new Map() };
  const table = await openCsv(en, ctx.onProgress);
  const origin = table.column('ORIGINURI');
  const id = table.column('ID');
  const label = table.column('PREFERREDLABEL');
  const code = table.find('CODE');
  const description = table.find('DESCRIPTION');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const tabiyaId = tabiyaIdAt(table, row, id);
    const group: CompetencyGroup = { id: entityId(row.get(origin), tabiyaId), label: { en: requiredText(table, row, label) } };
    const text = description >= 0 ? cleanText(row.get(description)) : undefined;
    if (text !== undefined) group.description = { en: text };
    addKeyed(result.groups, result.keys, group, tabiyaId, table, row, origin, id);
    const groupCode = code >= 0 ? row.get(code).trim() : '';
    if (groupCode !== '') result.codes.set(group.id, groupCode);
  }
  ctx.rowsRead[en.name] = rows;
  if (fr) {
    await mergeFrench(fr, ctx, `skill group not in ${en.name}`, (tabiyaId, value) => {
      const position = result.keys.get(tabiyaId);
      const group = position === undefined ? undefined : result.groups.items[position];
      if (group === undefined) return false;
      const title = cleanText(value('PREFERREDLABEL'));
      if (title !== undefined) group.label.fr = title;
      const text = cleanText(value('DESCRIPTION'));
      if (text !== undefined && group.description) group.description.fr = text;
      return true;
    });
  }
  return result;
}

export interface TabiyaSkills {
  skills: Catalogue<Competency>;
  keys: TabiyaKeys;
}

export async function readSkills(en: SourceFile, fr: SourceFile | undefined, ctx: ReadContext): Promise<TabiyaSkills> {
  const result: TabiyaSkills = { skills: new Catalogue(), keys: new Map() };
  const table = await openCsv(en, ctx.onProgress);
  const origin = table.column('ORIGINURI');
  const id = table.column('ID');
  const type = table.column('SKILLTYPE');
  const reuse = table.column('REUSELEVEL');
  const label = table.column('PREFERREDLABEL');
  const alt = table.column('ALTLABELS');
  const description = table.find('DESCRIPTION');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const tabiyaId = tabiyaIdAt(table, row, id);
    const kind = skillKind(row.get(type).trim());
    if (kind === undefined) throw unexpectedValue(table, row, type, listOf(NAMED_SKILL_TYPES, { orEmpty: true }));
    const level = reuseLevel(row.get(reuse).trim());
    if (level === undefined) throw unexpectedValue(table, row, reuse, listOf(REUSE_LEVELS, { orEmpty: true }));
    const name = requiredText(table, row, label);
    const uri = row.get(origin).trim();
    const skill: Competency = { id: entityId(uri, tabiyaId), label: { en: name }, kind, externalId: isEscoUri(uri) ? uri : tabiyaId };
    const alternates = splitLabels(row.get(alt), name);
    if (alternates) skill.altLabels = { en: alternates };
    const text = description >= 0 ? cleanText(row.get(description)) : undefined;
    if (text !== undefined) skill.description = { en: text };
    if (level !== null) skill.reuse = level;
    addKeyed(result.skills, result.keys, skill, tabiyaId, table, row, origin, id);
  }
  ctx.rowsRead[en.name] = rows;
  if (fr) {
    await mergeFrench(fr, ctx, `skill not in ${en.name}`, (tabiyaId, value) => {
      const position = result.keys.get(tabiyaId);
      const skill = position === undefined ? undefined : result.skills.items[position];
      if (skill === undefined) return false;
      const name = cleanText(value('PREFERREDLABEL'));
      if (name === undefined) return true;
      skill.label.fr = name;
      const alternates = splitLabels(value('ALTLABELS'), name);
      if (alternates) skill.altLabels = { ...skill.altLabels, fr: alternates };
      const text = cleanText(value('DESCRIPTION'));
      if (text !== undefined && skill.description) skill.description.fr = text;
      return true;
    });
  }
  return result;
}

