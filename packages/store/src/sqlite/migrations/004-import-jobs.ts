// Import jobs: an import runs in a child process while the server serves; its state (queued,
// running with progress, succeeded with the report, failed with the problem) is kept here so that
// any process on the database (a cluster's workers, several instances) can answer for it.
import type { Migration } from '../../migration.ts';

export const importJobs: Migration = {
  version: 4,
  name: 'import-jobs',
  sql: /* sql */ `
CREATE TABLE import_jobs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  job_json TEXT NOT NULL
) STRICT;
CREATE INDEX import_jobs_created ON import_jobs (created_at);
`,
};
