// The import_sources table: one row per start-up source, replaced at each import.
import type { Database } from 'better-sqlite3';
import type { ImportSourceRecord } from '../store.ts';
import { statement } from './statements.ts';

interface ImportSourceRow {
  kind: string;
  path: string;
  fingerprint: string;
  framework_id: string;
  version: string;
  recorded_at: string;
}

export function getImportSource(db: Database, kind: string, path: string): ImportSourceRecord | undefined {
  const row = statement(db, 'SELECT * FROM import_sources WHERE kind = ? AND path = ?').get(kind, path) as ImportSourceRow | undefined;
  return row && { kind: row.kind, path: row.path, fingerprint: row.fingerprint, frameworkId: row.framework_id, version: row.version, recordedAt: row.recorded_at };
}

export function recordImportSource(db: Database, record: ImportSourceRecord, now: string): void {
  statement(
    db,
    `INSERT INTO import_sources (kind, path, fingerprint, framework_id, version, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, path) DO UPDATE SET fingerprint = excluded.fingerprint, framework_id = excluded.framework_id,
       version = excluded.version, recorded_at = excluded.recorded_at`,
  ).run(record.kind, record.path, record.fingerprint, record.frameworkId, record.version, now);
}
