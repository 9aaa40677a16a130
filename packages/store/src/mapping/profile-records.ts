// Profiles as both drivers store them: validated with the core Profile schema on every write,
// merged one level deep on update, paged newest first by a sequence number that is the cursor.
import { BridgeworkError, codePointLength, findLoneSurrogate, isWellFormedText, Profile, zodIssues } from '@bridgework/core';
import type { ListProfilesOptions } from '../store.ts';
import type { ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { present } from './row-values.ts';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const MAX_LABEL = 200;

export interface ProfileRow {
  /** The sequence number: bigint columns arrive as strings from PostgreSQL. */
  seq: number | string;
  id: string;
  label: string | null;
  /** JSON text (SQLite), or the parsed value (PostgreSQL jsonb). */
  profile_json: string | object;
  created_at: string;
  updated_at: string;
}

/** The page size and the seq to list below; throws `request.invalid` for a bad limit or cursor. */
export function pageBounds(options: ListProfilesOptions): { limit: number; before: number } {
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
  return { limit, before };
}

/** `rows` holds up to limit + 1 rows: one more than the page tells whether another follows. */
export function toPage(rows: readonly ProfileRow[], limit: number): ProfilePage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toStored),
    ...(rows.length > limit && last !== undefined ? { nextCursor: String(last.seq) } : {}),
  };
}

export function toStored(row: ProfileRow): StoredProfile {
  return {
    id: row.id,
    ...present('label', row.label),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    profile: Profile.parse(typeof row.profile_json === 'string' ? JSON.parse(row.profile_json) : row.profile_json),
  };
}

/** The stored profile with `patch` applied at the top level (null removes a field), validated. */
export function mergeProfile(stored: ProfileRow['profile_json'], patch: ProfilePatch): Profile {
  const merged: Record<string, unknown> = typeof stored === 'string' ? JSON.parse(stored) : { ...(stored as Record<string, unknown>) };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  return parseProfile(merged);
}

/** The label after an update: unchanged when not given, removed for null, checked otherwise. */
export function nextLabel(current: string | null, label: string | null | undefined): string | null {
  return label === undefined ? current : label === null ? null : checkLabel(label)!;
}

export function parseProfile(input: unknown): Profile {
  const parsed = Profile.safeParse(input);
  if (parsed.success) {
    // JSON.stringify writes a lone surrogate as an escape, which PostgreSQL's jsonb refuses and
    // no reader expects: refused like any other invalid value.
    const lone = findLoneSurrogate(parsed.data);
    if (lone) throw notUnicode(lone.path.length > 0 ? lone.path.join('.') : 'profile');
    return parsed.data;
  }
  const issues = zodIssues(parsed.error);
  throw new BridgeworkError(
    'profile.invalid',
    `profile is invalid: ${issues.map((issue) => `${issue.path.join('.') || 'profile'} ${issue.message}`).join('; ')}`,
    issues.map((issue) => ({ where: issue.path.join('.'), message: issue.message })),
  );
}

/**
 * The label as stored: trimmed, 1 to 200 characters counted in code points (as the API's schema
 * and JSON Schema count them), and Unicode text (a lone surrogate would be stored altered).
 */
export function checkLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const trimmed = label.trim();
  const length = codePointLength(trimmed);
  if (length === 0 || length > MAX_LABEL) {
    throw new BridgeworkError('profile.invalid', `label must be 1 to ${MAX_LABEL} characters`, [{ where: 'label', message: 'length' }]);
  }
  if (!isWellFormedText(trimmed)) throw notUnicode('label');
  return trimmed;
}

function notUnicode(where: string): BridgeworkError {
  return new BridgeworkError('profile.invalid', `${where} is not Unicode text: it holds a lone surrogate`, [{ where, message: 'holds a lone surrogate' }]);
}

export function profileNotFound(id: string): BridgeworkError {
  return new BridgeworkError('profile.not_found', `no profile "${id}" is stored`);
}
