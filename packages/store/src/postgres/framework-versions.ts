// The framework_versions table on PostgreSQL: finding a version, its summary, listing, deleting.
// "Latest" is the highest key (an identity: it only grows, so it is the most recent import).
import type { FrameworkVersionSummary } from '../framework-summary.ts';
import { SUMMARY_COLUMNS, toSummary, type VersionRow } from '../mapping/version-summary.ts';
import type { Queryable } from './queryable.ts';
import { iso, NOTIFY_CHANGED } from './sql.ts';

// imported_at as the model's ISO string; the counts are integers (pg gives int4 as numbers).
const SUMMARY_SELECT = SUMMARY_COLUMNS.replace('imported_at', iso('imported_at'));

export async function findVersion(db: Queryable, id: string, version: string): Promise<{ key: string; importedAt: string } | undefined> {
  const { rows } = await db.query<{ key: string; imported_at: string }>(
    `SELECT key, ${iso('imported_at')} FROM framework_versions WHERE framework_id = $1 AND version = $2`,
    [id, version],
  );
  return rows[0] && { key: rows[0].key, importedAt: rows[0].imported_at };
}

export async function latestVersionKey(db: Queryable, id: string): Promise<string | undefined> {
  const { rows } = await db.query<{ key: string | null }>('SELECT max(key) AS key FROM framework_versions WHERE framework_id = $1', [id]);
  return rows[0]?.key ?? undefined;
}

export async function versionSummary(db: Queryable, key: string): Promise<FrameworkVersionSummary | undefined> {
  const { rows } = await db.query<VersionRow>(`SELECT ${SUMMARY_SELECT} FROM framework_versions WHERE key = $1`, [key]);
  return rows[0] && toSummary(rows[0]);
}

/** All versions, or those of one framework: ids ascending, newest import first within an id. */
export async function listVersionSummaries(db: Queryable, id?: string): Promise<FrameworkVersionSummary[]> {
  const { rows } =
    id === undefined
      ? await db.query<VersionRow>(`SELECT ${SUMMARY_SELECT} FROM framework_versions ORDER BY framework_id COLLATE "C", key DESC`)
      : await db.query<VersionRow>(`SELECT ${SUMMARY_SELECT} FROM framework_versions WHERE framework_id = $1 ORDER BY key DESC`, [id]);
  return rows.map(toSummary);
}

/** Child rows go with it (ON DELETE CASCADE); the other instances hear of it at commit. */
export async function deleteVersion(db: Queryable, id: string, version: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM framework_versions WHERE framework_id = $1 AND version = $2', [id, version]);
  if (rowCount === 0) return false;
  await db.query(NOTIFY_CHANGED);
  return true;
}
