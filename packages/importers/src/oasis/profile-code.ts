// OaSIS profile codes: a NOC 2021 unit group and a two-digit profile number, `31301.00`. The
// published files were saved through a spreadsheet that read codes as numbers: `95109.00` lost its
// decimals (`95109`) and `31100.10` its trailing zero (`31100.1`). Both are restored here.
import { sourceError } from '../source-error.ts';
import type { TableRow } from '../text/table-reader.ts';

const PROFILE_CODE = /^(\d{5})(?:\.(\d{1,2}))?$/;

/** `31301.00` as is, `95109` -> `95109.00`, `31100.1` -> `31100.10`; undefined for anything else. */
export function normalizeProfileCode(raw: string): string | undefined {
  const match = PROFILE_CODE.exec(raw.trim());
  if (!match) return undefined;
  return `${match[1]}.${(match[2] ?? '').padEnd(2, '0')}`;
}

/** The normalised code in a row's column, or an error at file:line:column. */
export function profileCodeAt(file: string, row: TableRow, column: number): string {
  const raw = row.get(column);
  const code = normalizeProfileCode(raw);
  if (code === undefined) {
    const found = raw.trim() === '' ? 'an empty field' : JSON.stringify(raw.trim());
    throw sourceError({ file, line: row.line, column: row.columnOf(column) }, `expected an OaSIS profile code like 31301.00, found ${found}`);
  }
  return code;
}
