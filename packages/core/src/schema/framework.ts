// Framework metadata: identity, version and provenance a regulator can check.
import { z } from 'zod';
import { Id, Locale } from './common.ts';

export const FrameworkSourceKind = z.enum(['native', 'onet', 'esco', 'tabiya', 'noc', 'oasis', 'generated']);
export type FrameworkSourceKind = z.infer<typeof FrameworkSourceKind>;

export const FrameworkMeta = z.strictObject({
  id: Id.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens'),
  name: z.string().trim().min(1),
  version: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).optional(),
  source: z.strictObject({
    kind: FrameworkSourceKind,
    publisher: z.string().trim().min(1),
    release: z.string().trim().min(1).optional(),
    url: z.url().optional(),
  }),
  licence: z.strictObject({
    name: z.string().trim().min(1),
    url: z.url().optional(),
    attribution: z.string().trim().min(1),
  }),
  locales: z.array(Locale).min(1),
  importedAt: z.iso.datetime().optional(),
});
export type FrameworkMeta = z.infer<typeof FrameworkMeta>;
