// A competency (skill, knowledge, ability...) and the groups that arrange competencies in a hierarchy.
import { z } from 'zod';
import { Citation, Id, LocalizedList, LocalizedText } from './common.ts';

export const CompetencyKind = z.enum(['skill', 'knowledge', 'ability', 'work-activity', 'attribute', 'language', 'interest', 'work-context']);
export type CompetencyKind = z.infer<typeof CompetencyKind>;

/**
 * Kinds that describe the job rather than something a person learns: personal attributes and
 * work styles (rated for importance, e.g. "attention to detail"), occupational interests (RIASEC)
 * and work context (conditions such as time pressure or working outdoors). Scoring uses them to
 * judge how alike two jobs are, but never lists them as a competency that transfers or as a gap
 * to close: a person does not train for a work setting or an interest, and telling a client they
 * lack integrity or calm would be neither true nor respectful.
 */
export const TRAIT_KINDS: ReadonlySet<CompetencyKind> = new Set<CompetencyKind>(['attribute', 'interest', 'work-context']);

export function isTraitKind(kind: CompetencyKind): boolean {
  return TRAIT_KINDS.has(kind);
}

/** How widely a competency transfers, in ESCO's terms, from everywhere to one occupation. */
export const ReuseLevel = z.enum(['transversal', 'cross-sector', 'sector-specific', 'occupation-specific']);
export type ReuseLevel = z.infer<typeof ReuseLevel>;

export const CompetencyGroup = z.strictObject({
  id: Id,
  label: LocalizedText,
  /** Parent group id; absent for a root group. */
  parent: Id.optional(),
  description: LocalizedText.optional(),
});
export type CompetencyGroup = z.infer<typeof CompetencyGroup>;

export const Competency = z.strictObject({
  id: Id,
  label: LocalizedText,
  altLabels: LocalizedList.optional(),
  description: LocalizedText.optional(),
  kind: CompetencyKind,
  /** The group this competency sits in; partial credit flows between siblings and up to the group. */
  group: Id.optional(),
  reuse: ReuseLevel.optional(),
  /**
   * Specific to practising in the framework's jurisdiction (its law, health or education system,
   * codes and standards, workplace norms). Not assumed for an internationally educated person
   * whose profile is built from the occupation they trained for.
   */
  jurisdictionSpecific: z.boolean().optional(),
  /** External identifier (O*NET element id, ESCO URI, OaSIS descriptor). */
  externalId: z.string().trim().min(1).optional(),
  sources: z.array(Citation).optional(),
});
export type Competency = z.infer<typeof Competency>;
