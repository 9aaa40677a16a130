// The OaSIS descriptor families read from rating files, the scale each is rated on, and how a
// rating becomes a requirement's importance and level.
//
// Skills, abilities, knowledge and work activities are what a person brings to a job and can carry
// to the next one. Personal attributes and work context (conditions of the job such as noise,
// sitting or time pressure) are traits (kinds `attribute`, `work-context`): scoring uses them to
// judge how alike two jobs are, never as something to cover or a gap to close. Interests are not a
// rating file; see holland-interests.ts.
import type { CompetencyKind, SourceRating } from '@bridgework/core';
import type { OasisFileKey } from './oasis-files.ts';

export interface RatingScale {
  /** The top of the scale; ratings run 1..max, 0 = not rated. */
  max: number;
  /** What the guide says the rating measures, for messages. */
  measures: string;
  /** Where the raw rating is kept in `source`: personal attributes are rated for importance itself. */
  raw: 'level' | 'importance';
}

export interface RatingFamily {
  file: Extract<OasisFileKey, 'skills' | 'abilities' | 'knowledges' | 'workactivities' | 'personal-attributes' | 'workcontext'>;
  /** The guide's Category name and code. */
  category: string;
  categoryCode: string;
  kind: CompetencyKind;
  /**
   * One scale for every column of the file, or 'per descriptor' when the guide gives each
   * descriptor its own (work context: frequency, duration, importance, degree..., 1-5 or 1-3).
   */
  scale: RatingScale | 'per descriptor';
}

export const RATING_FAMILIES: readonly RatingFamily[] = [
  { file: 'skills', category: 'Skills', categoryCode: 'F', kind: 'skill', scale: { max: 5, measures: 'proficiency', raw: 'level' } },
  { file: 'abilities', category: 'Abilities', categoryCode: 'A', kind: 'ability', scale: { max: 5, measures: 'proficiency', raw: 'level' } },
  { file: 'knowledges', category: 'Knowledge', categoryCode: 'G', kind: 'knowledge', scale: { max: 3, measures: 'knowledge level', raw: 'level' } },
  { file: 'workactivities', category: 'Work Activities', categoryCode: 'K', kind: 'work-activity', scale: { max: 5, measures: 'complexity', raw: 'level' } },
  { file: 'personal-attributes', category: 'Personal Attributes', categoryCode: 'B', kind: 'attribute', scale: { max: 5, measures: 'importance', raw: 'importance' } },
  { file: 'workcontext', category: 'Work Context', categoryCode: 'J', kind: 'work-context', scale: 'per descriptor' },
];

export interface RatedRequirement {
  importance: number;
  level: number;
  source: SourceRating;
}

/**
 * A rating r in 1..max becomes level = r / max and importance = r / max.
 *
 * - r / max rather than (r - 1) / (max - 1): OaSIS's lowest rating still asks for something (basic
 *   proficiency, basic knowledge), and 0 already means "not rated", which makes no requirement.
 *   With (r - 1) / (max - 1) a rating of 1 would be a requirement of level 0 that coverage and gaps
 *   never see. So 1..5 -> 0.2, 0.4, 0.6, 0.8, 1 and knowledge 1..3 -> 1/3, 2/3, 1.
 * - OaSIS publishes one rating per descriptor and profile, with no separate importance column, so
 *   importance is derived from the same rating: what a job needs at a higher level weighs more.
 *   Personal attributes are rated for importance itself; their level mirrors it.
 * - OaSIS marks nothing as essential, so no requirement is.
 *
 * The raw rating is kept as `source.level` (or `source.importance` for personal attributes).
 */
export function ratedRequirement(rating: number, scale: RatingScale): RatedRequirement {
  const share = rating / scale.max;
  const source: SourceRating = scale.raw === 'importance' ? { scale: 'oasis', importance: rating } : { scale: 'oasis', level: rating };
  return { importance: share, level: share, source };
}
