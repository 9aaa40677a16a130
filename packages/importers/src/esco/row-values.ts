// Reading one field of a row with the checks a release file needs, each failure reported as
// `file:line:column: <column> must be <expected>, found "<value>"`.
import type { Table, TableRow } from '../text/table-reader.ts';
import { sourceError } from '../source-error.ts';
import { conceptId } from './concept-id.ts';
import type { BridgeworkError } from '@bridgework/core';

/**
 * An error about one field's value. A record may span lines (a multi-line label list before
 * the field), so the field's line is the record's first line plus the line breaks in the
 * fields before it.
 */
export function fieldError(table: Table, row: TableRow, column: number, message: string): BridgeworkError {
  let line = row.line;
  for (let i = 0; i < column; i++) {
    const field = row.fields[i] ?? '';
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) line++;
  }
  return sourceError({ file: table.file, line, column: row.columnOf(column) }, message);
}

export function unexpectedValue(table: Table, row: TableRow, column: number, expected: string): BridgeworkError {
  return fieldError(table, row, column, `${table.header[column]} must be ${expected}, found ${JSON.stringify(row.get(column))}`);
}

/** The id of the ESCO concept URI in this field; anything else is an error. */
export function conceptIdAt(table: Table, row: TableRow, column: number): string {
  const id = conceptId(row.get(column).trim());
  if (id === undefined) throw unexpectedValue(table, row, column, 'an ESCO concept URI (http://data.europa.eu/esco/...)');
  return id;
}

/** A value that must not be empty (a preferred label). */
export function requiredText(table: Table, row: TableRow, column: number): string {
  const text = row.get(column).trim();
  if (text === '') throw fieldError(table, row, column, `${table.header[column]} must not be empty`);
  return text;
}

