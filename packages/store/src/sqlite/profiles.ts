// The profiles table. Profiles are personal data: every write is validated with the core Profile
// schema, and a delete erases the row (secure_delete zeroes the freed pages; the WAL is then
// checkpointed and truncated so no older copy of the page stays in the log).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { BridgeworkError, Profile, zodIssues, type ProfileInput } from '@bridgework/core';
import type { ListProfilesOptions } from '../store.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { present } from './row-values.ts';
import { statement } from './statements.ts';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const MAX_LABEL = 200;

interface ProfileRow {
  seq: number;
  id: string;
  label: string | null;
  profile_json: string;
  created_at: string;
  updated_at: string;
}

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
  const limit = options.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new BridgeworkError('request.invalid', `limit must be an integer from 1 to ${MAX_PAGE}, got ${String(limit)}`);
  }
  let before = Number.MAX_SAFE_INTEGER;
  if (options.cursor !== undefined) {
    if (!/^[1-9]\d{0,15}$/.test(options.cursor)) {
      throw new BridgeworkError('request.invalid', `cursor "${options.cursor}" is not one this store returned`);
    }
    before = Number(options.cursor);
  }
  const rows = statement(db, `SELECT ${COLUMNS} FROM profiles WHERE seq < ? ORDER BY seq DESC LIMIT ?`)
    .all(before, limit + 1) as ProfileRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toStored),
    ...(rows.length > limit && last !== undefined ? { nextCursor: String(last.seq) } : {}),
  };
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
    if (row === undefined) throw new BridgeworkError('profile.not_found', `no profile "${id}" is stored`);
    const merged: Record<string, unknown> = JSON.parse(row.profile_json);
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete merged[field];
      else if (value !== undefined) merged[field] = value;
    }
    const profile = parseProfile(merged);
    const label = meta.label === undefined ? row.label : meta.label === null ? null : checkLabel(meta.label)!;
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

function toStored(row: ProfileRow): StoredProfile {
  return {
    id: row.id,
    ...present('label', row.label),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    profile: Profile.parse(JSON.parse(row.profile_json)),
  };
}

function parseProfile(input: unknown): Profile {
  const parsed = Profile.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  throw new BridgeworkError(
    'profile.invalid',
    `profile is invalid: ${issues.map((issue) => `${issue.path.join('.') || 'profile'} ${issue.message}`).join('; ')}`,
    issues.map((issue) => ({ where: issue.path.join('.'), message: issue.message })),
  );
}

function checkLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const trimmed = label.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LABEL) {
    throw new BridgeworkError('profile.invalid', `label must be 1 to ${MAX_LABEL} characters`, [{ where: 'label', message: 'length' }]);
  }
  return trimmed;
}
