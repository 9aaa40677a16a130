// What the analysis routes share: which framework version a body names, and whose profile it is.
// A stored profile is personal data, so naming one by id needs a counsellor key even where inline
// profiles are open to anyone.
import type { Profile } from '@bridgework/core';
import type { Role } from '../config.ts';
import { requireRole } from '../http/auth.ts';
import type { FrameworkRef, ProfileSubject } from '@bridgework/service';

export function frameworkRef(body: { framework?: string | undefined; version?: string | undefined }): FrameworkRef {
  return {
    ...(body.framework !== undefined ? { id: body.framework } : {}),
    ...(body.version !== undefined ? { version: body.version } : {}),
  };
}

/** The body's person; checks the key when it names a stored profile. */
export function subjectOf(body: { profile?: Profile | undefined; profileId?: string | undefined }, role: Role | undefined): ProfileSubject {
  if (body.profileId !== undefined) {
    requireRole(role, 'counsellor', false, 'using a stored profile (profileId)');
    return { profileId: body.profileId };
  }
  // The schema's exactlyOne() refinement guarantees one of the two.
  return { profile: body.profile! };
}
