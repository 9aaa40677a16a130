// Occupation Data.txt: the O*NET-SOC codes of the release with their titles and (in full
// releases) descriptions. It defines which occupations exist; every other file refers to them.
import type { FieldGroup } from '@bridgework/core';
import { CellReader } from './cells.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import { ONET_FILES } from './release-files.ts';

/** An occupation while the release is read; later files add titles, job zone, education and field path. */
export interface OccupationDraft {
  code: string;
  title: string;
  description?: string;
  alternateTitles: string[];
  /** Folded titles already listed (the preferred one included), for de-duplication. */
  titleKeys: Set<string>;
  jobZone?: number;
  /** The median respondent's Required Level of Education (education.ts). */
  education?: { name: string; trainingMonths: number };
  fieldPath: FieldGroup[];
}

export type Occupations = Map<string, OccupationDraft>;

/** Case and spacing do not make a different title: "Staff Nurse" = "staff  nurse". */
export function titleKey(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}

export async function readOccupationData(context: ImportContext): Promise<Occupations> {
  const occupations: Occupations = new Map();
  const table = await openReleaseTable(context, context.release.get(ONET_FILES.occupationData)!);
  const codeColumn = table.column('O*NET-SOC Code');
  const titleColumn = table.column('Title');
  const descriptionColumn = table.find('Description');
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    if (occupations.has(code)) throw cells.error(row, codeColumn, `duplicate O*NET-SOC Code "${code}"`);
    const title = cells.required(row, titleColumn);
    const description = descriptionColumn >= 0 ? cells.text(row, descriptionColumn) : undefined;
    occupations.set(code, {
      code,
      title,
      ...(description !== undefined ? { description } : {}),
      alternateTitles: [],
      titleKeys: new Set([titleKey(title)]),
      fieldPath: [],
    });
  }
  return occupations;
}

/** Adds a title unless the occupation already has it (in any case or spacing). */
export function addAlternateTitle(occupation: OccupationDraft, title: string): void {
  const key = titleKey(title);
  if (occupation.titleKeys.has(key)) return;
  occupation.titleKeys.add(key);
  occupation.alternateTitles.push(title.trim());
}
