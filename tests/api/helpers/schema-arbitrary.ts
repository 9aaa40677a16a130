// fast-check arbitraries from the JSON Schemas of an OpenAPI 3.1 document (the subset zod's
// toJSONSchema writes: $ref, allOf/anyOf/oneOf, object, array, string with pattern, format, enum
// and lengths, number and integer with bounds, boolean, null, const). Strings are drawn partly from
// `known` (values the server holds: occupation and competency ids), by property name, so that
// generated requests reach past the lookups as well as failing at them.
import fc from 'fast-check';

type Schema = Record<string, any>;

export interface ArbitraryOptions {
  /** The document, for $ref. */
  document: Schema;
  /** Property name -> values worth trying for it. */
  known?: Record<string, readonly string[]>;
  /** Longest array generated (schemas allow thousands of items). */
  maxItems?: number;
  /** Longest string generated. */
  maxLength?: number;
}

export function arbitraryFor(schema: Schema, options: ArbitraryOptions, name = '', depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, options.document);
  if (depth > 8) return fc.constant(null);
  if ('const' in resolved) return fc.constant(resolved.const);
  if (Array.isArray(resolved.enum)) return fc.constantFrom(...resolved.enum);
  if (Array.isArray(resolved.anyOf) && resolved.type === undefined && !onlyRequired(resolved.anyOf)) {
    return fc.oneof(...resolved.anyOf.map((s: Schema) => arbitraryFor(s, options, name, depth + 1)));
  }
  if (Array.isArray(resolved.oneOf) && resolved.type === undefined && !onlyRequired(resolved.oneOf)) {
    return fc.oneof(...resolved.oneOf.map((s: Schema) => arbitraryFor(s, options, name, depth + 1)));
  }
  if (Array.isArray(resolved.type)) return fc.oneof(...resolved.type.map((t: string) => arbitraryFor({ ...resolved, type: t }, options, name, depth + 1)));
  switch (resolved.type) {
    case 'object':
      return objectArbitrary(resolved, options, depth);
    case 'array': {
      const min = resolved.minItems ?? 0;
      const max = Math.max(min, Math.min(resolved.maxItems ?? 4, min + (options.maxItems ?? 4)));
      return fc.array(arbitraryFor(resolved.items ?? {}, options, name, depth + 1), { minLength: min, maxLength: max });
    }
    case 'string':
      return stringArbitrary(resolved, options, name);
    case 'integer':
      return fc.integer({ min: bound(resolved.minimum, resolved.exclusiveMinimum, 1, -1000), max: bound(resolved.maximum, resolved.exclusiveMaximum, -1, 1000) });
    case 'number': {
      const min = resolved.minimum ?? resolved.exclusiveMinimum ?? -1000;
      const max = resolved.maximum ?? resolved.exclusiveMaximum ?? 1000;
      return fc
        .oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }))
        .filter((x) => (resolved.exclusiveMinimum === undefined || x > resolved.exclusiveMinimum) && (resolved.exclusiveMaximum === undefined || x < resolved.exclusiveMaximum))
        .map((x) => (Object.is(x, -0) ? 0 : x));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // {} (any): a small JSON value.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** oneOf/anyOf of `{ required: [...] }` only: a rule between an object's members, not alternatives. */
function onlyRequired(branches: Schema[]): boolean {
  return branches.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required));
}

function objectArbitrary(schema: Schema, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  // exactly one of (oneOf) / at least one of (anyOf) members: one branch chosen per value.
  const branches: string[][] | undefined = (schema.oneOf ?? schema.anyOf)?.map((b: Schema) => b.required as string[]);
  const exclusive = schema.oneOf !== undefined;
  const build = (chosen: string[] | undefined) => {
    const keys = Object.keys(properties).filter((k) => !(exclusive && branches && chosen && branches.some((b) => b !== chosen && b.includes(k) && !chosen.includes(k))));
    const must = new Set([...required, ...(chosen ?? [])]);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const key of keys) record[key] = arbitraryFor(properties[key]!, options, key, depth + 1);
    return fc.record(record, { requiredKeys: keys.filter((k) => must.has(k)) });
  };
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => build(b)));
  if (Object.keys(properties).length === 0 && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), arbitraryFor(schema.additionalProperties, options, '', depth + 1), { maxKeys: 3 });
  }
  return build(undefined);
}

function stringArbitrary(schema: Schema, options: ArbitraryOptions, name: string): fc.Arbitrary<string> {
  const patterns: RegExp[] = [schema.pattern, ...(schema.allOf ?? []).map((s: Schema) => s.pattern)].filter((p): p is string => typeof p === 'string').map((p) => new RegExp(p, 'u'));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? Infinity, Math.max(minLength, options.maxLength ?? 24));
  const fits = (s: string) => {
    const length = [...s].length;
    return length >= minLength && length <= (schema.maxLength ?? Infinity) && patterns.every((p) => p.test(s));
  };
  let base: fc.Arbitrary<string>;
  if (schema.format === 'uuid') base = fc.uuid();
  else if (schema.format === 'uri') base = fc.webUrl();
  else if (schema.format === 'date-time') base = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  else if (patterns.length > 0) base = fc.stringMatching(patterns.at(-1)!).filter((s) => [...s].length <= (schema.maxLength ?? Infinity));
  else base = fc.string({ minLength, maxLength, unit: 'grapheme' });
  const known = (options.known?.[name] ?? []).filter(fits);
  const drawn = known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, { arbitrary: base, weight: 1 }) : base;
  return drawn.filter(fits);
}

function bound(inclusive: number | undefined, exclusive: number | undefined, step: number, fallback: number): number {
  if (inclusive !== undefined) return Math.max(-1e6, Math.min(1e6, inclusive));
  if (exclusive !== undefined) return exclusive + step;
  return fallback;
}

export function resolve(schema: Schema, document: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    const { $ref: _ref, ...rest } = current;
    let target: any = document;
    for (const part of path) target = target?.[part];
    current = { ...target, ...rest };
  }
  return current;
}
