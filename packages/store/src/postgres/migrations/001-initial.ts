// The PostgreSQL schema: the same tables as SQLite's (framework versions with their records,
// profiles, import sources), in PostgreSQL's types.
//
// Child rows hang off framework_versions.key (an identity that only grows, so the highest key is
// the latest import) and refer to occupations and competencies by ordinal within the version.
// Nested records are kept whole as json (the text as written, key order kept) beside the queried
// columns; the numerous flat records are plain columns. Times are timestamptz, read back as ISO
// 8601 strings. Profiles hold personal data: no statistics are gathered on their columns, because
// ANALYZE keeps sample values (most common values, histogram bounds) in pg_statistic.
import type { Migration } from '../../migration.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE framework_versions (
  key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  framework_id text NOT NULL,
  version text NOT NULL,
  name text NOT NULL,
  description text,
  source_kind text NOT NULL,
  source_publisher text NOT NULL,
  source_release text,
  source_url text,
  licence_name text NOT NULL,
  licence_url text,
  licence_attribution text NOT NULL,
  locales jsonb NOT NULL,
  meta_json json NOT NULL,
  occupation_count integer NOT NULL,
  competency_group_count integer NOT NULL,
  competency_count integer NOT NULL,
  requirement_count integer NOT NULL,
  relation_count integer NOT NULL,
  occupation_link_count integer NOT NULL,
  crosswalk_count integer NOT NULL,
  imported_at timestamptz NOT NULL,
  CONSTRAINT framework_versions_id_version UNIQUE (framework_id, version)
);

CREATE TABLE occupations (
  version_key bigint NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  id text NOT NULL,
  title_en text NOT NULL,
  record_json json NOT NULL,
  PRIMARY KEY (version_key, ordinal),
  UNIQUE (version_key, id)
);

CREATE TABLE competency_groups (
  version_key bigint NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  id text NOT NULL,
  parent_id text,
  record_json json NOT NULL,
  PRIMARY KEY (version_key, ordinal),
  UNIQUE (version_key, id)
);

CREATE TABLE competencies (
  version_key bigint NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  id text NOT NULL,
  label_en text NOT NULL,
  kind text NOT NULL,
  group_id text,
  record_json json NOT NULL,
  PRIMARY KEY (version_key, ordinal),
  UNIQUE (version_key, id)
);

CREATE TABLE requirements (
  version_key bigint NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  occupation_ordinal integer NOT NULL,
  competency_ordinal integer NOT NULL,
  importance double precision NOT NULL CHECK (importance BETWEEN 0 AND 1),
  level double precision NOT NULL CHECK (level BETWEEN 0 AND 1),
  essential boolean NOT NULL,
  source_scale text,
  source_importance double precision,
  source_level double precision,
  source_relation text,
  PRIMARY KEY (version_key, ordinal)
);

CREATE TABLE relations (
  version_key bigint NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  from_ordinal integer NOT NULL,
  to_ordinal integer NOT NULL,
  type text NOT NULL,
  weight double precision NOT NULL CHECK (weight BETWEEN 0 AND 1),
  source_type text,
  PRIMARY KEY (version_key, ordinal)
);

CREATE TABLE occupation_links (
  version_key bigint NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  from_ordinal integer NOT NULL,
  to_ordinal integer NOT NULL,
  type text NOT NULL,
  rank integer,
  source text,
  PRIMARY KEY (version_key, ordinal)
);

CREATE TABLE crosswalks (
  version_key bigint NOT NULL REFERENCES framework_versions (key) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  from_framework text NOT NULL,
  from_occupation text NOT NULL,
  to_framework text NOT NULL,
  to_occupation text NOT NULL,
  confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  source text NOT NULL,
  PRIMARY KEY (version_key, ordinal)
);

CREATE TABLE profiles (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  label text,
  profile_json jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
ALTER TABLE profiles ALTER COLUMN label SET STATISTICS 0, ALTER COLUMN profile_json SET STATISTICS 0;

CREATE TABLE import_sources (
  kind text NOT NULL,
  path text NOT NULL,
  fingerprint text NOT NULL,
  framework_id text NOT NULL,
  version text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (kind, path)
);
`,
};
