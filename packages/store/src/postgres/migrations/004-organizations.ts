// Organizations own case files and API keys; every access to a profile is audited (as on SQLite:
// sqlite/migrations/005-organizations.ts). Profiles stored before belong to "default".
import type { Migration } from '../../migration.ts';

export const organizations: Migration = {
  version: 4,
  name: 'organizations',
  sql: /* sql */ `
CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  profile_quota integer NOT NULL CHECK (profile_quota >= 0),
  created_at timestamptz NOT NULL
);
INSERT INTO organizations (id, name, profile_quota, created_at) VALUES ('default', 'Default organization', 1000, now());

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('admin', 'counsellor')),
  organization_id text REFERENCES organizations (id),
  label text,
  digest text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

ALTER TABLE profiles ADD COLUMN organization_id text NOT NULL DEFAULT 'default' REFERENCES organizations (id);
CREATE INDEX profiles_organization ON profiles (organization_id, seq);
ALTER TABLE profile_erasures ADD COLUMN organization_id text NOT NULL DEFAULT 'default';

CREATE TABLE profile_audit (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  organization_id text NOT NULL,
  profile_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'read', 'list', 'update', 'delete', 'use')),
  actor text NOT NULL,
  request_id text
);
CREATE INDEX profile_audit_profile ON profile_audit (profile_id, seq);
CREATE INDEX profile_audit_organization ON profile_audit (organization_id, seq);
`,
};
