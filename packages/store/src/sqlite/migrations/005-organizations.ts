// Organizations own case files and API keys; every access to a profile is audited.
//
// Profiles stored before this migration belong to the organization "default", created here with
// the default quota; so do pending erasures. profiles.organization_id has no REFERENCES clause
// because SQLite allows one on an added column only with a NULL default: the driver checks it.
// The audit log holds ids, actions, times and request ids: no label, no profile content.
import type { Migration } from '../../migration.ts';

export const organizations: Migration = {
  version: 5,
  name: 'organizations',
  sql: /* sql */ `
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  profile_quota INTEGER NOT NULL CHECK (profile_quota >= 0),
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO organizations (id, name, profile_quota, created_at)
  VALUES ('default', 'Default organization', 1000, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('admin', 'counsellor')),
  organization_id TEXT REFERENCES organizations (id),
  label TEXT,
  digest TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;

ALTER TABLE profiles ADD COLUMN organization_id TEXT NOT NULL DEFAULT 'default';
CREATE INDEX profiles_organization ON profiles (organization_id, seq);
ALTER TABLE profile_erasures ADD COLUMN organization_id TEXT NOT NULL DEFAULT 'default';

CREATE TABLE profile_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  profile_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'read', 'list', 'update', 'delete', 'use')),
  actor TEXT NOT NULL,
  request_id TEXT
) STRICT;
CREATE INDEX profile_audit_profile ON profile_audit (profile_id, seq);
CREATE INDEX profile_audit_organization ON profile_audit (organization_id, seq);
`,
};
