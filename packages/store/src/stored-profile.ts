// A counsellor's stored profile: the core Profile plus the store's identity and timestamps.
// Profiles are personal data: they are kept only when asked and erased for real on delete.
import type { Profile, ProfileInput } from '@bridgework/core';

export interface ProfileLabel {
  /** The counsellor's name for the case file (at most 200 characters), shown in lists. */
  label?: string;
}

export interface StoredProfile {
  /** A random UUID assigned by the store. */
  id: string;
  label?: string;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
  profile: Profile;
}

export interface ProfilePage {
  items: StoredProfile[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** Top-level fields to replace; null removes a field (RFC 7396 semantics, one level deep). */
export type ProfilePatch = { [K in keyof ProfileInput]?: ProfileInput[K] | null };
