// Request bodies and queries of the API, composed from the core schemas: the same definitions
// validate requests, type the handlers and generate the OpenAPI document.
import { BridgingProgram, CohortOptions, PathwayOptions, Profile, RankOptions } from '@bridgework/core';
import { IMPORT_KINDS } from '@bridgework/importers';
import { z } from 'zod';
import { cohortSize, MAX_COHORT_LEVELS, MAX_COHORT_OCCUPATIONS, MAX_COHORT_SIZE, MAX_PATHWAY_WORK, pathwayLimitMessage, pathwayWork } from '@bridgework/service';
import {
  booleanParam,
  CatalogueQuery,
  Cursor,
  exactlyOne,
  exactlyOneOf,
  frameworkFields,
  FrameworkId,
  FrameworkVersion,
  integerParam,
  numberParam,
  OccupationReference,
  ProfileId,
} from './common.ts';

const personFields = {
  profile: Profile.optional().meta({ description: 'The person, inline (not stored). Exactly one of profile or profileId.' }),
  profileId: ProfileId.optional().meta({ description: 'A stored profile (needs a counsellor key). Exactly one of profile or profileId.' }),
};

export const RankRequest = z
  .strictObject({ ...frameworkFields, ...personFields, options: RankOptions.optional() })
  .superRefine(exactlyOne('profile', 'profileId'))
  .meta({ description: 'Alternative careers for one person, best first.', ...exactlyOneOf('profile', 'profileId') });

export const CompareRequest = z
  .strictObject({ ...frameworkFields, a: OccupationReference, b: OccupationReference })
  .meta({ description: 'Two occupations side by side, in both directions.' });

export const MAX_MATRIX = 200;
export const MatrixRequest = z
  .strictObject({ ...frameworkFields, occupations: z.array(OccupationReference).min(1).max(MAX_MATRIX) })
  .meta({ description: `Coverage in both directions for up to ${MAX_MATRIX} occupations.` });

export const MAX_COHORT_IDS = 500;
export const CohortRequest = z
  .strictObject({
    ...frameworkFields,
    target: OccupationReference,
    profiles: z.array(Profile).min(1).max(MAX_COHORT_SIZE).optional().meta({ description: 'The cohort, inline. Exactly one of profiles or profileIds.' }),
    profileIds: z.array(ProfileId).min(1).max(MAX_COHORT_IDS).optional().meta({ description: 'Stored profiles (needs a counsellor key).' }),
    options: CohortOptions.optional(),
  })
  .superRefine(exactlyOne('profiles', 'profileIds'))
  .superRefine((body, ctx) => {
    if (body.profiles === undefined) return;
    const { occupations, levels } = cohortSize(body.profiles);
    if (occupations > MAX_COHORT_OCCUPATIONS) {
      ctx.addIssue({ code: 'custom', path: ['profiles'], message: `the cohort names ${occupations.toLocaleString('en-US')} occupations; at most ${MAX_COHORT_OCCUPATIONS.toLocaleString('en-US')} per request` });
    }
    if (levels > MAX_COHORT_LEVELS) {
      ctx.addIssue({ code: 'custom', path: ['profiles'], message: `the cohort gives ${levels.toLocaleString('en-US')} competency levels; at most ${MAX_COHORT_LEVELS.toLocaleString('en-US')} per request` });
    }
  })
  .meta({
    description: `What a cohort moving to one target occupation lacks, for a bridging program. At most ${MAX_COHORT_SIZE} people, ${MAX_COHORT_OCCUPATIONS} occupations and ${MAX_COHORT_LEVELS} competency levels in all.`,
    ...exactlyOneOf('profiles', 'profileIds'),
  });

/** With a text/csv body, the rest of the request travels in the query string. */
export const CohortCsvQuery = z.strictObject({
  framework: FrameworkId.optional(),
  version: FrameworkVersion.optional(),
  target: OccupationReference.optional().meta({ description: 'Required with a text/csv body.' }),
  partialCredit: booleanParam.optional(),
  tolerance: numberParam.pipe(CohortOptions.shape.tolerance.removeDefault()).optional(),
  essentialBoost: numberParam.pipe(CohortOptions.shape.essentialBoost.removeDefault()).optional(),
});

export const WhatIfRequest = z
  .strictObject({ ...frameworkFields, ...personFields, program: BridgingProgram, options: RankOptions.optional() })
  .superRefine(exactlyOne('profile', 'profileId'))
  .meta({ description: "Apply a bridging program's competencies to a person and rank again.", ...exactlyOneOf('profile', 'profileId') });

export const PathwaysRequest = z
  .strictObject({ ...frameworkFields, ...personFields, target: OccupationReference, options: PathwayOptions.optional() })
  .superRefine(exactlyOne('profile', 'profileId'))
  .superRefine((body, ctx) => {
    const { candidates, maxSteps, work } = pathwayWork(body.options);
    if (work > MAX_PATHWAY_WORK) ctx.addIssue({ code: 'custom', path: ['options'], message: pathwayLimitMessage(candidates, maxSteps, work) });
  })
  .meta({
    description: `Routes through stepping-stone occupations to a target. The work grows as candidates² × maxSteps, which may be at most ${MAX_PATHWAY_WORK.toLocaleString('en-US')} (e.g. 40 candidates and 5 steps, or 60 and 3).`,
    ...exactlyOneOf('profile', 'profileId'),
  });

const ProfileLabel = z.string().trim().min(1).max(200).meta({ description: "The counsellor's name for the case file, shown in lists." });

export const ProfileCreateRequest = z
  .strictObject({ label: ProfileLabel.optional(), profile: Profile })
  .meta({ description: 'A case file: the person and a label.' });

/** Every top-level Profile field, replaceable, or null to remove it (its default then applies). */
const ProfilePatch = z.strictObject(
  Object.fromEntries(
    Object.entries(Profile.shape).map(([field, schema]) => {
      const inner = schema instanceof z.ZodDefault ? (schema.removeDefault() as z.ZodType) : schema;
      return [field, inner.nullable().optional()];
    }),
  ),
);

export const ProfilePatchRequest = z
  .strictObject({ label: ProfileLabel.nullable().optional(), profile: ProfilePatch.optional() })
  .refine((p) => p.label !== undefined || p.profile !== undefined, { message: 'nothing to change: give "label" or "profile"' })
  .meta({ description: 'Top-level fields to replace; null removes a field. Give label, profile or both.', anyOf: [{ required: ['label'] }, { required: ['profile'] }] });

export const ImportRequest = z
  .strictObject({
    kind: z.enum(IMPORT_KINDS).meta({ description: 'Source format.' }),
    path: z.string().trim().min(1).max(4096).meta({ description: 'Folder or file on the server, under BRIDGEWORK_IMPORT_ROOTS.' }),
    id: FrameworkId.optional().meta({ description: 'Store under this id instead of the source’s.' }),
    version: FrameworkVersion.optional().meta({ description: 'Store under this version label instead of the source’s.' }),
    replace: z.boolean().optional().meta({ description: 'Replace a stored (id, version); refused with 409 otherwise.' }),
  })
  .meta({ description: 'Import a framework from files on the server (admin).' });

const OrganizationId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (at most 63)')
  .meta({ description: 'An organization id (a slug), e.g. ottawa-settlement.' });
const OrganizationName = z.string().trim().min(1).max(200);
const Quota = z.int().min(0).max(1_000_000).meta({ description: 'Profiles the organization may hold.' });

export const OrganizationCreateRequest = z
  .strictObject({ id: OrganizationId, name: OrganizationName, profileQuota: Quota.optional().meta({ description: 'Profiles it may hold; BRIDGEWORK_PROFILE_QUOTA (1000) when omitted.' }) })
  .meta({ description: 'An organization: an agency whose counsellors share case files.' });

export const OrganizationPatchRequest = z
  .strictObject({ name: OrganizationName.optional(), profileQuota: Quota.optional() })
  .refine((p) => p.name !== undefined || p.profileQuota !== undefined, { message: 'nothing to change: give "name" or "profileQuota"' })
  .meta({ description: 'A new name or quota. A quota below what it holds keeps the profiles and refuses new ones.', anyOf: [{ required: ['name'] }, { required: ['profileQuota'] }] });

export const KeyCreateRequest = z
  .strictObject({
    role: z.enum(['admin', 'counsellor']),
    organization: OrganizationId.optional().meta({ description: "Required for a counsellor key; an admin key with one may also use that organization's profiles." }),
    label: z.string().trim().min(1).max(200).optional().meta({ description: 'Whose key it is, for the list (not secret, not personal data you need to keep).' }),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'counsellor' && body.organization === undefined) ctx.addIssue({ code: 'custom', path: ['organization'], message: 'a counsellor key belongs to an organization: give "organization"' });
  })
  .meta({ description: 'A new API key; its secret is in the answer, once.' });

export const KeyListQuery = z.strictObject({ organization: OrganizationId.optional() });
export const AuditListQuery = z.strictObject({
  organization: OrganizationId.optional(),
  profileId: ProfileId.optional(),
  limit: integerParam(1, 500).optional().meta({ description: 'Page size, 1-500 (default 100).' }),
  cursor: Cursor.optional(),
});
export const OrganizationParams = z.strictObject({ id: OrganizationId });
export const KeyParams = z.strictObject({ id: z.string().regex(/^key_[0-9a-f]{16}$/, 'must be a key id (key_ and 16 hex digits)') });

export const FrameworkQuery = z.strictObject({ version: FrameworkVersion.optional() });
export const EmptyQuery = z.strictObject({});
export { CatalogueQuery };

export const ProfileListQuery = z.strictObject({
  limit: integerParam(1, 500).optional().meta({ description: 'Page size, 1-500 (default 50).' }),
  cursor: Cursor.optional(),
});

export const FrameworkParams = z.strictObject({ id: FrameworkId });
export const OccupationParams = z.strictObject({ id: FrameworkId, occ: OccupationReference });
export const VersionParams = z.strictObject({ id: FrameworkId, v: FrameworkVersion });
export const ProfileParams = z.strictObject({ id: ProfileId });
export const ImportJobParams = z.strictObject({ id: z.uuid({ error: 'must be an import job id (a UUID)' }) });
export const ImportJobListQuery = z.strictObject({ limit: integerParam(1, 200).optional().meta({ description: 'How many, 1-200 (default 20).' }) });
export const ProblemParams = z.strictObject({ code: z.string().max(100) });

/** Component names in the OpenAPI document: the bodies, and the core schemas they are made of. */
export const REQUEST_COMPONENTS: Record<string, z.ZodType> = {
  RankRequest,
  CompareRequest,
  MatrixRequest,
  CohortRequest,
  WhatIfRequest,
  PathwaysRequest,
  ProfileCreateRequest,
  ProfilePatchRequest,
  ImportRequest,
  OrganizationCreateRequest,
  OrganizationPatchRequest,
  KeyCreateRequest,
  Profile,
  RankOptions,
  CohortOptions,
  PathwayOptions,
  BridgingProgram,
};
