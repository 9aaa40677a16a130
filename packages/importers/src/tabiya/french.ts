// The fr/ files of a Tabiya export repeat the base files' IDs with French text: each row is
// handed, by Tabiya ID, to the reader that owns the entity.
import type { ReadContext } from '../esco/read-context.ts';
import { openCsv, type SourceFile } from '../esco/source-files.ts';
import { tabiyaIdAt } from './entity-id.ts';

/** A column's value in the current row by name; '' when the file has no such column. */
export type FrenchRow = (column: string) => string;

/**
 * `apply` says whether the ID was known; unknown IDs are skipped and counted under `reason`.
 * O(rows); column positions are looked up once per name.
 */
export async function mergeFrench(
  file: SourceFile,
  ctx: ReadContext,
  reason: string,
  apply: (tabiyaId: string, value: FrenchRow) => boolean,
): Promise<void> {
  const table = await openCsv(file, ctx.onProgress);
  const id = table.column('ID');
  table.column('PREFERREDLABEL');
  const positions = new Map<string, number>();
  const position = (name: string) => {
    let index = positions.get(name);
    if (index === undefined) positions.set(name, (index = table.find(name)));
    return index;
  };
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const tabiyaId = tabiyaIdAt(table, row, id);
    const value: FrenchRow = (name) => {
      const index = position(name);
      return index >= 0 ? row.get(index) : '';
    };
    if (!apply(tabiyaId, value)) ctx.skipped.add(file.name, reason, row.line, tabiyaId);
  }
  ctx.rowsRead[file.name] = rows;
}
