// Case files belong to organizations (an agency, a settlement office), and so do the API keys of
// their counsellors: a counsellor reads, lists and changes only the organization's profiles, an
// organization holds at most its quota of them, and every access to a profile is recorded in an
// audit log that holds who, what, when and which profile, never the profile itself.
import { randomBytes } from 'node:crypto';
import { BridgeworkError, codePointLength } from '@bridgework/core';

export interface Organization {
  /** A slug: lower-case letters, digits and dashes, e.g. `ottawa-settlement`. */
  id: string;
  name: string;
  /** Profiles it may hold; creating one more is refused with profile.quota_exceeded. */
  profileQuota: number;
  /** Profiles it holds now. */
  profiles: number;
  createdAt: string;
}

export interface OrganizationInput {
  id: string;
  name: string;
  profileQuota: number;
}

export type KeyRole = 'admin' | 'counsellor';

export interface ApiKeyRecord {
  /** Public id of the key (not the secret), e.g. `key_3f9c2a61b7d04e1a`. */
  id: string;
  role: KeyRole;
  /** The organization whose profiles the key may use; an admin key may have none. */
  organization?: string;
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

export interface NewApiKeyInput {
  role: KeyRole;
  organization?: string;
  label?: string;
  /** SHA-256 of the secret, hex: the store never sees the secret. */
  digest: string;
}

/** Who touches a profile and on whose behalf: the organization's profiles only, recorded in the audit log. */
export interface ProfileScope {
  organization: string;
  /** The key's id (`key_...`, or `env:<n>` for a key from BRIDGEWORK_API_KEYS). */
  actor: string;
  requestId?: string;
}

/** What was done to a profile: `use` is an analysis of a stored profile (profileId, profileIds). */
export type AuditAction = 'create' | 'read' | 'list' | 'update' | 'delete' | 'use';

export interface AuditEntry {
  at: string;
  organization: string;
  profileId: string;
  action: AuditAction;
  actor: string;
  requestId?: string;
}

export interface AuditQuery {
  organization?: string;
  profileId?: string;
  /** 1..500 (100). */
  limit?: number;
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string;
}

export const DEFAULT_ORGANIZATION = 'default';
export const DEFAULT_PROFILE_QUOTA = 1000;
const MAX_QUOTA = 1_000_000;

export function checkOrganization(input: OrganizationInput): OrganizationInput {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.id)) {
    throw new BridgeworkError('request.invalid', `organization id "${input.id}" must be lower-case letters, digits and dashes (at most 63)`, [{ where: 'id', message: 'not a slug' }]);
  }
  return { id: input.id, name: checkName(input.name), profileQuota: checkQuota(input.profileQuota) };
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  const length = codePointLength(trimmed);
  if (length === 0 || length > 200) throw new BridgeworkError('request.invalid', 'name must be 1 to 200 characters', [{ where: 'name', message: 'length' }]);
  return trimmed;
}

export function checkQuota(quota: number): number {
  if (!Number.isInteger(quota) || quota < 0 || quota > MAX_QUOTA) {
    throw new BridgeworkError('request.invalid', `profileQuota must be a whole number from 0 to ${MAX_QUOTA}`, [{ where: 'profileQuota', message: 'out of range' }]);
  }
  return quota;
}

export function organizationNotFound(id: string): BridgeworkError {
  return new BridgeworkError('organization.not_found', `no organization "${id}"`);
}

export function quotaExceeded(organization: string, quota: number): BridgeworkError {
  return new BridgeworkError(
    'profile.quota_exceeded',
    `organization "${organization}" holds ${quota} profile(s), its quota; erase one, or ask an admin to raise the quota`,
    [{ where: 'organization', message: `quota ${quota} reached` }],
  );
}

export function auditBounds(query: AuditQuery): { limit: number; before: number } {
  const limit = query.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new BridgeworkError('request.invalid', `limit must be an integer from 1 to 500, got ${String(limit)}`);
  let before = Number.MAX_SAFE_INTEGER;
  if (query.cursor !== undefined) {
    if (!/^[1-9]\d{0,15}$/.test(query.cursor)) throw new BridgeworkError('request.invalid', `cursor "${query.cursor}" is not one this store returned`);
    before = Number(query.cursor);
  }
  return { limit, before };
}

export interface AuditRow {
  seq: number | string;
  at: string;
  organization_id: string;
  profile_id: string;
  action: string;
  actor: string;
  request_id: string | null;
}

export function toAuditPage(rows: readonly AuditRow[], limit: number): AuditPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      at: row.at,
      organization: row.organization_id,
      profileId: row.profile_id,
      action: row.action as AuditAction,
      actor: row.actor,
      ...(row.request_id !== null ? { requestId: row.request_id } : {}),
    })),
    ...(rows.length > limit && last !== undefined ? { nextCursor: String(last.seq) } : {}),
  };
}

export interface KeyRow {
  id: string;
  role: string;
  organization_id: string | null;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export function toKey(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    role: row.role as KeyRole,
    ...(row.organization_id !== null ? { organization: row.organization_id } : {}),
    ...(row.label !== null ? { label: row.label } : {}),
    createdAt: row.created_at,
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}

export interface OrganizationRow {
  id: string;
  name: string;
  profile_quota: number;
  profiles: number | string;
  created_at: string;
}

export function toOrganization(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, profileQuota: Number(row.profile_quota), profiles: Number(row.profiles), createdAt: row.created_at };
}

/** A key's public id: not secret, shown in lists and in the audit log. */
export const newKeyId = (): string => `key_${randomBytes(8).toString('hex')}`;
