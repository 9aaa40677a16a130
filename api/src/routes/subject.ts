// What the analysis routes share: which framework version a body names, and whose profile it is.
// A stored profile is personal data, so naming one by id needs a key of its organization even
// where inline profiles are open to anyone.
import type { Profile } from '@bridgework/core';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { profileScope } from '../http/auth.ts';
import type { FrameworkRef, ProfileSubject } from '@bridgework/service';

export function frameworkRef(body: { framework?: string | undefined; version?: string | undefined }): FrameworkRef {
  return {
    ...(body.framework !== undefined ? { id: body.framework } : {}),
    ...(body.version !== undefined ? { version: body.version } : {}),
  };
}

/** The body's person; checks the key when it names a stored profile (its organization's only). */
export function subjectOf(c: Context<AppEnv>, body: { profile?: Profile | undefined; profileId?: string | undefined }): ProfileSubject {
  if (body.profileId !== undefined) return { profileId: body.profileId, scope: profileScope(c, 'using a stored profile (profileId)') };
  // The schema's exactlyOne() refinement guarantees one of the two.
  return { profile: body.profile! };
}
