// Reading the cells of an O*NET text file: what counts as empty, numbers, Y/N flags and
// O*NET-SOC codes. Every bad value becomes `file:line:column: <column> must be ..., found "..."`.
// One reader per table, called with (row, column): no object per row or cell, since rating
// files have tens of thousands of rows.
import { sourceError } from '../source-error.ts';
import type { Table, TableRow } from '../text/table-reader.ts';

/**
 * The text release writes NULL as `n/a`; copies made from the Excel files leave the cell blank.
 * Both mean "no value", in any column, numeric ones included.
 */
export function isEmptyCell(value: string): boolean {
  const v = value.trim();
  return v === '' || v === 'n/a' || v === 'N/A';
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

export class CellReader {
  constructor(private readonly table: Table) {}

  /** The column's name as the header spells it. */
  name(column: number): string {
    return this.table.header[column] ?? `column ${column + 1}`;
  }

  /** The trimmed text, or undefined when empty (blank or n/a). */
  text(row: TableRow, column: number): string | undefined {
    const raw = row.get(column);
    return isEmptyCell(raw) ? undefined : raw.trim();
  }

  /** The trimmed text; an empty cell is an error. */
  required(row: TableRow, column: number): string {
    const text = this.text(row, column);
    if (text === undefined) throw this.error(row, column, `${this.name(column)} must not be empty`);
    return text;
  }

  /** A decimal number as the release writes it (`4.12`, `5`, `-0.5`); undefined when empty. */
  number(row: TableRow, column: number): number | undefined {
    const text = this.text(row, column);
    if (text === undefined) return undefined;
    if (!NUMBER.test(text)) throw this.error(row, column, `${this.name(column)} must be a number, found ${JSON.stringify(row.get(column))}`);
    return Number(text);
  }

  /** A whole number in [min, max]; an empty cell is an error. */
  integer(row: TableRow, column: number, min: number, max: number): number {
    const text = this.text(row, column) ?? '';
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(value >= min && value <= max)) {
      throw this.error(row, column, `${this.name(column)} must be a whole number from ${min} to ${max}, found ${JSON.stringify(row.get(column))}`);
    }
    return value;
  }

  /** `Y` or `N` (any case); undefined when empty. */
  flag(row: TableRow, column: number): boolean | undefined {
    const text = this.text(row, column);
    if (text === undefined) return undefined;
    if (text === 'Y' || text === 'y') return true;
    if (text === 'N' || text === 'n') return false;
    throw this.error(row, column, `${this.name(column)} must be Y, N, blank or n/a, found ${JSON.stringify(row.get(column))}`);
  }

  /** An O*NET-SOC code such as 29-1141.00. */
  onetSocCode(row: TableRow, column: number): string {
    const text = row.get(column).trim();
    if (!ONET_SOC_CODE.test(text)) {
      throw this.error(row, column, `${this.name(column)} must be an O*NET-SOC code like 29-1141.00, found ${JSON.stringify(row.get(column))}`);
    }
    return text;
  }

  /** An error pointing at the cell: `file:line:column: message`. */
  error(row: TableRow, column: number, message: string) {
    return sourceError({ file: this.table.file, line: row.line, column: row.columnOf(column) }, message);
  }
}
