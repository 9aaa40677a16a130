// Organizations, API keys and the profile audit log on SQLite (organizations.ts says what they are).
import type { Database } from 'better-sqlite3';
import { BridgeworkError } from '@bridgework/core';
import {
  auditBounds,
  checkName,
  checkOrganization,
  checkQuota,
  newKeyId,
  organizationNotFound,
  toAuditPage,
  toKey,
  toOrganization,
  type ApiKeyRecord,
  type AuditAction,
  type AuditPage,
  type AuditQuery,
  type AuditRow,
  type KeyRow,
  type NewApiKeyInput,
  type Organization,
  type OrganizationInput,
  type OrganizationRow,
  type ProfileScope,
} from '../organizations.ts';
import { statement } from './statements.ts';

const ORGANIZATION = `SELECT o.id, o.name, o.profile_quota, o.created_at,
  (SELECT count(*) FROM profiles p WHERE p.organization_id = o.id) AS profiles FROM organizations o`;
const KEY = 'SELECT id, role, organization_id, label, created_at, revoked_at FROM api_keys';

export function getOrganization(db: Database, id: string): Organization | undefined {
  const row = statement(db, `${ORGANIZATION} WHERE o.id = ?`).get(id) as OrganizationRow | undefined;
  return row && toOrganization(row);
}

export function listOrganizations(db: Database): Organization[] {
  return (statement(db, `${ORGANIZATION} ORDER BY o.id`).all() as OrganizationRow[]).map(toOrganization);
}

export function createOrganization(db: Database, input: OrganizationInput, now: string, ifMissing = false): Organization {
  const org = checkOrganization(input);
  return db
    .transaction(() => {
      const existing = getOrganization(db, org.id);
      if (existing) {
        if (ifMissing) return existing;
        throw new BridgeworkError('organization.exists', `organization "${org.id}" exists already`, [{ where: 'id', message: 'exists' }]);
      }
      statement(db, 'INSERT INTO organizations (id, name, profile_quota, created_at) VALUES (?, ?, ?, ?)').run(org.id, org.name, org.profileQuota, now);
      return getOrganization(db, org.id)!;
    })
    .immediate();
}

export function updateOrganization(db: Database, id: string, patch: { name?: string; profileQuota?: number }): Organization {
  return db
    .transaction(() => {
      if (!getOrganization(db, id)) throw organizationNotFound(id);
      if (patch.name !== undefined) statement(db, 'UPDATE organizations SET name = ? WHERE id = ?').run(checkName(patch.name), id);
      if (patch.profileQuota !== undefined) statement(db, 'UPDATE organizations SET profile_quota = ? WHERE id = ?').run(checkQuota(patch.profileQuota), id);
      return getOrganization(db, id)!;
    })
    .immediate();
}

export function createApiKey(db: Database, input: NewApiKeyInput, now: string): ApiKeyRecord {
  return db
    .transaction(() => {
      if (input.organization !== undefined && !getOrganization(db, input.organization)) throw organizationNotFound(input.organization);
      const id = newKeyId();
      statement(db, 'INSERT INTO api_keys (id, role, organization_id, label, digest, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        id,
        input.role,
        input.organization ?? null,
        input.label ?? null,
        input.digest,
        now,
      );
      return toKey(statement(db, `${KEY} WHERE id = ?`).get(id) as KeyRow);
    })
    .immediate();
}

export function listApiKeys(db: Database, organization?: string): ApiKeyRecord[] {
  const rows = (
    organization === undefined ? statement(db, `${KEY} ORDER BY created_at, id`).all() : statement(db, `${KEY} WHERE organization_id = ? ORDER BY created_at, id`).all(organization)
  ) as KeyRow[];
  return rows.map(toKey);
}

export function revokeApiKey(db: Database, id: string, now: string): boolean {
  return statement(db, 'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
}

export function findApiKey(db: Database, digest: string): ApiKeyRecord | undefined {
  const row = statement(db, `${KEY} WHERE digest = ? AND revoked_at IS NULL`).get(digest) as KeyRow | undefined;
  return row && toKey(row);
}

export function audit(db: Database, scope: ProfileScope, action: AuditAction, profileIds: readonly string[], now: string): void {
  const insert = statement(db, 'INSERT INTO profile_audit (at, organization_id, profile_id, action, actor, request_id) VALUES (?, ?, ?, ?, ?, ?)');
  for (const id of profileIds) insert.run(now, scope.organization, id, action, scope.actor, scope.requestId ?? null);
}

export function listAudit(db: Database, query: AuditQuery): AuditPage {
  const { limit, before } = auditBounds(query);
  const where = ['seq < ?'];
  const values: unknown[] = [before];
  if (query.organization !== undefined) {
    where.push('organization_id = ?');
    values.push(query.organization);
  }
  if (query.profileId !== undefined) {
    where.push('profile_id = ?');
    values.push(query.profileId);
  }
  const rows = db
    .prepare(`SELECT seq, at, organization_id, profile_id, action, actor, request_id FROM profile_audit WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
    .all(...values, limit + 1) as AuditRow[];
  return toAuditPage(rows, limit);
}
