// What an occupation asks of a competency: how important it is and at what level.
import { z } from 'zod';
import { Id, Unit } from './common.ts';

/** The rating as it appeared in the source, kept for provenance. */
export const SourceRating = z.strictObject({
  scale: z.enum(['onet', 'oasis', 'esco', 'curated', 'generated']),
  /** Raw importance (O*NET IM 1-5, OaSIS importance 1-5). */
  importance: z.number().optional(),
  /** Raw level (O*NET LV 0-7, OaSIS proficiency 1-5). */
  level: z.number().optional(),
  /** ESCO relation type; for O*NET detailed work activities, whether a core task of the occupation links to it. */
  relation: z.enum(['essential', 'optional', 'core-task', 'supplemental-task']).optional(),
});
export type SourceRating = z.infer<typeof SourceRating>;

export const Requirement = z.strictObject({
  occupation: Id,
  competency: Id,
  importance: Unit,
  level: Unit,
  essential: z.boolean().default(false),
  source: SourceRating.optional(),
});
export type Requirement = z.infer<typeof Requirement>;
export type RequirementInput = z.input<typeof Requirement>;
