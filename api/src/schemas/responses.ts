// Response bodies, as zod schemas for the OpenAPI document. The end-to-end tests parse every
// successful response with the schema of its route, and the `z.ZodType<CoreType>` annotations
// make the type checker compare these with the core result types, so the document cannot drift.
import {
  BridgingProgram,
  CompetencyKind,
  Evidence,
  FrameworkMeta,
  Jurisdiction,
  Locale,
  LocalizedText,
  Occupation,
  OccupationCodes,
  OccupationLinkType,
  Profile,
  ReuseLevel,
  SourceRating,
  type CohortGaps,
  type Comparison,
  type Matrix,
  type Pathways,
  type Ranking,
  type WhatIf,
} from '@bridgework/core';
import type { FrameworkVersions, FrameworkVersionSummary, ProfilePage, StoredProfile } from '@bridgework/store';
import { z } from 'zod';
import type { CompetencySummary, OccupationDetail, OccupationSummary, Page } from '@bridgework/service';
import type { ImportReport } from '@bridgework/service';
import type { Readiness } from '@bridgework/service';
import { PROBLEM_CODES } from '../http/problems.ts';

const num = z.number();
const FrameworkVersionRef = z.strictObject({ id: z.string(), version: z.string() });

export const OccupationRef = z.strictObject({ id: z.string(), code: z.string().optional(), title: z.string(), titleFr: z.string().optional() });
export const CompetencyRef = z.strictObject({ id: z.string(), label: z.string(), labelFr: z.string().optional() });

// ---- frameworks ----

const Counts = z.strictObject({
  occupations: z.int(),
  competencyGroups: z.int(),
  competencies: z.int(),
  requirements: z.int(),
  relations: z.int(),
  occupationLinks: z.int(),
  crosswalks: z.int(),
});

export const FrameworkVersionSummaryResponse: z.ZodType<FrameworkVersionSummary> = FrameworkMeta.omit({ importedAt: true }).extend({
  importedAt: z.string(),
  counts: Counts,
});

export const FrameworkVersionsResponse: z.ZodType<FrameworkVersions> = z.strictObject({
  id: z.string(),
  versions: z.array(FrameworkVersionSummaryResponse),
});

export const FrameworkListResponse = z.strictObject({
  defaultFramework: z.string().meta({ description: 'The framework used when a request names none.' }),
  items: z.array(FrameworkVersionsResponse),
});

export const ImportResponse: z.ZodType<ImportReport> = z.strictObject({
  framework: FrameworkVersionSummaryResponse,
  skipped: z.boolean(),
  warnings: z.array(z.string()),
  rowsRead: z.record(z.string(), z.int()),
  timing: z.strictObject({ readMs: num, saveMs: num }),
});

// ---- browsing ----

const Match = z.strictObject({ text: z.string(), locale: z.enum(['en', 'fr']), preferred: z.boolean(), score: z.int() });

export const OccupationSummaryResponse: z.ZodType<OccupationSummary> = z.strictObject({
  id: z.string(),
  title: LocalizedText,
  codes: OccupationCodes,
  regulated: z.boolean(),
  regulation: z.enum(['regulated', 'not-regulated', 'unknown']),
  requirements: z.int(),
  match: Match.optional(),
});

export const CompetencySummaryResponse: z.ZodType<CompetencySummary> = z.strictObject({
  id: z.string(),
  label: LocalizedText,
  kind: CompetencyKind,
  group: z.string().optional(),
  reuse: ReuseLevel.optional(),
  occupations: z.int(),
  match: Match.optional(),
});

function page<T extends z.ZodType>(item: T) {
  return z.strictObject({ framework: FrameworkVersionRef, items: z.array(item), nextCursor: z.string().optional() });
}

export const OccupationPageResponse: z.ZodType<Page<OccupationSummary>> = page(OccupationSummaryResponse);
export const CompetencyPageResponse: z.ZodType<Page<CompetencySummary>> = page(CompetencySummaryResponse);

export const OccupationDetailResponse: z.ZodType<OccupationDetail> = z.strictObject({
  framework: FrameworkVersionRef,
  occupation: Occupation,
  requirements: z.array(
    z.strictObject({
      competency: CompetencyRef.extend({ kind: CompetencyKind, group: z.string().optional() }),
      importance: num,
      level: num,
      essential: z.boolean(),
      source: SourceRating.optional(),
    }),
  ),
  links: z.array(
    z.strictObject({
      direction: z.enum(['outgoing', 'incoming']),
      type: OccupationLinkType,
      occupation: OccupationRef,
      rank: z.int().optional(),
      source: z.string().optional(),
    }),
  ),
});

// ---- analyses ----

const Scores = { fit: num, similarity: num, reach: num, coverage: num, gap: num, utilization: num, essentialCoverage: num };

const Gap = z.strictObject({
  competency: CompetencyRef,
  importance: num,
  required: num,
  level: num,
  deficit: num,
  essential: z.boolean(),
  hard: z.boolean(),
  basis: z.enum(['own', 'related', 'none']).meta({ description: "Where the person's level comes from: their own, a related competency (an estimate), or nothing they hold." }),
  context: z
    .enum(['jurisdiction', 'transversal'])
    .optional()
    .meta({ description: "jurisdiction: specific to practising here, closed through licensing or bridging; transversal: a general competency the person's occupation does not name (check with the person)." }),
});

const FacetScore = z.strictObject({
  facet: z.string().meta({ description: 'A kind of descriptor scored on its own: "skill", "knowledge", "work-activity", "interest"..., "listed" for unrated lists (ESCO), with "-groups" for the same rolled up to competency groups.' }),
  kind: z.string(),
  label: z.string(),
  level: z.enum(['competency', 'group']),
  trait: z.boolean().meta({ description: 'Describes the job (attributes, interests, work context): counts for similarity, never a gap.' }),
  coverage: num,
  utilization: num,
  similarity: num,
  share: num.meta({ description: 'Share of the overall similarity this facet carries.' }),
});

const Explanation = z.strictObject({
  why: z.string().meta({ description: 'Why the result ranks where it does: the match it is ordered by, how alike the work is, how far the move is.' }),
  summary: z.string(),
  facets: z.array(FacetScore),
  matched: z.array(z.strictObject({ competency: CompetencyRef, importance: num, required: num, level: num, evidence: Evidence })),
  partial: z.array(
    z.strictObject({ competency: CompetencyRef, importance: num, required: num, level: num, from: CompetencyRef, fromLevel: num, similarity: num }),
  ),
  gaps: z.array(Gap),
  hardGaps: z.int(),
  levelGaps: z.int(),
  moreMatched: z.int(),
  morePartial: z.int(),
  moreGaps: z.int(),
});

const Flags = z.strictObject({
  regulated: z.boolean().meta({ description: 'Known to be regulated in the profile\'s province (anywhere when none is given).' }),
  regulation: z
    .enum(['regulated', 'not-regulated', 'unknown'])
    .meta({ description: "What the framework's data says of regulation in the province: 'unknown' where it holds no fact (never read it as not regulated)." }),
  regulatedIn: z.array(Jurisdiction),
  regulator: z.string().optional(),
  language: Locale.optional().meta({ description: "Language in which the province's regulator requires a working knowledge (Quebec's professional orders: fr)." }),
  teer: z.int().optional(),
  teerChange: z.int().optional(),
  trainingMonths: num.optional(),
  addedTrainingMonths: num.optional().meta({ description: "Entry training beyond the person's own occupation's, in months." }),
  estimatedTrainingMonths: num
    .optional()
    .meta({ description: "Entry training the person would still need, estimated: the target's entry training times the share of its essential needs not yet met, or addedTrainingMonths when larger." }),
  preparation: z
    .strictObject({ scale: z.enum(['job-zone', 'teer', 'isco-skill-level']), step: z.int(), change: z.int().optional() })
    .optional()
    .meta({ description: "The target's preparation on the framework's scale, and the change from the person's occupation." }),
  languageNeed: num.optional(),
  languageGap: z.boolean().optional(),
});

export const RankingResponse: z.ZodType<Ranking> = z.strictObject({
  framework: FrameworkVersionRef,
  from: z.strictObject({
    occupations: z.array(OccupationRef),
    competencies: z.int(),
    languageLevel: z.int().optional(),
    province: Jurisdiction.optional(),
  }),
  source: z.array(z.strictObject({ occupation: OccupationRef, ...Scores, explanation: Explanation, flags: Flags })),
  results: z.array(
    z.strictObject({
      rank: z.int(),
      occupation: OccupationRef,
      ...Scores,
      category: z.enum(['similar-scope', 'same-field', 'related-field', 'unrelated-field']),
      pathType: z.enum(['closer-match', 'parallel', 'interim', 'stepping-stone']),
      flags: Flags,
      explanation: Explanation.optional(),
    }),
  ),
  considered: z.int(),
  excluded: z.strictObject({ regulated: z.int(), trainingMonths: z.int(), fields: z.int(), minCoverage: z.int(), unrated: z.int() }),
  undecided: z
    .strictObject({ regulated: z.int() })
    .meta({ description: 'Occupations a filter could not decide on and kept: with excludeRegulated, those whose regulation in the province is not known.' }),
});

const RequirementSide = z.strictObject({ importance: num, level: num, essential: z.boolean() });
const Compared = z.strictObject({ competency: CompetencyRef, a: RequirementSide.optional(), b: RequirementSide.optional(), difference: num.optional() });

export const ComparisonResponse: z.ZodType<Comparison> = z.strictObject({
  a: OccupationRef,
  b: OccupationRef,
  coverage: z.strictObject({ aToB: num, bToA: num }),
  shared: z.array(Compared),
  onlyA: z.array(Compared),
  onlyB: z.array(Compared),
});

export const MatrixResponse: z.ZodType<Matrix> = z.strictObject({
  occupations: z.array(OccupationRef),
  coverage: z.array(z.array(num)).meta({ description: "coverage[i][j]: share of occupation j's needs met at occupation i's levels." }),
});

export const CohortGapsResponse: z.ZodType<CohortGaps> = z.strictObject({
  target: OccupationRef,
  cohortSize: z.int(),
  meanCoverage: num,
  gaps: z.array(
    z.strictObject({
      competency: CompetencyRef,
      importance: num,
      required: num,
      essential: z.boolean(),
      lacking: z.int(),
      shareLacking: num,
      meanDeficit: num,
      meanDeficitAmongLacking: num,
      priority: num,
    }),
  ),
  alreadyMet: z.array(CompetencyRef),
});

const RankPosition = z.strictObject({ rank: z.int(), fit: num, coverage: num });

export const WhatIfResponse: z.ZodType<WhatIf> = z.strictObject({
  program: BridgingProgram,
  profile: Profile,
  before: RankingResponse,
  after: RankingResponse,
  deltas: z.array(
    z.strictObject({ occupation: OccupationRef, before: RankPosition.optional(), after: RankPosition.optional(), fitChange: num, coverageChange: num }),
  ),
});

export const PathwaysResponse: z.ZodType<Pathways> = z.strictObject({
  target: OccupationRef,
  direct: z.strictObject({ coverage: num, gap: num }),
  found: z.boolean(),
  cost: num.optional(),
  steps: z.array(z.strictObject({ step: z.int(), from: OccupationRef.nullable(), to: OccupationRef, coverage: num, gaps: z.array(Gap) })),
  message: z.string(),
});

// ---- profiles ----

export const StoredProfileResponse: z.ZodType<StoredProfile> = z.strictObject({
  id: z.uuid(),
  label: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  profile: Profile,
});

export const ProfilePageResponse: z.ZodType<ProfilePage> = z.strictObject({
  items: z.array(StoredProfileResponse),
  nextCursor: z.string().optional(),
});

// ---- health and errors ----

export const HealthResponse = z.strictObject({ status: z.literal('ok'), uptimeSeconds: num });

export const ReadinessResponse: z.ZodType<Readiness> = z.strictObject({
  ready: z.boolean(),
  checks: z.strictObject({ store: z.enum(['ok', 'failed']), writable: z.enum(['ok', 'failed']), defaultFramework: z.enum(['ok', 'missing', 'failed']) }),
  defaultFramework: z.strictObject({ id: z.string(), version: z.string().optional() }),
  detail: z.string().optional(),
});

export const ProblemResponse = z.strictObject({
  type: z.string().meta({ description: 'Stable URI of the problem type, e.g. /problems/occupation.not_found.' }),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string().meta({ description: 'Path of the request that failed.' }),
  code: z.enum(PROBLEM_CODES as [string, ...string[]]),
  requestId: z.string(),
  errors: z.array(z.strictObject({ path: z.string().optional(), message: z.string() })).meta({
    description: 'Each issue with where it is: `body.profile.occupations.0.years`, `query.limit`, a file:line, an occupation id.',
  }),
});

/** Component names in the OpenAPI document. */
export const RESPONSE_COMPONENTS: Record<string, z.ZodType> = {
  FrameworkList: FrameworkListResponse,
  FrameworkVersions: FrameworkVersionsResponse,
  FrameworkVersionSummary: FrameworkVersionSummaryResponse,
  ImportReport: ImportResponse,
  OccupationPage: OccupationPageResponse,
  OccupationDetail: OccupationDetailResponse,
  CompetencyPage: CompetencyPageResponse,
  Ranking: RankingResponse,
  Comparison: ComparisonResponse,
  Matrix: MatrixResponse,
  CohortGaps: CohortGapsResponse,
  WhatIf: WhatIfResponse,
  Pathways: PathwaysResponse,
  StoredProfile: StoredProfileResponse,
  ProfilePage: ProfilePageResponse,
  Health: HealthResponse,
  Readiness: ReadinessResponse,
  Problem: ProblemResponse,
};
