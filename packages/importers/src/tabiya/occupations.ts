// occupation_groups.csv and occupations.csv of a Tabiya export -> field-path titles and
// occupations, mapped as the official ESCO import maps them (esco/occupations.ts), French
// merged by Tabiya ID from fr/.
import type { Occupation } from '@bridgework/core';
import { Catalogue } from '../esco/catalogue.ts';
import { fieldPath, type FieldGroups } from '../esco/field-path.ts';
import { cleanText, occupationNotes, splitLabels } from '../esco/labels.ts';
import type { ReadContext } from '../esco/read-context.ts';
import { fieldError, requiredText, unexpectedValue } from '../esco/row-values.ts';
import { openCsv, type SourceFile } from '../esco/source-files.ts';
import { isEscoUri } from '../esco/concept-id.ts';
import { listOf } from '../esco/vocabulary.ts';
import { addKeyed, entityId, tabiyaIdAt, type TabiyaKeys } from './entity-id.ts';
import { mergeFrench } from './french.ts';

export const OCCUPATION_TYPES = ['escooccupation', 'localoccupation'] as const;
const ISCO_CODE = /^\d{1,4}(\.\d+)*$/;

export interface OccupationGroups {
  titles: FieldGroups;
  /** Group code by Tabiya ID, to merge the French titles. */
  codes: Map<string, string>;
}

export async function readOccupationGroups(en: SourceFile, fr: SourceFile | undefined, ctx: ReadContext): Promise<OccupationGroups> {
  const groups: OccupationGroups = { titles: new Map(), codes: new Map() };
  const table = await openCsv(en, ctx.onProgress);
  const id = table.column('ID');
  const code = table.column('CODE');
  const label = table.column('PREFERREDLABEL');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const groupCode = row.get(code).trim();
    if (groupCode === '') throw fieldError(table, row, code, 'CODE must not be empty');
    groups.titles.set(groupCode, { en: requiredText(table, row, label) });
    groups.codes.set(tabiyaIdAt(table, row, id), groupCode);
  }
  ctx.rowsRead[en.name] = rows;
  if (fr) {
    await mergeFrench(fr, ctx, `occupation group not in ${en.name}`, (tabiyaId, value) => {
      const groupCode = groups.codes.get(tabiyaId);
      const title = groupCode === undefined ? undefined : groups.titles.get(groupCode);
      if (title === undefined) return false;
      const label = cleanText(value('PREFERREDLABEL'));
      if (label !== undefined) title.fr = label;
      return true;
    });
  }
  return groups;
}

export interface TabiyaOccupations {
  occupations: Catalogue<Occupation>;
  keys: TabiyaKeys;
}

export async function readOccupations(file: SourceFile, groups: FieldGroups, ctx: ReadContext): Promise<TabiyaOccupations> {
  const result: TabiyaOccupations = { occupations: new Catalogue(), keys: new Map() };
  const table = await openCsv(file, ctx.onProgress);
  const origin = table.column('ORIGINURI');
  const id = table.column('ID');
  const groupCode = table.column('OCCUPATIONGROUPCODE');
  const code = table.column('CODE');
  const label = table.column('PREFERREDLABEL');
  const alt = table.column('ALTLABELS');
  const type = table.column('OCCUPATIONTYPE');
  const description = table.find('DESCRIPTION');
  const regulated = table.find('REGULATEDPROFESSIONNOTE');
  const scope = table.find('SCOPENOTE');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const tabiyaId = tabiyaIdAt(table, row, id);
    const occupationType = row.get(type).trim();
    if (!(OCCUPATION_TYPES as readonly string[]).includes(occupationType)) throw unexpectedValue(table, row, type, listOf(OCCUPATION_TYPES));
    const local = occupationType === 'localoccupation';
    const uri = row.get(origin).trim();
    const title = requiredText(table, row, label);
    const occupation: Occupation = {
      id: entityId(uri, tabiyaId, local),
      title: { en: title },
      codes: {},
      fieldPath: fieldPath(row.get(groupCode).trim(), groups),
      regulation: [],
    };
    // Local codes (`9629_1`) are Tabiya's own; only ESCO/ISCO-shaped codes go under isco.
    const occupationCode = row.get(code).trim();
    if (ISCO_CODE.test(occupationCode)) occupation.codes.isco = occupationCode;
    if (!local && isEscoUri(uri)) occupation.codes.esco = uri;
    const alternates = splitLabels(row.get(alt), title);
    if (alternates) occupation.alternateTitles = { en: alternates };
    const text = description >= 0 ? cleanText(row.get(description)) : undefined;
    if (text !== undefined) occupation.description = { en: text };
    const notes = occupationNotes(regulated >= 0 ? row.get(regulated) : '', scope >= 0 ? row.get(scope) : '');
    if (notes !== undefined) occupation.notes = notes;
    addKeyed(result.occupations, result.keys, occupation, tabiyaId, table, row, origin, id);
  }
  ctx.rowsRead[file.name] = rows;
  return result;
}

export async function mergeFrenchOccupations(file: SourceFile, english: TabiyaOccupations, englishFile: string, ctx: ReadContext): Promise<void> {
  await mergeFrench(file, ctx, `occupation not in ${englishFile}`, (tabiyaId, value) => {
    const position = english.keys.get(tabiyaId);
    const occupation = position === undefined ? undefined : english.occupations.items[position];
    if (occupation === undefined) return false;
    const title = cleanText(value('PREFERREDLABEL'));
    if (title === undefined) return true;
    occupation.title.fr = title;
    const alternates = splitLabels(value('ALTLABELS'), title);
    if (alternates) occupation.alternateTitles = { ...occupation.alternateTitles, fr: alternates };
    const text = cleanText(value('DESCRIPTION'));
    if (text !== undefined && occupation.description) occupation.description.fr = text;
    return true;
  });
}

