// Links between competencies (hierarchy and relatedness, for partial credit) and between
// occupations (kept for evaluation and navigation, never for scoring).
import { z } from 'zod';
import { Id, Unit } from './common.ts';

export const RelationType = z.enum(['broader', 'related']);
export type RelationType = z.infer<typeof RelationType>;

/** `broader`: `from` is a narrower competency of `to`. `related`: symmetric relatedness with a weight. */
export const Relation = z.strictObject({
  from: Id,
  to: Id,
  type: RelationType,
  weight: Unit.default(0.5),
  /** The source's own relation name (ESCO "essential"/"optional" skill-skill). */
  sourceType: z.string().trim().min(1).optional(),
});
export type Relation = z.infer<typeof Relation>;

export const OccupationLinkType = z.enum(['career-changer', 'related', 'broader']);
export type OccupationLinkType = z.infer<typeof OccupationLinkType>;

/** Occupation -> occupation: O*NET Career Changers Matrix, Related Occupations, ESCO broader occupations. */
export const OccupationLink = z.strictObject({
  from: Id,
  to: Id,
  type: OccupationLinkType,
  /** 1 = closest, where the source ranks its list. */
  rank: z.int().positive().optional(),
  source: z.string().trim().min(1).optional(),
});
export type OccupationLink = z.infer<typeof OccupationLink>;
