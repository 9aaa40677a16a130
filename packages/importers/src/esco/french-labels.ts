// French labels, alternative labels and descriptions merged onto the English records by concept
// URI: one pass shared by occupations (title, alternateTitles) and skills (label, altLabels).
import type { LocalizedList, LocalizedText } from '@bridgework/core';
import type { Catalogue } from './catalogue.ts';
import { cleanText, splitLabels } from './labels.ts';
import type { ReadContext } from './read-context.ts';
import { conceptIdAt } from './row-values.ts';
import { openCsv, type SourceFile } from './source-files.ts';

/** Where a record keeps the texts French is merged into. */
export interface FrenchTarget<T> {
  noun: string;
  /** Occupation files must have altLabels; skill files may lack it. */
  alternatesRequired: boolean;
  label: (record: T) => LocalizedText;
  setAlternates: (record: T, alternates: string[]) => void;
  description: (record: T) => LocalizedText | undefined;
}

export async function mergeFrench<T extends { id: string }>(file: SourceFile, records: Catalogue<T>, englishFile: string, ctx: ReadContext, target: FrenchTarget<T>): Promise<void> {
  const table = await openCsv(file, ctx.onProgress);
  const uri = table.column('conceptUri');
  const label = table.column('preferredLabel');
  const alt = target.alternatesRequired ? table.column('altLabels') : table.find('altLabels');
  const description = table.find('description');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const record = records.get(conceptIdAt(table, row, uri));
    if (record === undefined) {
      ctx.skipped.add(file.name, `${target.noun} not in ${englishFile}`, row.line, row.get(uri).trim());
      continue;
    }
    const text = cleanText(row.get(label));
    if (text === undefined) continue;
    target.label(record).fr = text;
    const alternates = alt >= 0 ? splitLabels(row.get(alt), text) : undefined;
    if (alternates) target.setAlternates(record, alternates);
    const about = description >= 0 ? cleanText(row.get(description)) : undefined;
    const english = target.description(record);
    if (about !== undefined && english) english.fr = about;
  }
  ctx.rowsRead[file.name] = rows;
}

export const mergeAlternates = (existing: LocalizedList | undefined, fr: string[]): LocalizedList => ({ ...existing, fr });
