// Building blocks of the request schemas, taken from the core schemas so the API accepts exactly
// what the model accepts: framework ids and versions, occupation references, profile ids, paging.
import { FrameworkMeta, ProfileOccupation } from '@bridgework/core';
import { z } from 'zod';

export const FrameworkId = FrameworkMeta.shape.id.meta({ description: 'Framework id, e.g. fqr-canada, onet, esco.' });
export const FrameworkVersion = FrameworkMeta.shape.version.meta({ description: 'Version label; the most recently imported version when omitted.' });

/** An occupation id, code (NOC, O*NET-SOC, ISCO, ESCO URI) or title, as the core resolves them. */
export const OccupationReference = ProfileOccupation.shape.occupation.meta({
  description: 'Occupation id, code (NOC, O*NET-SOC, ISCO, ESCO URI) or title (English or French, alternate titles included).',
});

/** Stored profiles have random UUIDs. */
export const ProfileId = z.uuid({ error: 'must be a profile id (a UUID)' });

/** Fields every analysis body may carry to choose the framework version. */
export const frameworkFields = {
  framework: FrameworkId.optional().meta({ description: 'Framework id; the default framework (fqr-canada) when omitted, or the framework a stored profile names.' }),
  version: FrameworkVersion.optional(),
};

/** A non-negative integer in a query string: digits only (not "", "1e3", "0x10" or "Infinity"). */
export function integerParam(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

/** A decimal number in a query string. */
export const numberParam = z.string().regex(/^-?\d{1,9}(\.\d{1,9})?$/, 'must be a decimal number').transform(Number);

export const booleanParam = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

export const Cursor = z.string().min(1).max(500).meta({ description: 'The `nextCursor` of the previous page; opaque.' });

/** `?q=&limit=&cursor=&version=` of the occupation and competency lists. */
export const CatalogueQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Words of a title or label, English or French; best matches first.' }),
  limit: integerParam(1, 100).default(20).meta({ description: 'Page size, 1-100 (default 20).' }),
  cursor: Cursor.optional(),
  version: FrameworkVersion.optional(),
});

/** The same rule as exactlyOne, for the OpenAPI document (JSON Schema `oneOf`). */
export function exactlyOneOf(a: string, b: string) {
  return { oneOf: [{ required: [a] }, { required: [b] }] };
}

/** The body must name exactly one of two alternatives (an inline profile or a stored one). */
export function exactlyOne<K extends string>(a: K, b: K) {
  return (value: Partial<Record<K, unknown>>, ctx: z.RefinementCtx) => {
    const given = [a, b].filter((k) => value[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given.length === 0 ? [a] : [b],
        message: given.length === 0 ? `give either "${a}" or "${b}"` : `give "${a}" or "${b}", not both`,
      });
    }
  };
}
