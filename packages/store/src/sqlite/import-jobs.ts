// The import_jobs table on SQLite: one row per job, its state as JSON, the newest kept.
import type { Database } from 'better-sqlite3';
import { KEPT_IMPORT_JOBS, type ImportJobRecord } from '../import-job.ts';
import { statement } from './statements.ts';

interface JobRow {
  id: string;
  created_at: string;
  updated_at: string;
  job_json: string;
}

const toRecord = (row: JobRow): ImportJobRecord => ({ id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, job: JSON.parse(row.job_json) as Record<string, unknown> });

export function saveImportJob(db: Database, id: string, job: Record<string, unknown>, now: string): ImportJobRecord {
  return db
    .transaction(() => {
      statement(
        db,
        `INSERT INTO import_jobs (id, created_at, updated_at, job_json) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, job_json = excluded.job_json`,
      ).run(id, now, now, JSON.stringify(job));
      statement(db, `DELETE FROM import_jobs WHERE id NOT IN (SELECT id FROM import_jobs ORDER BY created_at DESC, id DESC LIMIT ${KEPT_IMPORT_JOBS})`).run();
      return getImportJob(db, id)!;
    })
    .immediate();
}

export function getImportJob(db: Database, id: string): ImportJobRecord | undefined {
  const row = statement(db, 'SELECT id, created_at, updated_at, job_json FROM import_jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row && toRecord(row);
}

export function listImportJobs(db: Database, limit: number): ImportJobRecord[] {
  const rows = statement(db, 'SELECT id, created_at, updated_at, job_json FROM import_jobs ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as JobRow[];
  return rows.map(toRecord);
}
