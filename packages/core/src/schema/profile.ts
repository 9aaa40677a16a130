// A person's profile: where they trained, what they can do and at what level, and what
// they will consider. Personal data: stored only when a counsellor asks for it.
import { z } from 'zod';
import { Id, Jurisdiction, Unit } from './common.ts';

export const Evidence = z.enum(['from-occupation', 'self-assessed', 'assessed', 'credential', 'program']);
export type Evidence = z.infer<typeof Evidence>;

export const ProfileOccupation = z.strictObject({
  /** Occupation id, code (NOC, O*NET-SOC, ISCO) or title; resolved against the framework. */
  occupation: z.string().trim().min(1).max(300),
  years: z.number().min(0).max(60).optional(),
});
export type ProfileOccupation = z.infer<typeof ProfileOccupation>;

export const CompetencyOverride = z.strictObject({
  competency: Id,
  level: Unit,
  evidence: Evidence.default('self-assessed'),
  note: z.string().max(1000).optional(),
});
export type CompetencyOverride = z.infer<typeof CompetencyOverride>;

export const Preferences = z.strictObject({
  excludeRegulated: z.boolean().optional(),
  maxTrainingMonths: z.number().min(0).max(240).optional(),
  /** Field codes (any level of the field path) to keep; empty keeps all. */
  includeFields: z.array(z.string().min(1).max(100)).max(100).optional(),
  /** Field codes to leave out. */
  excludeFields: z.array(z.string().min(1).max(100)).max(100).optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const Profile = z.strictObject({
  framework: Id.optional(),
  label: z.string().max(200).optional(),
  occupations: z.array(ProfileOccupation).max(10).default([]),
  competencies: z.array(CompetencyOverride).max(5000).default([]),
  /**
   * Trained outside the framework's jurisdiction: competencies marked jurisdictionSpecific are
   * not taken from the source occupations (they show up as gaps, e.g. the gap to licensure),
   * unless the person's own overrides give them.
   */
  internationallyEducated: z.boolean().optional(),
  /** Canadian Language Benchmark, 1-12, in the language of work. */
  languageLevel: z.int().min(1).max(12).optional(),
  province: Jurisdiction.optional(),
  preferences: Preferences.default({}),
});
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;
