// The profiles table on SQLite. Profiles are personal data: every write is validated with the
// core Profile schema, and a delete erases the row (secure_delete zeroes the freed pages; the WAL
// is then checkpointed and truncated so no older copy of the page stays in the log).
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
  const id = randomUUID();
  statement(db, 'INSERT INTO profiles (id, label, profile_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    checkLabel(meta.label) ?? null,
    JSON.stringify(profile),
    now,
    now,
  );
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
  });
  update.immediate();
  return getProfile(db, id)!;
}

export function deleteProfile(db: Database, id: string): boolean {
  const erased = statement(db, 'DELETE FROM profiles WHERE id = ?').run(id).changes > 0;
  // Best effort: a reader holding an old snapshot can keep the checkpoint from finishing; the next
  // checkpoint then overwrites the frames. A no-op for in-memory databases.
  if (erased) db.pragma('wal_checkpoint(TRUNCATE)');
  return erased;
}
