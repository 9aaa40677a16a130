// Import jobs, as on SQLite (sqlite/migrations/004-import-jobs.ts): any instance answers for a job
// another instance runs.
import type { Migration } from '../../migration.ts';

export const importJobs: Migration = {
  version: 3,
  name: 'import-jobs',
  sql: /* sql */ `
CREATE TABLE import_jobs (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  job_json json NOT NULL
);
CREATE INDEX import_jobs_created ON import_jobs (created_at);
`,
};
