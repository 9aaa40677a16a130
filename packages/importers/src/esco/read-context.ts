// What every reader of a release folder shares: progress reporting, the rows it read per
// file, and the rows it left out on purpose.
import type { ImportProgress } from '../import-result.ts';
import { SkippedRows } from './skipped-rows.ts';

export interface ReadContext {
  onProgress?: (progress: ImportProgress) => void;
  rowsRead: Record<string, number>;
  skipped: SkippedRows;
  warnings: string[];
}

export function readContext(onProgress?: (progress: ImportProgress) => void): ReadContext {
  return { ...(onProgress ? { onProgress } : {}), rowsRead: {}, skipped: new SkippedRows(), warnings: [] };
}
