// The profiles table on SQLite. Profiles are personal data: every write is validated with the
// core Profile schema, every access is scoped to one organization and recorded in the audit log
// in the same transaction (no record, no access), and a delete erases the row (secure_delete
// zeroes the freed space in the page). The page as it was stays in the write-ahead log until a
// checkpoint resets it, so the driver truncates the log after a delete and verifies it
// (open-sqlite-store.ts); until that is done the id waits in profile_erasures and a repeated
// delete finishes the work.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ProfileInput } from '@bridgework/core';
import { checkLabel, mergeProfile, nextLabel, pageBounds, parseProfile, profileNotFound, toPage, toStored, type ProfileRow } from '../mapping/profile-records.ts';
import { organizationNotFound, quotaExceeded, type AuditAction, type ProfileScope } from '../organizations.ts';
import type { ListProfilesOptions } from '../store.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { audit } from './organizations.ts';
import { statement } from './statements.ts';

const COLUMNS = 'seq, id, label, profile_json, created_at, updated_at';

export function createProfile(db: Database, scope: ProfileScope, input: ProfileInput, meta: ProfileLabel, now: string): StoredProfile {
  const profile = parseProfile(input);
  const label = checkLabel(meta.label) ?? null;
  return db
    .transaction(() => {
      const org = statement(db, 'SELECT profile_quota FROM organizations WHERE id = ?').get(scope.organization) as { profile_quota: number } | undefined;
      if (org === undefined) throw organizationNotFound(scope.organization);
      const held = statement(db, 'SELECT count(*) FROM profiles WHERE organization_id = ?').pluck().get(scope.organization) as number;
      if (held >= org.profile_quota) throw quotaExceeded(scope.organization, org.profile_quota);
      const id = randomUUID();
      statement(db, 'INSERT INTO profiles (id, organization_id, label, profile_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        id,
        scope.organization,
        label,
        JSON.stringify(profile),
        now,
        now,
      );
      audit(db, scope, 'create', [id], now);
      return read(db, scope, id)!;
    })
    .immediate();
}

function read(db: Database, scope: ProfileScope, id: string): StoredProfile | undefined {
  const row = statement(db, `SELECT ${COLUMNS} FROM profiles WHERE id = ? AND organization_id = ?`).get(id, scope.organization) as ProfileRow | undefined;
  return row === undefined ? undefined : toStored(row);
}

/** The organization's profile, recorded as `action` (read, or use by an analysis); undefined when it has none by this id. */
export function getProfile(db: Database, scope: ProfileScope, id: string, action: AuditAction, now: string): StoredProfile | undefined {
  return db
    .transaction(() => {
      const stored = read(db, scope, id);
      if (stored) audit(db, scope, action, [id], now);
      return stored;
    })
    .immediate();
}

/** Newest first, keyset-paginated on seq, so pages stay stable while profiles are added or erased. */
export function listProfiles(db: Database, scope: ProfileScope, options: ListProfilesOptions, now: string): ProfilePage {
  const { limit, before } = pageBounds(options);
  return db
    .transaction(() => {
      const rows = statement(db, `SELECT ${COLUMNS} FROM profiles WHERE organization_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`).all(
        scope.organization,
        before,
        limit + 1,
      ) as ProfileRow[];
      const page = toPage(rows, limit);
      audit(db, scope, 'list', page.items.map((p) => p.id), now);
      return page;
    })
    .immediate();
}

export function updateProfile(db: Database, scope: ProfileScope, id: string, patch: ProfilePatch, meta: { label?: string | null }, now: string): StoredProfile {
  const update = db.transaction(() => {
    const row = statement(db, `SELECT ${COLUMNS} FROM profiles WHERE id = ? AND organization_id = ?`).get(id, scope.organization) as ProfileRow | undefined;
    if (row === undefined) throw profileNotFound(id);
    const profile = mergeProfile(row.profile_json, patch);
    const label = nextLabel(row.label, meta.label);
    statement(db, 'UPDATE profiles SET label = ?, profile_json = ?, updated_at = ? WHERE id = ?').run(label, JSON.stringify(profile), now, id);
    audit(db, scope, 'update', [id], now);
    return read(db, scope, id)!;
  });
  return update.immediate();
}

/**
 * `deleted`: the row was there and is gone, its erasure is pending until the log is truncated.
 * `pending`: the row was deleted earlier and its erasure was never verified. `absent`: neither.
 */
export type DeleteState = 'deleted' | 'pending' | 'absent';

export function deleteProfile(db: Database, scope: ProfileScope, id: string, now: string): DeleteState {
  const remove = db.transaction((): DeleteState => {
    if (statement(db, 'DELETE FROM profiles WHERE id = ? AND organization_id = ?').run(id, scope.organization).changes > 0) {
      statement(db, 'INSERT OR IGNORE INTO profile_erasures (profile_id, organization_id, requested_at) VALUES (?, ?, ?)').run(id, scope.organization, now);
      audit(db, scope, 'delete', [id], now);
      return 'deleted';
    }
    return statement(db, 'SELECT 1 FROM profile_erasures WHERE profile_id = ? AND organization_id = ?').get(id, scope.organization) !== undefined ? 'pending' : 'absent';
  });
  return remove.immediate();
}

/** Ids whose erasure is pending (committed before this read). */
export function pendingErasures(db: Database): string[] {
  return statement(db, 'SELECT profile_id FROM profile_erasures').pluck().all() as string[];
}

/** Forgets erasures that a truncated log has completed. */
export function completeErasures(db: Database, ids: readonly string[]): void {
  const forget = statement(db, 'DELETE FROM profile_erasures WHERE profile_id = ?');
  db.transaction(() => {
    for (const id of ids) forget.run(id);
  }).immediate();
}
