// Options of the scoring functions, as zod schemas so that the CLI, the API and its OpenAPI
// document share one definition. Every default is documented here and in docs/scoring.md.
import { z } from 'zod';
import { Preferences } from '../schema/profile.ts';

/** Weight of each facet kind in how alike the work is (facets.ts). */
export const FacetWeights = z.strictObject({
  skill: z.number().min(0).max(10).default(1),
  /** Knowledge counts half again as much: what a job asks people to know is what makes work specific (on every tuning split it helped a little or did nothing). */
  knowledge: z.number().min(0).max(10).default(1.5),
  ability: z.number().min(0).max(10).default(1),
  'work-activity': z.number().min(0).max(10).default(1),
  language: z.number().min(0).max(10).default(1),
  /** Unrated lists: ESCO's skills and knowledge, O*NET's detailed work activities. */
  listed: z.number().min(0).max(10).default(1),
  attribute: z.number().min(0).max(10).default(0.25),
  interest: z.number().min(0).max(10).default(1),
  'work-context': z.number().min(0).max(10).default(0.5),
  /**
   * Canadian context (jurisdiction-specific knowledge) and the language of work: 0, because they
   * say how far a move is for a person trained abroad (they show as gaps), not how alike the work is.
   */
  context: z.number().min(0).max(10).default(0),
});
export type FacetWeights = z.infer<typeof FacetWeights>;

export const FitWeights = z.strictObject({
  /** Exponent on coverage within each facet: the share of the target's needs already met. */
  coverage: z.number().min(0).max(5).default(1),
  /**
   * Exponent on utilization within each facet: the share of the person's strengths the target
   * uses, each strength weighted by its importance in the person's own occupation.
   */
  utilization: z.number().min(0).max(5).default(1),
  /**
   * Exponent on essential coverage. 0 by default: on every ground truth's tuning split the factor
   * lowered precision (O*NET 29 related 0.366 -> 0.331); importance already carries what is
   * essential, and essential gaps are still listed and counted.
   */
  essential: z.number().min(0).max(5).default(0),
  /**
   * Strength of the occupation hierarchy: the fit is multiplied by (1 + field x p) / (1 + field),
   * p = share of the field path the target shares with the source occupation (0..1); no effect
   * when either has no field path.
   */
  field: z.number().min(0).max(10).default(0.15),
  facets: FacetWeights.prefault({}),
  /** Weight of a group facet (requirements rolled up to competency groups) relative to its own facet. */
  groups: z.number().min(0).max(10).default(1),
  /**
   * How many requirements make a facet's evidence count fully: a facet with n requirements on
   * average between the two sides weighs n / (n + evidence) of its kind's weight.
   */
  evidence: z.number().min(0).max(100).default(5),
  /**
   * How far the move is: the fit is multiplied by exp(-training x years^2), years = entry training
   * the target asks for beyond the person's occupation's, less `allowance` (when both are known).
   * Squared so that a year or two of upgrading costs little and a second degree a lot: 0.1 gives
   * 0.9 for one year beyond the allowance, 0.67 for two, 0.2 for four.
   */
  training: z.number().min(0).max(10).default(0.1),
  /** Months of added entry training the move may ask for before it counts against the fit. */
  allowance: z.number().min(0).max(240).default(12),
  /** The same per preparation step (job zone, TEER, ISCO skill level) beyond the first, when training months are not known. */
  steps: z.number().min(0).max(10).default(0.5),
});
export type FitWeights = z.infer<typeof FitWeights>;

export const RankOptions = z.strictObject({
  /** How many alternatives to return. */
  top: z.int().min(1).max(500).default(10),
  /** How many of them carry a full explanation (matched, partial, gaps); the rest carry scores only. */
  explain: z.int().min(0).max(100).optional(),
  /** Credit related competencies (siblings, broader/narrower, explicit relations). */
  partialCredit: z.boolean().default(true),
  weights: FitWeights.prefault({}),
  /** Filters; merged over the profile's own preferences (these win). */
  filters: Preferences.optional(),
  /** Leave out alternatives below this coverage. */
  minCoverage: z.number().min(0).max(1).default(0),
  /** Longest list of what transfers (and of what partly transfers) per explanation, most important first. */
  maxMatched: z.int().min(0).max(500).default(10),
  /** Longest gap list per explanation. */
  maxGaps: z.int().min(1).max(500).default(10),
});
export type RankOptions = z.infer<typeof RankOptions>;
export type RankOptionsInput = z.input<typeof RankOptions>;

/** Thresholds that turn scores into the sources' categories and path types (docs/scoring.md). */
export const CLASSIFICATION = {
  /**
   * Similar scope: the work is far more alike than the framework's typical occupation is to this
   * person (similarity at least `spread` standard deviations above the mean over every rated
   * occupation), and the target's needs are largely met. Relative, because in a densely rated
   * framework every pair shares most descriptors: an absolute threshold called fifty O*NET
   * occupations "similar scope" to licensed practical nursing.
   */
  similarScope: { spread: 2.5, coverage: 0.75, utilization: 0.5 },
  relatedField: { specificCoverage: 0.25 },
  closerMatch: { coverage: 0.85, utilization: 0.5 },
  interim: { coverage: 0.8, utilization: 0.5, teerStep: 2 },
  steppingStone: { returnCoverage: 0.6 },
  /** An essential requirement met below this share of its level is a hard gap. */
  hardGapShare: 0.25,
} as const;
