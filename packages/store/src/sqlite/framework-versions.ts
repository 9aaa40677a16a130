// The framework_versions table: finding a version, reading its summary, listing and deleting.
// "Latest" means the most recently imported: the highest surrogate key among the stored rows
// (SQLite assigns max+1, so it grows with every import even after deletions).
import type { Database } from 'better-sqlite3';
import type { FrameworkVersionSummary } from '../framework-summary.ts';
import { SUMMARY_COLUMNS, toSummary, type VersionRow } from '../mapping/version-summary.ts';
import { statement } from './statements.ts';

const SUMMARY_SELECT = `key, ${SUMMARY_COLUMNS}`;

/** The importedAt of a stored version, or undefined. */
export function importedAtOf(db: Database, key: number): string | undefined {
  return statement(db, 'SELECT imported_at FROM framework_versions WHERE key = ?').pluck().get(key) as string | undefined;
}

export function findVersionKey(db: Database, id: string, version: string): number | undefined {
  return statement(db, 'SELECT key FROM framework_versions WHERE framework_id = ? AND version = ?').pluck().get(id, version) as
    | number
    | undefined;
}

export function latestVersionKey(db: Database, id: string): number | undefined {
  return statement(db, 'SELECT max(key) FROM framework_versions WHERE framework_id = ?').pluck().get(id) as number | null ?? undefined;
}

export function versionSummary(db: Database, key: number): FrameworkVersionSummary | undefined {
  const row = statement(db, `SELECT ${SUMMARY_SELECT} FROM framework_versions WHERE key = ?`).get(key) as VersionRow | undefined;
  return row === undefined ? undefined : toSummary(row);
}

/** All versions, or those of one framework: ids ascending, newest import first within an id. */
export function listVersionSummaries(db: Database, id?: string): FrameworkVersionSummary[] {
  const rows = (
    id === undefined
      ? statement(db, `SELECT ${SUMMARY_SELECT} FROM framework_versions ORDER BY framework_id, key DESC`).all()
      : statement(db, `SELECT ${SUMMARY_SELECT} FROM framework_versions WHERE framework_id = ? ORDER BY key DESC`).all(id)
  ) as VersionRow[];
  return rows.map(toSummary);
}

/** Child rows go with it (ON DELETE CASCADE). */
export function deleteVersion(db: Database, id: string, version: string): boolean {
  return statement(db, 'DELETE FROM framework_versions WHERE framework_id = ? AND version = ?').run(id, version).changes > 0;
}
