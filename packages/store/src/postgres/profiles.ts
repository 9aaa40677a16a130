// The profiles table on PostgreSQL. Profiles are personal data: every write is validated with the
// core Profile schema, and a delete erases them for real. A DELETE alone leaves the row's bytes in
// the table: as a dead tuple until VACUUM, and after VACUUM in the page's free space (measured:
// the last row written to a page stays readable with pageinspect). So erasing runs VACUUM FULL on
// the table after the delete commits: the table is rewritten into a new file holding only the
// live rows and the old file is truncated, so no copy is left in the table. An UPDATE leaves the
// row as it was behind in the same way, so a PATCH is followed by the same rewrite. VACUUM FULL
// holds an exclusive lock on profiles while it copies them (milliseconds for thousands of
// profiles; profile requests wait, rankings do not; concurrent erasures share one rewrite). What
// PostgreSQL still keeps elsewhere (WAL, backups) and how an operator purges it:
// packages/store/README.md.
import { randomUUID } from 'node:crypto';
import type { ProfileInput } from '@bridgework/core';
import { checkLabel, mergeProfile, nextLabel, pageBounds, parseProfile, profileNotFound, toPage, toStored, type ProfileRow } from '../mapping/profile-records.ts';
import type { ListProfilesOptions } from '../store.ts';
import { organizationNotFound, quotaExceeded, type AuditAction, type ProfileScope } from '../organizations.ts';
import { audit } from './organizations.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { transaction } from './migrate.ts';
import type { Queryable } from './queryable.ts';
import { iso } from './sql.ts';

const COLUMNS = `seq, id, label, profile_json, ${iso('created_at')}, ${iso('updated_at')}`;

/**
 * Under a lock on the organization's row, so that two instances creating profiles at once cannot
 * both pass the quota.
 */
export async function createProfile(db: Queryable, scope: ProfileScope, input: ProfileInput, meta: ProfileLabel, now: Date): Promise<StoredProfile> {
  const profile = parseProfile(input);
  const label = checkLabel(meta.label) ?? null;
  return transaction(db, async () => {
    const org = await db.query<{ profile_quota: number }>('SELECT profile_quota FROM organizations WHERE id = $1 FOR UPDATE', [scope.organization]);
    if (org.rows[0] === undefined) throw organizationNotFound(scope.organization);
    const quota = org.rows[0].profile_quota;
    const held = await db.query<{ n: string }>('SELECT count(*) AS n FROM profiles WHERE organization_id = $1', [scope.organization]);
    if (Number(held.rows[0]!.n) >= quota) throw quotaExceeded(scope.organization, quota);
    const { rows } = await db.query<ProfileRow>(
      `INSERT INTO profiles (id, organization_id, label, profile_json, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${COLUMNS}`,
      [randomUUID(), scope.organization, label, JSON.stringify(profile), now.toISOString()],
    );
    await audit(db, scope, 'create', [rows[0]!.id], now);
    return toStored(rows[0]!);
  });
}

export async function getProfile(db: Queryable, scope: ProfileScope, id: string, action: AuditAction, now: Date): Promise<StoredProfile | undefined> {
  return transaction(db, async () => {
    const { rows } = await db.query<ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE id = $1 AND organization_id = $2`, [id, scope.organization]);
    if (rows[0] === undefined) return undefined;
    await audit(db, scope, action, [id], now);
    return toStored(rows[0]);
  });
}

/** Newest first, keyset-paginated on seq, so pages stay stable while profiles are added or erased. */
export async function listProfiles(db: Queryable, scope: ProfileScope, options: ListProfilesOptions, now: Date): Promise<ProfilePage> {
  const { limit, before } = pageBounds(options);
  return transaction(db, async () => {
    const { rows } = await db.query<ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE organization_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`, [
      scope.organization,
      before,
      limit + 1,
    ]);
    const page = toPage(rows, limit);
    await audit(db, scope, 'list', page.items.map((p) => p.id), now);
    return page;
  });
}

/** Read and write under a row lock, so two instances updating one profile do not lose a change. */
export async function updateProfile(db: Queryable, scope: ProfileScope, id: string, patch: ProfilePatch, meta: { label?: string | null }, now: Date): Promise<StoredProfile> {
  return transaction(db, async () => {
    const { rows } = await db.query<ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [id, scope.organization]);
    const row = rows[0];
    if (row === undefined) throw profileNotFound(id);
    const profile = mergeProfile(row.profile_json, patch);
    const label = nextLabel(row.label, meta.label);
    const updated = await db.query<ProfileRow>(
      `UPDATE profiles SET label = $1, profile_json = $2, updated_at = $3 WHERE id = $4 RETURNING ${COLUMNS}`,
      [label, JSON.stringify(profile), now.toISOString(), id],
    );
    await audit(db, scope, 'update', [id], now);
    return toStored(updated.rows[0]!);
  });
}

/** As on SQLite: `deleted` now, `pending` from an earlier delete whose rewrite never ran, or `absent`. */
export type DeleteState = 'deleted' | 'pending' | 'absent';

/** Deletes the row and records the erasure as pending, in one transaction. */
export async function deleteProfile(db: Queryable, scope: ProfileScope, id: string, now: Date): Promise<DeleteState> {
  return transaction(db, async () => {
    const { rowCount } = await db.query('DELETE FROM profiles WHERE id = $1 AND organization_id = $2', [id, scope.organization]);
    if (rowCount !== 0) {
      await db.query('INSERT INTO profile_erasures (profile_id, organization_id, requested_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, scope.organization, now.toISOString()]);
      await audit(db, scope, 'delete', [id], now);
      return 'deleted';
    }
    const { rowCount: pending } = await db.query('SELECT 1 FROM profile_erasures WHERE profile_id = $1 AND organization_id = $2', [id, scope.organization]);
    return pending !== 0 ? 'pending' : 'absent';
  });
}

/**
 * Rewrites the table (VACUUM FULL, which cannot run inside a transaction) so that no copy of a
 * deleted row or of a replaced value is left in its pages, then forgets the pending erasures read
 * before it started. lockTimeoutMs bounds the wait for the table's lock; throws when the rewrite
 * could not run (the erasures stay pending).
 */
export async function rewriteProfiles(db: Queryable, lockTimeoutMs: number): Promise<void> {
  const { rows } = await db.query<{ profile_id: string }>('SELECT profile_id FROM profile_erasures');
  try {
    await db.query(`SET lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    await db.query('VACUUM (FULL) profiles');
  } finally {
    await db.query('RESET lock_timeout').catch(() => undefined);
  }
  if (rows.length > 0) await db.query('DELETE FROM profile_erasures WHERE profile_id = ANY($1)', [rows.map((r) => r.profile_id)]);
}
