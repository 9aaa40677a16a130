// skills_<lang>.csv -> competencies: the concept URI's UUID as id and the URI as external id,
// skillType as kind, reuseLevel as reuse, alternative labels for search. Group and the
// `language` kind come later, from the hierarchy. ESCO 1.1.1 has no French skills file; when
// a release has one, its labels are merged by concept URI.
import type { Competency } from '@bridgework/core';
import { Catalogue } from './catalogue.ts';
import { mergeAlternates, mergeFrench } from './french-labels.ts';
import { cleanText, splitLabels } from './labels.ts';
import { isReleased, RELEASED } from './occupations.ts';
import type { ReadContext } from './read-context.ts';
import { conceptIdAt, fieldError, requiredText, unexpectedValue } from './row-values.ts';
import { openCsv, type SourceFile } from './source-files.ts';
import { listOf, NAMED_SKILL_TYPES, REUSE_LEVELS, reuseLevel, skillKind } from './vocabulary.ts';

export async function readSkills(file: SourceFile, ctx: ReadContext): Promise<Catalogue<Competency>> {
  const skills = new Catalogue<Competency>();
  const table = await openCsv(file, ctx.onProgress);
  const uri = table.column('conceptUri');
  const type = table.column('skillType');
  const reuse = table.column('reuseLevel');
  const label = table.column('preferredLabel');
  const alt = table.column('altLabels');
  const status = table.find('status');
  const description = table.find('description');
  let rows = 0;
  let untyped = 0;
  for await (const row of table.rows()) {
    rows++;
    const id = conceptIdAt(table, row, uri);
    if (status >= 0 && !isReleased(row.get(status))) {
      ctx.skipped.add(file.name, `status is not "${RELEASED}"`, row.line, row.get(status));
      continue;
    }
    const skillType = row.get(type).trim();
    const kind = skillKind(skillType);
    if (kind === undefined) throw unexpectedValue(table, row, type, listOf(NAMED_SKILL_TYPES, { orEmpty: true }));
    if (skillType === '') untyped++;
    const level = reuseLevel(row.get(reuse).trim());
    if (level === undefined) throw unexpectedValue(table, row, reuse, listOf(REUSE_LEVELS, { orEmpty: true }));
    const name = requiredText(table, row, label);
    const skill: Competency = { id, label: { en: name }, kind, externalId: row.get(uri).trim() };
    const alternates = splitLabels(row.get(alt), name);
    if (alternates) skill.altLabels = { en: alternates };
    const text = description >= 0 ? cleanText(row.get(description)) : undefined;
    if (text !== undefined) skill.description = { en: text };
    if (level !== null) skill.reuse = level;
    const first = skills.add(skill, row.line);
    if (first !== undefined) throw fieldError(table, row, uri, `duplicate conceptUri ${row.get(uri).trim()} (first at line ${first})`);
  }
  ctx.rowsRead[file.name] = rows;
  if (untyped > 0) ctx.warnings.push(`${file.name}: ${untyped} skill${untyped === 1 ? ' has' : 's have'} an empty skillType; imported as kind "skill"`);
  return skills;
}

/** French labels and descriptions onto the English skills, by concept URI. */
export function mergeFrenchSkills(file: SourceFile, skills: Catalogue<Competency>, englishFile: string, ctx: ReadContext): Promise<void> {
  return mergeFrench(file, skills, englishFile, ctx, {
    noun: 'skill',
    alternatesRequired: false,
    label: (s) => s.label,
    setAlternates: (s, fr) => (s.altLabels = mergeAlternates(s.altLabels, fr)),
    description: (s) => s.description,
  });
}
