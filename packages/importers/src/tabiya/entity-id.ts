// Ids of Tabiya entities. Within a Tabiya export, rows refer to each other by ID (`key_123`),
// which means nothing outside the file set; the framework id is the ESCO concept URI's UUID
// when ORIGINURI holds one (so that the Tabiya and the official imports agree), else the
// Tabiya ID. Local occupations (Tabiya's own, OCCUPATIONTYPE localoccupation) keep their
// Tabiya ID even when ORIGINURI names the ESCO occupation they were copied from: that id
// belongs to the ESCO occupation itself.
import type { Table, TableRow } from '../text/table-reader.ts';
import type { Catalogue } from '../esco/catalogue.ts';
import { conceptId } from '../esco/concept-id.ts';
import { fieldError } from '../esco/row-values.ts';

/** The row's Tabiya ID: required, without whitespace (it may become the framework id). */
export function tabiyaIdAt(table: Table, row: TableRow, column: number): string {
  const id = row.get(column).trim();
  if (id === '' || /\s/.test(id)) {
    throw fieldError(table, row, column, `${table.header[column]} must be a non-empty id without spaces, found ${JSON.stringify(row.get(column))}`);
  }
  return id;
}

export function entityId(originUri: string, tabiyaId: string, local = false): string {
  return (local ? undefined : conceptId(originUri.trim())) ?? tabiyaId;
}

/** Framework ids by Tabiya ID, to resolve the relation and hierarchy files. */
export type TabiyaKeys = Map<string, number>;

/** Adds a record under its framework id and its Tabiya ID; either repeated is an error. */
export function addKeyed<T extends { id: string }>(
  catalogue: Catalogue<T>,
  keys: TabiyaKeys,
  item: T,
  tabiyaId: string,
  table: Table,
  row: TableRow,
  originColumn: number,
  idColumn: number,
): void {
  if (keys.has(tabiyaId)) throw fieldError(table, row, idColumn, `duplicate ID ${tabiyaId}`);
  const first = catalogue.add(item, row.line);
  if (first !== undefined) {
    const column = item.id === tabiyaId ? idColumn : originColumn;
    throw fieldError(table, row, column, `duplicate ${item.id === tabiyaId ? 'ID' : 'ORIGINURI'} ${row.get(column).trim()} (first at line ${first})`);
  }
  keys.set(tabiyaId, catalogue.size - 1);
}
