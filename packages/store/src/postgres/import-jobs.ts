// The import_jobs table on PostgreSQL, as on SQLite.
import { KEPT_IMPORT_JOBS, type ImportJobRecord } from '../import-job.ts';
import { transaction } from './migrate.ts';
import type { Queryable } from './queryable.ts';
import { iso } from './sql.ts';

interface JobRow {
  id: string;
  created_at: string;
  updated_at: string;
  job_json: Record<string, unknown>;
}

const COLUMNS = `id, ${iso('created_at')}, ${iso('updated_at')}, job_json`;
const toRecord = (row: JobRow): ImportJobRecord => ({ id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, job: row.job_json });

export async function saveImportJob(db: Queryable, id: string, job: Record<string, unknown>, now: Date): Promise<ImportJobRecord> {
  return transaction(db, async () => {
    const { rows } = await db.query<JobRow>(
      `INSERT INTO import_jobs (id, created_at, updated_at, job_json) VALUES ($1, $2, $2, $3)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, job_json = excluded.job_json RETURNING ${COLUMNS}`,
      [id, now.toISOString(), JSON.stringify(job)],
    );
    await db.query(`DELETE FROM import_jobs WHERE id NOT IN (SELECT id FROM import_jobs ORDER BY created_at DESC, id DESC LIMIT ${KEPT_IMPORT_JOBS})`);
    return toRecord(rows[0]!);
  });
}

export async function getImportJob(db: Queryable, id: string): Promise<ImportJobRecord | undefined> {
  const { rows } = await db.query<JobRow>(`SELECT ${COLUMNS} FROM import_jobs WHERE id = $1`, [id]);
  return rows[0] && toRecord(rows[0]);
}

export async function listImportJobs(db: Queryable, limit: number): Promise<ImportJobRecord[]> {
  const { rows } = await db.query<JobRow>(`SELECT ${COLUMNS} FROM import_jobs ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map(toRecord);
}
