// occupations_<lang>.csv -> occupations: the concept URI's UUID as id, the URI and the ESCO
// code (2654.1.7, which extends the ISCO-08 unit group) as codes, ISCO groups as the field
// path, alternative labels for title search, regulated-profession and scope notes. French
// titles, alternatives and descriptions are merged by concept URI.
import type { Occupation } from '@bridgework/core';
import { Catalogue } from './catalogue.ts';
import { mergeAlternates, mergeFrench } from './french-labels.ts';
import { fieldPath, type FieldGroups } from './field-path.ts';
import { cleanText, occupationNotes, splitLabels } from './labels.ts';
import type { ReadContext } from './read-context.ts';
import { conceptIdAt, fieldError, requiredText, unexpectedValue } from './row-values.ts';
import { openCsv, type SourceFile } from './source-files.ts';

const ISCO_GROUP = /^\d{4}$/;
const ESCO_CODE = /^\d{4}(\.\d+)*$/;
export const RELEASED = 'released';

export async function readOccupations(file: SourceFile, fieldGroups: FieldGroups, ctx: ReadContext): Promise<Catalogue<Occupation>> {
  const occupations = new Catalogue<Occupation>();
  const table = await openCsv(file, ctx.onProgress);
  const uri = table.column('conceptUri');
  const label = table.column('preferredLabel');
  const alt = table.column('altLabels');
  const iscoGroup = table.column('iscoGroup');
  const code = table.find('code');
  const status = table.find('status');
  const description = table.find('description');
  const regulated = table.find('regulatedProfessionNote');
  const scope = table.find('scopeNote');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const id = conceptIdAt(table, row, uri);
    if (status >= 0 && !isReleased(row.get(status))) {
      ctx.skipped.add(file.name, `status is not "${RELEASED}"`, row.line, row.get(status));
      continue;
    }
    const title = requiredText(table, row, label);
    const group = row.get(iscoGroup).trim();
    if (!ISCO_GROUP.test(group)) throw unexpectedValue(table, row, iscoGroup, 'a four-digit ISCO-08 unit group');
    const escoCode = code >= 0 && row.get(code).trim() !== '' ? row.get(code).trim() : group;
    if (!ESCO_CODE.test(escoCode) || !escoCode.startsWith(group)) {
      throw unexpectedValue(table, row, code, `an ESCO code extending the ISCO group ${group} (like ${group}.1)`);
    }
    const occupation: Occupation = {
      id,
      title: { en: title },
      codes: { isco: escoCode, esco: row.get(uri).trim() },
      fieldPath: fieldPath(group, fieldGroups),
      regulation: [],
    };
    const alternates = splitLabels(row.get(alt), title);
    if (alternates) occupation.alternateTitles = { en: alternates };
    const text = description >= 0 ? cleanText(row.get(description)) : undefined;
    if (text !== undefined) occupation.description = { en: text };
    const notes = occupationNotes(regulated >= 0 ? row.get(regulated) : '', scope >= 0 ? row.get(scope) : '');
    if (notes !== undefined) occupation.notes = notes;
    const first = occupations.add(occupation, row.line);
    if (first !== undefined) throw fieldError(table, row, uri, `duplicate conceptUri ${row.get(uri).trim()} (first at line ${first})`);
  }
  ctx.rowsRead[file.name] = rows;
  return occupations;
}

/** French labels and descriptions onto the English occupations, by concept URI. */
export function mergeFrenchOccupations(file: SourceFile, occupations: Catalogue<Occupation>, englishFile: string, ctx: ReadContext): Promise<void> {
  return mergeFrench(file, occupations, englishFile, ctx, {
    noun: 'occupation',
    alternatesRequired: true,
    label: (o) => o.title,
    setAlternates: (o, fr) => (o.alternateTitles = mergeAlternates(o.alternateTitles, fr)),
    description: (o) => o.description,
  });
}

/** ESCO's downloads hold released concepts only; an empty status is read as released. */
export function isReleased(status: string): boolean {
  const value = status.trim();
  return value === '' || value === RELEASED;
}
