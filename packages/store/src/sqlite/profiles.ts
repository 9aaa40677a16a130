// The profiles table on SQLite. Profiles are personal data: every write is validated with the
// core Profile schema, and a delete erases the row (secure_delete zeroes the freed space in the
// page). The page as it was stays in the write-ahead log until a checkpoint resets it, so the
// driver truncates the log after a delete and verifies it (open-sqlite-store.ts); until that is
// done the id waits in profile_erasures and a repeated delete finishes the work.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ProfileInput } from '@bridgework/core';
import { checkLabel, mergeProfile, nextLabel, pageBounds, parseProfile, profileNotFound, toPage, toStored, type ProfileRow } from '../mapping/profile-records.ts';
import type { ListProfilesOptions } from '../store.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { statement } from './statements.ts';

const COLUMNS = 'seq, id, label, profile_json, created_at, updated_at';

export function createProfile(db: Database, input: ProfileInput, meta: ProfileLabel, now: string): StoredProfile {
  const profile = parseProfile(input);
  const label = checkLabel(meta.label) ?? null;
  const id = randomUUID();
  statement(db, 'INSERT INTO profiles (id, label, profile_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, label, JSON.stringify(profile), now, now);
  return getProfile(db, id)!;
}

export function getProfile(db: Database, id: string): StoredProfile | undefined {
  const row = statement(db, `SELECT ${COLUMNS} FROM profiles WHERE id = ?`).get(id) as ProfileRow | undefined;
  return row === undefined ? undefined : toStored(row);
}

/** Newest first, keyset-paginated on seq, so pages stay stable while profiles are added or erased. */
export function listProfiles(db: Database, options: ListProfilesOptions): ProfilePage {
  const { limit, before } = pageBounds(options);
  const rows = statement(db, `SELECT ${COLUMNS} FROM profiles WHERE seq < ? ORDER BY seq DESC LIMIT ?`).all(before, limit + 1) as ProfileRow[];
  return toPage(rows, limit);
}

export function updateProfile(
  db: Database,
  id: string,
  patch: ProfilePatch,
  meta: { label?: string | null },
  now: string,
): StoredProfile {
  const update = db.transaction(() => {
    const row = statement(db, `SELECT ${COLUMNS} FROM profiles WHERE id = ?`).get(id) as ProfileRow | undefined;
    if (row === undefined) throw profileNotFound(id);
    const profile = mergeProfile(row.profile_json, patch);
    const label = nextLabel(row.label, meta.label);
    statement(db, 'UPDATE profiles SET label = ?, profile_json = ?, updated_at = ? WHERE id = ?').run(label, JSON.stringify(profile), now, id);
    return getProfile(db, id)!;
  });
  return update.immediate();
}

/**
 * `deleted`: the row was there and is gone, its erasure is pending until the log is truncated.
 * `pending`: the row was deleted earlier and its erasure was never verified. `absent`: neither.
 */
export type DeleteState = 'deleted' | 'pending' | 'absent';

export function deleteProfile(db: Database, id: string, now: string): DeleteState {
  const remove = db.transaction((): DeleteState => {
    if (statement(db, 'DELETE FROM profiles WHERE id = ?').run(id).changes > 0) {
      statement(db, 'INSERT OR IGNORE INTO profile_erasures (profile_id, requested_at) VALUES (?, ?)').run(id, now);
      return 'deleted';
    }
    return statement(db, 'SELECT 1 FROM profile_erasures WHERE profile_id = ?').get(id) !== undefined ? 'pending' : 'absent';
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
