// What every O*NET file reader shares during one import: the release folder, the warnings and
// row counts it reports, and progress. Opens each file as a table (tab-separated, no quoting,
// as the text release writes it; CSV for the SOC structure) and counts its data rows.
import type { ImportProgress } from '../import-result.ts';
import { openTable, type Table, type TableRow } from '../text/table-reader.ts';
import type { ReleaseFile, ReleaseFolder } from './release-files.ts';

export interface ImportContext {
  release: ReleaseFolder;
  warnings: string[];
  rowsRead: Record<string, number>;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ReleaseTable extends Table {
  /** Rows as `table.rows()`, counted into rowsRead under the file's official name. */
  countedRows(): AsyncGenerator<TableRow>;
}

export async function openReleaseTable(context: ImportContext, file: ReleaseFile): Promise<ReleaseTable> {
  const csv = file.name.toLowerCase().endsWith('.csv');
  const report = context.onProgress;
  report?.({ phase: file.name, done: 0, total: file.bytes });
  const table = await openTable(file.path, {
    delimiter: csv ? ',' : '\t',
    quote: csv ? '"' : null,
    displayName: file.name,
    ...(report ? { onBytes: (done: number) => report({ phase: file.name, done, total: file.bytes }) } : {}),
  });
  context.rowsRead[file.name] = 0;
  return {
    ...table,
    async *countedRows() {
      let count = 0;
      try {
        for await (const row of table.rows()) {
          count++;
          yield row;
        }
      } finally {
        context.rowsRead[file.name] = count;
      }
    },
  };
}

/** Formats a count the way the summary prints it: 61,530. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "11-1011.00, 11-1011.03, 11-1021.00 and 25 more": a sample that stays one line long. */
export function sampleList(values: Iterable<string>, max = 3): string {
  const all = [...values];
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown} and ${formatCount(all.length - max)} more` : shown;
}
