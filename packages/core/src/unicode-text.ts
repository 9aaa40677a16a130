// Text as people and databases count it: strings must be well-formed Unicode (a lone UTF-16
// surrogate has no UTF-8 form, so SQLite would store U+FFFD in its place and PostgreSQL refuse it),
// and lengths are counted in code points, as zod's and JSON Schema's maxLength count them.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` holds no lone surrogate (String.prototype.isWellFormed, which ES2023 lacks). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Length in code points: an emoji counts once, as in `z.string().max()` and JSON Schema. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export interface LoneSurrogate {
  /** Where in the value: field names and array indexes. */
  path: (string | number)[];
  /** True when a field name holds it. */
  inKey: boolean;
  /** The surrogate's code unit, e.g. 0xd800. */
  unit: number;
}

/** The first string or field name in a JSON-like value that holds a lone surrogate. O(size). */
export function findLoneSurrogate(value: unknown, path: (string | number)[] = []): LoneSurrogate | undefined {
  if (typeof value === 'string') {
    const found = LONE_SURROGATE.exec(value);
    return found ? { path, inKey: false, unit: found[0].charCodeAt(0) } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const inKey = LONE_SURROGATE.exec(key);
      if (inKey) return { path, inKey: true, unit: inKey[0].charCodeAt(0) };
      const found = findLoneSurrogate(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
