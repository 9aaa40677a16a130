// skillGroups_<lang>.csv and skillsHierarchy_<lang>.csv -> competency groups. The hierarchy
// file names seven groups that skillGroups_en.csv lacks (ESCO 1.1.1, e.g. S6.8 "positioning
// materials, tools or equipment"); they are taken from it with their labels and codes. Its
// rows are ragged (trailing empty columns left out), so it is read record by record.
import { stat } from 'node:fs/promises';
import type { CompetencyGroup } from '@bridgework/core';
import { sourceError } from '../source-error.ts';
import { readDelimited } from '../text/delimited-reader.ts';
import { normalizeHeader } from '../text/table-reader.ts';
import { Catalogue } from './catalogue.ts';
import { conceptId } from './concept-id.ts';
import { cleanText } from './labels.ts';
import type { ReadContext } from './read-context.ts';
import { conceptIdAt, fieldError, requiredText } from './row-values.ts';
import type { SkillHierarchy } from './skill-hierarchy.ts';
import { openCsv, type SourceFile } from './source-files.ts';

export interface SkillGroups {
  groups: Catalogue<CompetencyGroup>;
  /** ESCO codes (S4.4.1, L, T3...) by group id; ISCED-F groups have none. */
  codes: Map<string, string>;
}

export async function readSkillGroups(en: SourceFile, fr: SourceFile | undefined, ctx: ReadContext): Promise<SkillGroups> {
  const groups = new Catalogue<CompetencyGroup>();
  const codes = new Map<string, string>();
  const table = await openCsv(en, ctx.onProgress);
  const uri = table.column('conceptUri');
  const label = table.column('preferredLabel');
  const description = table.find('description');
  const code = table.find('code');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const id = conceptIdAt(table, row, uri);
    const group: CompetencyGroup = { id, label: { en: requiredText(table, row, label) } };
    const text = description >= 0 ? cleanText(row.get(description)) : undefined;
    if (text !== undefined) group.description = { en: text };
    const first = groups.add(group, row.line);
    if (first !== undefined) throw fieldError(table, row, uri, `duplicate conceptUri ${row.get(uri).trim()} (first at line ${first})`);
    const groupCode = code >= 0 ? row.get(code).trim() : '';
    if (groupCode !== '') codes.set(id, groupCode);
  }
  ctx.rowsRead[en.name] = rows;

  if (fr) {
    const frTable = await openCsv(fr, ctx.onProgress);
    const frUri = frTable.column('conceptUri');
    const frLabel = frTable.column('preferredLabel');
    const frDescription = frTable.find('description');
    let frRows = 0;
    for await (const row of frTable.rows()) {
      frRows++;
      const group = groups.get(conceptIdAt(frTable, row, frUri));
      if (group === undefined) {
        ctx.skipped.add(fr.name, `skill group not in ${en.name}`, row.line, row.get(frUri).trim());
        continue;
      }
      const title = cleanText(row.get(frLabel));
      if (title !== undefined) group.label.fr = title;
      const text = frDescription >= 0 ? cleanText(row.get(frDescription)) : undefined;
      if (text !== undefined && group.description) group.description.fr = text;
    }
    ctx.rowsRead[fr.name] = frRows;
  }
  return { groups, codes };
}

const LEVELS = [0, 1, 2, 3] as const;

/**
 * Adds the groups only the hierarchy knows and the parent of every group it lists. A row is
 * one path from a top group (level 0) down to the concept it describes, the deepest level
 * filled in; its Description belongs to that concept. With `french`, only fills in French
 * labels (the French file's descriptions are English, so they are not used).
 */
export async function readSkillsHierarchy(
  file: SourceFile,
  target: SkillGroups,
  hierarchy: SkillHierarchy,
  ctx: ReadContext,
  french = false,
): Promise<void> {
  const onProgress = ctx.onProgress;
  const total = onProgress ? (await stat(file.path)).size : 0;
  const records = readDelimited(file.path, {
    delimiter: ',',
    quote: '"',
    displayName: file.name,
    ...(onProgress ? { onBytes: (done: number) => onProgress({ phase: file.name, done, total }) } : {}),
  });
  const first = await records.next();
  if (first.done) throw sourceError({ file: file.name, line: 1 }, 'file is empty (expected a header row)');
  const header = first.value.fields.map(normalizeHeader);
  const column = (name: string) => {
    const index = header.indexOf(normalizeHeader(name));
    if (index < 0) {
      throw sourceError({ file: file.name, line: first.value.line }, `missing column "${name}"; found ${first.value.fields.map((h) => JSON.stringify(h)).join(', ')}`);
    }
    return index;
  };
  const levels = LEVELS.map((level) => ({ uri: column(`Level ${level} URI`), term: column(`Level ${level} preferred term`), code: header.indexOf(normalizeHeader(`Level ${level} code`)) }));
  const description = header.indexOf('description');
  let rows = 0;
  for await (const record of records) {
    if (record.fields.length > header.length) {
      const at = record.columns[header.length] ?? 1;
      throw sourceError({ file: file.name, line: record.line, column: at }, `expected at most ${header.length} fields as in the header, found ${record.fields.length}`);
    }
    if (record.fields.length === 1 && record.fields[0]!.trim() === '') continue;
    rows++;
    const field = (index: number) => (index >= 0 ? (record.fields[index] ?? '').trim() : '');
    let parent: string | undefined;
    let deepest: CompetencyGroup | undefined;
    for (const level of levels) {
      const uri = field(level.uri);
      if (uri === '') break;
      const id = conceptId(uri);
      if (id === undefined) {
        throw sourceError(
          { file: file.name, line: record.line, column: record.columns[level.uri] ?? 1 },
          `${first.value.fields[level.uri]} must be an ESCO concept URI (http://data.europa.eu/esco/...), found ${JSON.stringify(uri)}`,
        );
      }
      const term = field(level.term);
      let group = target.groups.get(id);
      if (group === undefined && !french && term !== '') {
        group = { id, label: { en: term } };
        target.groups.add(group, record.line);
        const code = field(level.code);
        if (code !== '') target.codes.set(id, code);
      }
      if (group !== undefined && french && term !== '' && group.label.fr === undefined) group.label.fr = term;
      if (parent !== undefined && !french) hierarchy.addGroupParent(id, parent);
      parent = id;
      deepest = group;
    }
    const text = field(description);
    if (!french && deepest !== undefined && deepest.description === undefined && text !== '') deepest.description = { en: text };
  }
  ctx.rowsRead[file.name] = rows;
}
