// Building blocks shared by every schema: ids, locales, localized text, unit intervals.
import { z } from 'zod';

/** A stable identifier within one framework: no whitespace, at most 300 characters. */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(300, 'must be at most 300 characters')
  .regex(/^\S+$/, 'must not contain whitespace');
export type Id = z.infer<typeof Id>;

export const Locale = z.enum(['en', 'fr']);
export type Locale = z.infer<typeof Locale>;
export const LOCALES: readonly Locale[] = Locale.options;

const Text = z.string().trim().min(1, 'must not be empty');

/** Text in English (always) and French (when the framework has it). */
export const LocalizedText = z.strictObject({ en: Text, fr: Text.optional() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Lists of strings per locale (alternate titles, alternative labels). */
export const LocalizedList = z.strictObject({
  en: z.array(Text).optional(),
  fr: z.array(Text).optional(),
});
export type LocalizedList = z.infer<typeof LocalizedList>;

/** A normalised rating in [0,1]. */
const outsideUnit = (issue: { input?: unknown }) => `must be between 0 and 1, got ${String(issue.input)}`;
export const Unit = z.number().gte(0, { error: outsideUnit }).lte(1, { error: outsideUnit });

/** Where a statement in a framework comes from: a document and, where known, its line. */
export const Citation = z.strictObject({
  /** A document of the framework's sources (file name) or the title of a public page or statute. */
  document: Text,
  /** Where the document is published, when it is public. */
  url: z.url().optional(),
  line: z.int().positive().optional(),
  lines: z.string().regex(/^\d+(-\d+)?$/).optional(),
  note: Text.optional(),
});
export type Citation = z.infer<typeof Citation>;

/**
 * Canadian provinces and territories (ISO 3166-2:CA suffixes) plus CA for federal rules.
 * Regulation in Canada is provincial; other frameworks keep their notes as text.
 */
export const Jurisdiction = z.enum(['CA', 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
export type Jurisdiction = z.infer<typeof Jurisdiction>;
