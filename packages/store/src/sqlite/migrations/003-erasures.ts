// Erasures not yet verified, and a table to probe that the database takes writes.
//
// A deleted profile's row is gone at once, but old copies of its pages stay in the write-ahead
// log until a checkpoint can reset it (not while another connection reads an older snapshot).
// Until that is done the id is kept here, with no content, so that repeating the DELETE finishes
// the erasure instead of answering 404 while copies remain. store_probe is written, and rolled
// back, by readiness checks: a database opened read-only fails there first.
import type { Migration } from '../../migration.ts';

export const erasures: Migration = {
  version: 3,
  name: 'erasures',
  sql: /* sql */ `
CREATE TABLE profile_erasures (
  profile_id TEXT PRIMARY KEY,
  requested_at TEXT NOT NULL
) STRICT;

CREATE TABLE store_probe (
  id INTEGER PRIMARY KEY
) STRICT;
`,
};
