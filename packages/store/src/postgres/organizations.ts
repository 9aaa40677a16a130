// Organizations, API keys and the profile audit log on PostgreSQL (organizations.ts says what they are).
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
import { transaction } from './migrate.ts';
import type { Queryable } from './queryable.ts';
import { iso } from './sql.ts';

const ORGANIZATION = `SELECT o.id, o.name, o.profile_quota, ${iso('o.created_at', 'created_at')},
  (SELECT count(*) FROM profiles p WHERE p.organization_id = o.id) AS profiles FROM organizations o`;
const KEY = `SELECT id, role, organization_id, label, ${iso('created_at')}, ${iso('revoked_at')} FROM api_keys`;

export async function getOrganization(db: Queryable, id: string): Promise<Organization | undefined> {
  const { rows } = await db.query<OrganizationRow>(`${ORGANIZATION} WHERE o.id = $1`, [id]);
  return rows[0] && toOrganization(rows[0]);
}

export async function listOrganizations(db: Queryable): Promise<Organization[]> {
  return (await db.query<OrganizationRow>(`${ORGANIZATION} ORDER BY o.id`)).rows.map(toOrganization);
}

export async function createOrganization(db: Queryable, input: OrganizationInput, now: Date, ifMissing = false): Promise<Organization> {
  const org = checkOrganization(input);
  const { rowCount } = await db.query('INSERT INTO organizations (id, name, profile_quota, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
    org.id,
    org.name,
    org.profileQuota,
    now.toISOString(),
  ]);
  if (rowCount === 0 && !ifMissing) throw new BridgeworkError('organization.exists', `organization "${org.id}" exists already`, [{ where: 'id', message: 'exists' }]);
  return (await getOrganization(db, org.id))!;
}

export async function updateOrganization(db: Queryable, id: string, patch: { name?: string; profileQuota?: number }): Promise<Organization> {
  return transaction(db, async () => {
    const { rowCount } = await db.query('SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE', [id]);
    if (rowCount === 0) throw organizationNotFound(id);
    if (patch.name !== undefined) await db.query('UPDATE organizations SET name = $1 WHERE id = $2', [checkName(patch.name), id]);
    if (patch.profileQuota !== undefined) await db.query('UPDATE organizations SET profile_quota = $1 WHERE id = $2', [checkQuota(patch.profileQuota), id]);
    return (await getOrganization(db, id))!;
  });
}

export async function createApiKey(db: Queryable, input: NewApiKeyInput, now: Date): Promise<ApiKeyRecord> {
  if (input.organization !== undefined && !(await getOrganization(db, input.organization))) throw organizationNotFound(input.organization);
  const id = newKeyId();
  await db.query('INSERT INTO api_keys (id, role, organization_id, label, digest, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    input.role,
    input.organization ?? null,
    input.label ?? null,
    input.digest,
    now.toISOString(),
  ]);
  return toKey((await db.query<KeyRow>(`${KEY} WHERE id = $1`, [id])).rows[0]!);
}

export async function listApiKeys(db: Queryable, organization?: string): Promise<ApiKeyRecord[]> {
  const { rows } =
    organization === undefined
      ? await db.query<KeyRow>(`${KEY} ORDER BY created_at, id`)
      : await db.query<KeyRow>(`${KEY} WHERE organization_id = $1 ORDER BY created_at, id`, [organization]);
  return rows.map(toKey);
}

export async function revokeApiKey(db: Queryable, id: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now.toISOString(), id]);
  return (rowCount ?? 0) > 0;
}

export async function findApiKey(db: Queryable, digest: string): Promise<ApiKeyRecord | undefined> {
  const { rows } = await db.query<KeyRow>(`${KEY} WHERE digest = $1 AND revoked_at IS NULL`, [digest]);
  return rows[0] && toKey(rows[0]);
}

export async function audit(db: Queryable, scope: ProfileScope, action: AuditAction, profileIds: readonly string[], now: Date): Promise<void> {
  if (profileIds.length === 0) return;
  await db.query(
    'INSERT INTO profile_audit (at, organization_id, profile_id, action, actor, request_id) SELECT $1, $2, unnest($3::text[]), $4, $5, $6',
    [now.toISOString(), scope.organization, profileIds, action, scope.actor, scope.requestId ?? null],
  );
}

export async function listAudit(db: Queryable, query: AuditQuery): Promise<AuditPage> {
  const { limit, before } = auditBounds(query);
  const where = ['seq < $1'];
  const values: unknown[] = [before];
  if (query.organization !== undefined) {
    values.push(query.organization);
    where.push(`organization_id = $${values.length}`);
  }
  if (query.profileId !== undefined) {
    values.push(query.profileId);
    where.push(`profile_id = $${values.length}`);
  }
  values.push(limit + 1);
  const { rows } = await db.query<AuditRow>(
    `SELECT seq, ${iso('at')}, organization_id, profile_id, action, actor, request_id FROM profile_audit WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${values.length}`,
    values,
  );
  return toAuditPage(rows, limit);
}
