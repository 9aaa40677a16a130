// The import_sources table on PostgreSQL: one row per start-up source, replaced at each import.
import type { ImportSourceRecord } from '../store.ts';
import type { Queryable } from './queryable.ts';
import { iso } from './sql.ts';

interface ImportSourceRow {
  kind: string;
  path: string;
  fingerprint: string;
  framework_id: string;
  version: string;
  recorded_at: string;
}

export async function getImportSource(db: Queryable, kind: string, path: string): Promise<ImportSourceRecord | undefined> {
  const { rows } = await db.query<ImportSourceRow>(
    `SELECT kind, path, fingerprint, framework_id, version, ${iso('recorded_at')} FROM import_sources WHERE kind = $1 AND path = $2`,
    [kind, path],
  );
  const row = rows[0];
  return row && { kind: row.kind, path: row.path, fingerprint: row.fingerprint, frameworkId: row.framework_id, version: row.version, recordedAt: row.recorded_at };
}

export async function recordImportSource(db: Queryable, record: ImportSourceRecord, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO import_sources (kind, path, fingerprint, framework_id, version, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (kind, path) DO UPDATE SET fingerprint = excluded.fingerprint, framework_id = excluded.framework_id,
       version = excluded.version, recorded_at = excluded.recorded_at`,
    [record.kind, record.path, record.fingerprint, record.frameworkId, record.version, now.toISOString()],
  );
}
