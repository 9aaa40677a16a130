// What readCrosswalk takes and returns, and the O*NET-SOC code check both layouts share.
import type { Crosswalk } from '@bridgework/core';
import type { ImportProgress } from '../import-result.ts';
import { sourceError } from '../source-error.ts';
import type { TableRow } from '../text/table-reader.ts';

export interface CrosswalkOptions {
  /** Id of the framework on the file's left side: the NOC (or OaSIS) or ESCO import. */
  fromFramework: string;
  /** Id of the framework on the right side: the O*NET import. */
  toFramework: string;
  /** Provenance written on every crosswalk; defaults to the publisher and file name. */
  source?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface CrosswalkResult {
  crosswalks: Crosswalk[];
  warnings: string[];
  rowsRead: Record<string, number>;
}

const ONET_SOC = /^\d{2}-\d{4}\.\d{2}$/;

export function onetCodeAt(file: string, row: TableRow, column: number): string {
  const code = row.get(column).trim();
  if (!ONET_SOC.test(code)) {
    const found = code === '' ? 'an empty field' : JSON.stringify(code);
    throw sourceError({ file, line: row.line, column: row.columnOf(column) }, `expected an O*NET-SOC code like 29-1141.00, found ${found}`);
  }
  return code;
}
