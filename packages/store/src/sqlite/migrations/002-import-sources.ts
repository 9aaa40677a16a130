// What each start-up source (BRIDGEWORK_IMPORT) looked like when it was last imported, so an
// unchanged source is not read again at every start (reading ESCO takes seconds).
import type { Migration } from '../../migration.ts';

export const importSources: Migration = {
  version: 2,
  name: 'import-sources',
  sql: /* sql */ `
CREATE TABLE import_sources (
  kind TEXT NOT NULL,
  path TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  framework_id TEXT NOT NULL,
  version TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (kind, path)
) STRICT;
`,
};
