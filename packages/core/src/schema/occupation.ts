// An occupation: codes in the classifications it belongs to, titles in both languages,
// its place in a field hierarchy, who regulates it and how long entry training takes.
import { z } from 'zod';
import { Citation, Id, Jurisdiction, Locale, LocalizedList, LocalizedText } from './common.ts';

export const OccupationCodes = z.strictObject({
  /** NOC 2021 unit group, five digits. */
  noc: z.string().regex(/^\d{5}$/, 'must be a five-digit NOC 2021 unit group code').optional(),
  /** NOC 2021 TEER category 0-5 (training, education, experience and responsibilities). */
  teer: z.int().min(0).max(5).optional(),
  /** OaSIS profile code, e.g. 31102.00. */
  oasis: z.string().regex(/^\d{5}\.\d{2}$/).optional(),
  /** O*NET-SOC code, e.g. 29-1141.00. */
  onetSoc: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'must look like 29-1141.00').optional(),
  /** ISCO-08 unit group (four digits) or an ESCO code extending it (2211.1). */
  isco: z.string().regex(/^\d{1,4}(\.\d+)*$/).optional(),
  /** ESCO concept URI. */
  esco: z.url().optional(),
});
export type OccupationCodes = z.infer<typeof OccupationCodes>;

/** One level of a field hierarchy, broadest first (NOC broad category, major group...). */
export const FieldGroup = z.strictObject({
  code: z.string().trim().min(1),
  title: LocalizedText,
});
export type FieldGroup = z.infer<typeof FieldGroup>;

/**
 * What is known of an occupation's regulation in one province or territory. A jurisdiction with no
 * entry is unknown there, never "not regulated": only an entry with `regulated: false` says that.
 */
export const Regulation = z.strictObject({
  jurisdiction: Jurisdiction,
  regulated: z.boolean(),
  /** The body that licenses practice or protects the title there. */
  regulator: z.string().trim().min(1).optional(),
  /** The protected title or licence (e.g. "Registered Nurse", "P.Eng."). */
  licence: z.string().trim().min(1).optional(),
  /**
   * The language in which the regulator requires a working knowledge for a permit, when it requires
   * one (Quebec's professional orders: French, Charter of the French Language s. 35).
   */
  language: Locale.optional(),
  note: z.string().trim().min(1).optional(),
  /** Where the fact was read: the regulator's page, the statute, a report. */
  sources: z.array(Citation).optional(),
  /** When the fact was last checked against its sources (YYYY-MM-DD, or YYYY-MM). */
  checked: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date, YYYY-MM-DD').optional(),
});
export type Regulation = z.infer<typeof Regulation>;

export const EntryRequirements = z.strictObject({
  education: z.string().trim().min(1).optional(),
  /** Typical training to enter from scratch, in months. */
  trainingMonths: z.number().min(0).max(240).optional(),
  /** O*NET Job Zone, 1 (little or no preparation) to 5 (extensive preparation). */
  jobZone: z.int().min(1).max(5).optional(),
});
export type EntryRequirements = z.infer<typeof EntryRequirements>;

export const Occupation = z.strictObject({
  id: Id,
  title: LocalizedText,
  alternateTitles: LocalizedList.optional(),
  description: LocalizedText.optional(),
  codes: OccupationCodes.default({}),
  fieldPath: z.array(FieldGroup).default([]),
  regulation: z.array(Regulation).default([]),
  entry: EntryRequirements.optional(),
  notes: z.string().trim().min(1).optional(),
  sources: z.array(Citation).optional(),
});
export type Occupation = z.infer<typeof Occupation>;
export type OccupationInput = z.input<typeof Occupation>;
