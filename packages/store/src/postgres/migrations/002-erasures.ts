// Erasures not yet verified. A deleted profile's row is gone at once, but its bytes stay in the
// table's pages until the table is rewritten (VACUUM FULL), which waits for the table's lock.
// Until that is done the id is kept here, with no content, so that repeating the DELETE finishes
// the erasure instead of answering 404 while copies remain.
import type { Migration } from '../../migration.ts';

export const erasures: Migration = {
  version: 2,
  name: 'erasures',
  sql: /* sql */ `
CREATE TABLE profile_erasures (
  profile_id text PRIMARY KEY,
  requested_at timestamptz NOT NULL
);
`,
};
