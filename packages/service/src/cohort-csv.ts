// A cohort as CSV, the way a bridging-program coordinator keeps it in a spreadsheet: one row per
// person, `label,occupation,years,province,languageLevel` and any number of `competency:<id>`
// columns holding levels in [0,1]. Used by `bridgework gaps --cohort` and POST /v1/gaps/cohort.
import { BridgeworkError, describeZodIssue, Profile, type ErrorDetail, type ProfileInput } from '@bridgework/core';

export const COHORT_COLUMNS = ['label', 'occupation', 'years', 'province', 'languageLevel'] as const;
const REQUIRED_COLUMNS = ['label', 'occupation'] as const;
export const COMPETENCY_COLUMN_PREFIX = 'competency:';
/** More people than any bridging program admits at once; bounds the work of one request. */
export const MAX_COHORT_SIZE = 2000;
const MAX_REPORTED_ERRORS = 50;

interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

/**
 * Parses the cohort, every row through the core Profile schema. Throws `request.invalid` listing
 * every problem as `<name>:<line>: column <column>: <what is wrong>`, so one pass fixes the file.
 * O(size of the text).
 */
export function parseCohortCsv(text: string, name = 'cohort.csv'): Profile[] {
  // Spreadsheets set to French (and other locales) save "CSV" with semicolons and decimal commas.
  const delimiter = delimiterOf(text);
  const decimalComma = delimiter === ';';
  const records = readCsv(text, name, delimiter);
  const header = records.shift();
  if (!header || header.cells.every((c) => c.trim() === '')) {
    throw invalid(name, [{ where: `${name}:1`, message: `expected a header row: ${COHORT_COLUMNS.join(',')}[,competency:<id>...]` }]);
  }
  const columns = header.cells.map((c) => c.trim());
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) errors.push({ where: `${name}:1`, message: `column "${column}" appears twice` });
    seen.add(column);
    const known = (COHORT_COLUMNS as readonly string[]).includes(column);
    const competency = column.startsWith(COMPETENCY_COLUMN_PREFIX) && /^\S+$/.test(column.slice(COMPETENCY_COLUMN_PREFIX.length));
    if (!known && !competency) {
      errors.push({
        where: `${name}:1`,
        message: `unknown column "${column}"; expected ${COHORT_COLUMNS.join(', ')} or competency:<id>`,
      });
    }
  }
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) errors.push({ where: `${name}:1`, message: `missing column "${required}"` });
  }
  if (errors.length > 0) throw invalid(name, errors);

  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw new BridgeworkError('cohort.empty', `${name}: the cohort has no rows below the header`);
  if (rows.length > MAX_COHORT_SIZE) {
    throw invalid(name, [{ where: name, message: `${rows.length} rows; at most ${MAX_COHORT_SIZE} people per cohort` }]);
  }

  const profiles: Profile[] = [];
  for (const row of rows) {
    const where = (column: string) => `${name}:${row.line}: column ${column}`;
    if (row.cells.length !== columns.length) {
      errors.push({ where: `${name}:${row.line}`, message: `${row.cells.length} cells, but the header has ${columns.length} columns` });
      continue;
    }
    const input: ProfileInput & { competencies: NonNullable<ProfileInput['competencies']> } = { competencies: [] };
    const competencyColumns: string[] = [];
    let occupation: string | undefined;
    let years: number | undefined;
    let rowOk = true;
    columns.forEach((column, i) => {
      const cell = row.cells[i]!.trim();
      if (cell === '') return;
      const number = () => {
        const value = parseNumber(decimalComma ? cell.replace(',', '.') : cell);
        if (value === undefined) {
          errors.push({ where: where(column), message: `expected a number, got ${JSON.stringify(cell.slice(0, 40))}` });
          rowOk = false;
        }
        return value;
      };
      if (column === 'label') input.label = cell;
      else if (column === 'occupation') occupation = cell;
      else if (column === 'years') years = number();
      else if (column === 'province') input.province = cell.toUpperCase() as Profile['province'];
      else if (column === 'languageLevel') input.languageLevel = number();
      else {
        const level = number();
        if (level === undefined) return;
        input.competencies.push({ competency: column.slice(COMPETENCY_COLUMN_PREFIX.length), level, evidence: 'self-assessed' });
        competencyColumns.push(column);
      }
    });
    if (!rowOk) continue;
    if (occupation !== undefined) input.occupations = [{ occupation, ...(years !== undefined ? { years } : {}) }];
    else if (years !== undefined) {
      errors.push({ where: where('years'), message: 'years given without an occupation' });
      continue;
    }
    const parsed = Profile.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ where: where(columnOf(issue.path, competencyColumns)), message: describeZodIssue(issue) });
      }
      continue;
    }
    if (parsed.data.occupations.length === 0 && parsed.data.competencies.length === 0) {
      errors.push({ where: `${name}:${row.line}`, message: 'names no occupation and no competency level' });
      continue;
    }
    profiles.push(parsed.data);
  }
  if (errors.length > 0) throw invalid(name, errors);
  return profiles;
}

/** The CSV column a Profile schema issue points at. */
function columnOf(path: readonly PropertyKey[], competencyColumns: string[]): string {
  const [field, index, leaf] = path;
  if (field === 'occupations') return leaf === 'years' ? 'years' : 'occupation';
  if (field === 'competencies' && typeof index === 'number') return competencyColumns[index] ?? 'competency';
  return String(field ?? 'row');
}

/** Plain decimal numbers only: Number() would also take "", "0x1f" and "Infinity". */
function parseNumber(cell: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : undefined;
}

/**
 * The header line's separator: a semicolon when the header has semicolons and no comma (the
 * column names never contain either), else a comma.
 */
export function delimiterOf(text: string): ',' | ';' {
  const end = text.search(/\r|\n/);
  const header = end < 0 ? text : text.slice(0, end);
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** RFC 4180: commas (or another delimiter), double-quoted fields with "" for a quote, CRLF or LF line ends, optional BOM. */
export function readCsv(text: string, name: string, delimiter: ',' | ';' = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      if (cell.trim() !== '') throw invalid(name, [{ where: `${name}:${line}`, message: 'a quote inside an unquoted field; quote the whole field' }]);
      cell = '';
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) throw invalid(name, [{ where: `${name}:${recordLine}`, message: 'a quoted field is not closed' }]);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function invalid(name: string, errors: ErrorDetail[]): BridgeworkError {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const first = shown[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new BridgeworkError('request.invalid', `${name} is not a valid cohort: ${first.where}: ${first.message}${more}`, shown);
}
