// A cohort as CSV, the way a bridging-program coordinator keeps it in a spreadsheet: one row per
// person, `label,occupation,years,province,languageLevel` and any number of `competency:<id>`
// columns holding levels in [0,1]. Used by `bridgework gaps --cohort` and POST /v1/gaps/cohort.
import { BridgeworkError, describeZodIssue, Profile, type ErrorDetail, type ProfileInput } from '@bridgework/core';
import { format, MAX_COHORT_LEVELS, MAX_COHORT_SIZE } from './limits.ts';

export { MAX_COHORT_SIZE };

export const COHORT_COLUMNS = ['label', 'occupation', 'years', 'province', 'languageLevel'] as const;
const REQUIRED_COLUMNS = ['label', 'occupation'] as const;
export const COMPETENCY_COLUMN_PREFIX = 'competency:';
const MAX_REPORTED_ERRORS = 50;

interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

/**
 * Parses the cohort, every row through the core Profile schema. Throws `request.invalid` listing
 * every problem as `<name>:<line>: column <column>: <what is wrong>`, so one pass fixes the file.
 * O(size of the text), with at most MAX_COHORT_SIZE rows of MAX_CSV_COLUMNS cells kept: 1 MiB of
 * blank lines costs a few milliseconds and no memory (it cost 0.8 s and 260 MiB of heap).
 */
export function parseCohortCsv(text: string, name = 'cohort.csv'): Profile[] {
  // Spreadsheets set to French (and other locales) save "CSV" with semicolons and decimal commas.
  const delimiter = delimiterOf(text);
  const decimalComma = delimiter === ';';
  const records = readCsv(text, name, delimiter, { maxRows: MAX_COHORT_SIZE });
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

  // readCsv kept no blank record and stopped past MAX_COHORT_SIZE rows.
  const rows = records;
  if (rows.length === 0) throw new BridgeworkError('cohort.empty', `${name}: the cohort has no rows below the header`);
  // Counted before any row is validated: validating a level is most of what a row costs.
  const competencyColumns = columns.flatMap((column, i) => (column.startsWith(COMPETENCY_COLUMN_PREFIX) ? [i] : []));
  let levels = 0;
  for (const row of rows) for (const i of competencyColumns) if ((row.cells[i] ?? '').trim() !== '') levels++;
  if (levels > MAX_COHORT_LEVELS) {
    throw invalid(name, [{ where: name, message: `${format(levels)} competency levels; at most ${format(MAX_COHORT_LEVELS)} per cohort` }]);
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

/** Columns a cohort file may have: the five named ones and competency columns. Bounds the work per row. */
export const MAX_CSV_COLUMNS = 1000;
/** Characters in one cell: the longest value a column takes (an occupation title) is 300. */
export const MAX_CSV_CELL = 1000;

export interface ReadCsvLimits {
  /** Records after the first (the header) beyond which reading stops with an error. */
  maxRows?: number;
}

/**
 * RFC 4180: commas (or another delimiter), double-quoted fields with "" for a quote, CRLF or LF
 * line ends, optional BOM. Blank records (every cell empty or spaces) are skipped as they are
 * read, without being kept, so a body of empty lines costs its length and no memory; a record
 * of more than MAX_CSV_COLUMNS cells, a cell of more than MAX_CSV_CELL characters, or more than
 * `maxRows` records below the header stop the reading with an error naming the limit.
 * O(length of the text); memory O(cells of the records kept).
 */
export function readCsv(text: string, name: string, delimiter: ',' | ';' = ',', limits: ReadCsvLimits = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  const maxRecords = limits.maxRows === undefined ? Infinity : limits.maxRows + 1;
  const delimiterCode = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let blank = true;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const tooLong = () => invalid(name, [{ where: `${name}:${line}`, message: `a cell longer than ${MAX_CSV_CELL} characters` }]);
  const push = (cell: string) => {
    if (cell.length > MAX_CSV_CELL) throw tooLong();
    if (cells.length === MAX_CSV_COLUMNS) {
      throw invalid(name, [{ where: `${name}:${recordLine}`, message: `more than ${MAX_CSV_COLUMNS} cells in a row; a cohort file has at most ${MAX_CSV_COLUMNS} columns` }]);
    }
    if (blank && cell.trim() !== '') blank = false;
    cells.push(cell);
  };
  const endRecord = () => {
    if (!blank) {
      if (records.length === maxRecords) {
        throw invalid(name, [{ where: name, message: `more than ${limits.maxRows} rows; at most ${limits.maxRows} people per cohort` }]);
      }
      records.push({ line: recordLine, cells });
      cells = [];
    } else cells.length = 0; // a blank record's array is used again
    blank = true;
  };
  while (i < n) {
    // Blank lines between records are skipped here, allocating nothing.
    if (cells.length === 0) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) {
        i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        line++;
        recordLine = line;
        continue;
      }
    }
    // One field per turn of this loop.
    if (text.charCodeAt(i) === 0x22) {
      // Quoted: up to the closing quote, "" standing for a quote.
      let value = '';
      let from = ++i;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) throw invalid(name, [{ where: `${name}:${recordLine}`, message: 'a quoted field is not closed' }]);
        value += text.slice(from, close);
        if (value.length > MAX_CSV_CELL) throw tooLong();
        if (text.charCodeAt(close + 1) === 0x22) {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      line += countNewlines(value);
      push(value);
      const next = text.charCodeAt(i);
      if (i < n && next !== delimiterCode && next !== 0x0a && next !== 0x0d) {
        // Spaces after the closing quote are tolerated, as spreadsheets write them.
        const rest = /^[ \t]*/.exec(text.slice(i, i + MAX_CSV_CELL))![0].length;
        i += rest;
        const after = text.charCodeAt(i);
        if (i < n && after !== delimiterCode && after !== 0x0a && after !== 0x0d) {
          throw invalid(name, [{ where: `${name}:${line}`, message: 'a quote inside an unquoted field; quote the whole field' }]);
        }
      }
    } else {
      // Unquoted: up to the next delimiter or line end.
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === delimiterCode || c === 0x0a || c === 0x0d) break;
        if (c === 0x22) {
          if (text.slice(i, end).trim() !== '') {
            throw invalid(name, [{ where: `${name}:${line}`, message: 'a quote inside an unquoted field; quote the whole field' }]);
          }
          break;
        }
        end++;
        if (end - i > MAX_CSV_CELL) throw tooLong();
      }
      if (end < n && text.charCodeAt(end) === 0x22) {
        // Spaces before an opening quote: the quoted field follows.
        i = end;
        continue;
      }
      push(text.slice(i, end));
      i = end;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === delimiterCode) {
      i++;
      // A delimiter at the very end still closes a field: "a," has two cells.
      if (i === n) push('');
    } else {
      // A line end (CRLF or LF, or a lone CR).
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    }
  }
  if (cells.length > 0) endRecord();
  return records;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function invalid(name: string, errors: ErrorDetail[]): BridgeworkError {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const first = shown[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new BridgeworkError('request.invalid', `${name} is not a valid cohort: ${first.where}: ${first.message}${more}`, shown);
}
