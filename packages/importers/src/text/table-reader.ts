// A header-aware layer over readDelimited: columns are found by name, not position (published
// files add, reorder and misspell columns between releases), and every row must have as many
// fields as the header.
import { readDelimited, type DelimitedOptions, type DelimitedRecord } from './delimited-reader.ts';
import { sourceError } from '../source-error.ts';

export interface TableRow {
  line: number;
  /** The value of a column found by `table.column(name)`. */
  get(column: number): string;
  /** The position of a field, for errors about its value. */
  columnOf(column: number): number;
  readonly fields: readonly string[];
}

export interface Table {
  file: string;
  header: readonly string[];
  /** Index of a column by name (case-, space- and BOM-insensitive), or -1. */
  find(name: string): number;
  /** Index of a required column; throws `file:1: missing column ...` listing what was found. */
  column(name: string, ...aliases: string[]): number;
  rows(): AsyncGenerator<TableRow>;
  /** Stops reading and closes the file, for a caller that leaves before the last row. */
  close(): Promise<void>;
}

/** Header names compare after trimming, folding spaces (incl. no-break) and case. */
export function normalizeHeader(name: string): string {
  return name.replace(/\ufeff/g, '').replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

export async function openTable(path: string, options: DelimitedOptions): Promise<Table> {
  const file = options.displayName ?? path;
  const records = readDelimited(path, options);
  const first = await records.next();
  if (first.done) throw sourceError({ file, line: 1 }, 'file is empty (expected a header row)');
  const headerRecord: DelimitedRecord = first.value;
  const header = headerRecord.fields.map((h) => h.trim());
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!positions.has(key)) positions.set(key, i);
  });
  const width = header.length;

  const find = (name: string) => positions.get(normalizeHeader(name)) ?? -1;

  return {
    file,
    header,
    find,
    column(name: string, ...aliases: string[]) {
      for (const candidate of [name, ...aliases]) {
        const index = find(candidate);
        if (index >= 0) return index;
      }
      throw sourceError(
        { file, line: headerRecord.line },
        `missing column "${name}"; found ${header.map((h) => JSON.stringify(h)).join(', ')}`,
      );
    },
    async close() {
      await records.return(undefined);
    },
    async *rows() {
      for await (const record of records) {
        if (record.fields.length !== width) {
          // A lone empty field is a blank line: skip it rather than fail on trailing newlines.
          if (record.fields.length === 1 && record.fields[0]!.trim() === '') continue;
          const column = record.columns[Math.min(record.fields.length, width) - 1] ?? 1;
          throw sourceError(
            { file, line: record.line, column },
            `expected ${width} fields as in the header, found ${record.fields.length}`,
          );
        }
        yield {
          line: record.line,
          fields: record.fields,
          get: (column: number) => record.fields[column] ?? '',
          columnOf: (column: number) => record.columns[column] ?? 1,
        };
      }
    },
  };
}
