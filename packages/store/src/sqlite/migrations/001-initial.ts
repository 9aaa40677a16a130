// The first schema: immutable framework versions with their records, and profiles.
//
// Child rows hang off framework_versions.key (a surrogate integer) and refer to occupations and
// competencies by their ordinal within the version, not by text id: integer keys keep the
// 124,000-row requirements table small and let loading map them back with an array index.
// Records that are nested (titles, regulation, sources...) are kept whole as JSON next to the
// columns that are queried; flat, numerous records (requirements, relations, links, crosswalks)
// are plain columns. STRICT tables make SQLite reject a value of the wrong type.
import type { Migration } from '../../migration.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE framework_versions (
  key INTEGER PRIMARY KEY,
  framework_id TEXT NOT NULL,
  version TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  source_kind TEXT NOT NULL,
  source_publisher TEXT NOT NULL,
  source_release TEXT,
  source_url TEXT,
  licence_name TEXT NOT NULL,
  licence_url TEXT,
  licence_attribution TEXT NOT NULL,
  -- JSON array of locale codes
  locales TEXT NOT NULL,
  -- the whole FrameworkMeta as saved (without importedAt), so fields added later round-trip
  meta_json TEXT NOT NULL,
  occupation_count INTEGER NOT NULL,
  competency_group_count INTEGER NOT NULL,
  competency_count INTEGER NOT NULL,
  requirement_count INTEGER NOT NULL,
  relation_count INTEGER NOT NULL,
  occupation_link_count INTEGER NOT NULL,
  crosswalk_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (framework_id, version)
) STRICT;

CREATE TABLE occupations (
  version_key INTEGER NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  id TEXT NOT NULL,
  title_en TEXT NOT NULL,
  record_json TEXT NOT NULL,
  PRIMARY KEY (version_key, ordinal),
  UNIQUE (version_key, id)
) STRICT;

CREATE TABLE competency_groups (
  version_key INTEGER NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  id TEXT NOT NULL,
  parent_id TEXT,
  record_json TEXT NOT NULL,
  PRIMARY KEY (version_key, ordinal),
  UNIQUE (version_key, id)
) STRICT;

CREATE TABLE competencies (
  version_key INTEGER NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  id TEXT NOT NULL,
  label_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  group_id TEXT,
  record_json TEXT NOT NULL,
  PRIMARY KEY (version_key, ordinal),
  UNIQUE (version_key, id)
) STRICT;

-- Small fixed-size rows read in key order: WITHOUT ROWID stores them in the primary-key b-tree.
CREATE TABLE requirements (
  version_key INTEGER NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  occupation_ordinal INTEGER NOT NULL,
  competency_ordinal INTEGER NOT NULL,
  importance REAL NOT NULL CHECK (importance BETWEEN 0 AND 1),
  level REAL NOT NULL CHECK (level BETWEEN 0 AND 1),
  essential INTEGER NOT NULL CHECK (essential IN (0, 1)),
  -- SourceRating, null when the requirement has none
  source_scale TEXT,
  source_importance REAL,
  source_level REAL,
  source_relation TEXT,
  PRIMARY KEY (version_key, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE relations (
  version_key INTEGER NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  from_ordinal INTEGER NOT NULL,
  to_ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  weight REAL NOT NULL CHECK (weight BETWEEN 0 AND 1),
  source_type TEXT,
  PRIMARY KEY (version_key, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE occupation_links (
  version_key INTEGER NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  from_ordinal INTEGER NOT NULL,
  to_ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  rank INTEGER,
  source TEXT,
  PRIMARY KEY (version_key, ordinal)
) STRICT, WITHOUT ROWID;

-- Crosswalks may point into other frameworks, so occupations are kept as text ids here.
CREATE TABLE crosswalks (
  version_key INTEGER NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  from_framework TEXT NOT NULL,
  from_occupation TEXT NOT NULL,
  to_framework TEXT NOT NULL,
  to_occupation TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  source TEXT NOT NULL,
  PRIMARY KEY (version_key, ordinal)
) STRICT, WITHOUT ROWID;

-- seq orders the list and serves as the page cursor; AUTOINCREMENT never reuses one.
CREATE TABLE profiles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  label TEXT,
  profile_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
