// What OaSIS says about each profile in words: its title (labels), lead statement, example titles,
// main duties, employment requirements, additional information and interests. The labels file
// defines which profiles exist; the other files attach text to them.
import { basename } from 'node:path';
import { sourceError } from '../source-error.ts';
import { openTable } from '../text/table-reader.ts';
import { profileCodeAt } from './profile-code.ts';

export interface ProfileText {
  code: string;
  title: string;
  leadStatements: string[];
  exampleTitles: string[];
  mainDuties: string[];
  employmentRequirements: string[];
  additionalInformation: string[];
  /** Holland codes, strongest first, as letters R I A S E C. */
  interests: string[];
}

/** Text fields span lines in places (`"...with\ra visual impairment"`): folded to single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** O(rows). A malformed or repeated code or an empty label is an error at file:line:column. */
export async function readLabels(path: string, onBytes?: (bytes: number) => void): Promise<{ profiles: Map<string, ProfileText>; rowsRead: number }> {
  const table = await openTable(path, { delimiter: ',', quote: '"', onBytes });
  const file = table.file;
  const codeColumn = table.column('OaSIS profile code', 'OaSIS Code', 'OaSIS Code - Final');
  const labelColumn = table.column('Label', 'OaSIS Label', 'OaSIS Label - Final');
  const profiles = new Map<string, ProfileText>();
  const lines = new Map<string, number>();
  let rowsRead = 0;
  for await (const row of table.rows()) {
    rowsRead++;
    const code = profileCodeAt(file, row, codeColumn);
    const first = lines.get(code);
    if (first !== undefined) throw sourceError({ file, line: row.line, column: row.columnOf(codeColumn) }, `profile ${code} is already labelled at line ${first}`);
    lines.set(code, row.line);
    const title = oneLine(row.get(labelColumn));
    if (title === '') throw sourceError({ file, line: row.line, column: row.columnOf(labelColumn) }, `expected a label for profile ${code}, found an empty field`);
    profiles.set(code, { code, title, leadStatements: [], exampleTitles: [], mainDuties: [], employmentRequirements: [], additionalInformation: [], interests: [] });
  }
  return { profiles, rowsRead };
}

export type TextList = 'leadStatements' | 'exampleTitles' | 'mainDuties' | 'employmentRequirements' | 'additionalInformation';

/** The column holding the text in each descriptive file, by the names the releases use. */
export const TEXT_COLUMNS: Readonly<Record<TextList, readonly string[]>> = {
  leadStatements: ['Lead statement'],
  exampleTitles: ['Job title text', 'Job title'],
  mainDuties: ['Main duties', 'Main duty'],
  employmentRequirements: ['Employment requirement', 'Employment requirements'],
  additionalInformation: ['Additional information (EN)', 'Additional information'],
};

/** Rows left out on purpose, counted per reason; one warning per reason with the first one. */
export class SkippedRows {
  private readonly skips = new Map<string, { count: number; line: number; value: string }>();

  constructor(private readonly file: string) {}

  add(reason: string, line: number, value: string): void {
    const skip = this.skips.get(reason);
    if (skip) skip.count++;
    else this.skips.set(reason, { count: 1, line, value });
  }

  warnings(): string[] {
    return [...this.skips].map(([reason, s]) => `${this.file}: skipped ${s.count} row${s.count === 1 ? '' : 's'}: ${reason} (first at line ${s.line}: ${s.value})`);
  }
}

/**
 * One text per row, appended to its profile's list. A malformed code is an error; a row for a
 * profile the labels file does not have, or with no text, is skipped with a warning.
 */
export async function readProfileTexts(
  path: string,
  list: TextList,
  profiles: ReadonlyMap<string, ProfileText>,
  onBytes?: (bytes: number) => void,
): Promise<{ rowsRead: number; warnings: string[] }> {
  const table = await openTable(path, { delimiter: ',', quote: '"', onBytes });
  const codeColumn = table.column('OaSIS profile code', 'OaSIS Code', 'OaSIS Code - Final');
  const [first, ...aliases] = TEXT_COLUMNS[list];
  const textColumn = table.column(first!, ...aliases);
  const skipped = new SkippedRows(basename(path));
  let rowsRead = 0;
  for await (const row of table.rows()) {
    rowsRead++;
    const code = profileCodeAt(table.file, row, codeColumn);
    const profile = profiles.get(code);
    const text = oneLine(row.get(textColumn));
    if (!profile) skipped.add('profile not in the labels file', row.line, code);
    else if (text === '') skipped.add('no text', row.line, code);
    else profile[list].push(text);
  }
  return { rowsRead, warnings: skipped.warnings() };
}

const HOLLAND = new Set(['R', 'I', 'A', 'S', 'E', 'C']);

/**
 * Interests (`OaSIS Code`, `Holland Codes - 1`, `- 2`, `- 3`): letters R I A S E C, strongest
 * first. Positions 2-3 are sometimes lower case, which the guide does not explain: read as upper
 * case, counted in one warning. Empty positions (profiles with one or two codes) are fine; any
 * other letter, or a letter given twice for one profile, is an error.
 */
export async function readInterests(
  path: string,
  profiles: ReadonlyMap<string, ProfileText>,
  onBytes?: (bytes: number) => void,
): Promise<{ rowsRead: number; warnings: string[] }> {
  const table = await openTable(path, { delimiter: ',', quote: '"', onBytes });
  const file = table.file;
  const codeColumn = table.column('OaSIS Code', 'OaSIS profile code', 'OaSIS Code - Final');
  const letterColumns = [1, 2, 3].map((n) => table.column(`Holland Codes - ${n}`));
  const skipped = new SkippedRows(basename(path));
  const lowerCase = { count: 0, line: 0, letter: '' };
  let rowsRead = 0;
  for await (const row of table.rows()) {
    rowsRead++;
    const code = profileCodeAt(file, row, codeColumn);
    const letters: string[] = [];
    for (const column of letterColumns) {
      const given = row.get(column).trim();
      const letter = given.toUpperCase();
      if (letter === '') continue;
      const at = { file, line: row.line, column: row.columnOf(column) };
      if (!HOLLAND.has(letter)) throw sourceError(at, `expected a Holland code (R, I, A, S, E or C), found ${JSON.stringify(given)}`);
      if (letters.includes(letter)) throw sourceError(at, `Holland code ${letter} is already in position ${letters.indexOf(letter) + 1} of this profile`);
      if (given !== letter) {
        if (lowerCase.count === 0) Object.assign(lowerCase, { line: row.line, letter: given });
        lowerCase.count++;
      }
      letters.push(letter);
    }
    const profile = profiles.get(code);
    if (!profile) skipped.add('profile not in the labels file', row.line, code);
    else profile.interests = letters;
  }
  const warnings = skipped.warnings();
  if (lowerCase.count > 0) {
    warnings.push(
      `${basename(path)}: ${lowerCase.count} Holland code${lowerCase.count === 1 ? '' : 's'} in lower case (first at line ${lowerCase.line}: ${lowerCase.letter}), which the guide does not explain; read as upper case`,
    );
  }
  return { rowsRead, warnings };
}
