// The web app's two message modules: the same keys in both languages, and the wording rules of
// the project's domain brief (an alternative is a parallel option, never a "lower level").
import { describe, expect, it } from 'vitest';
import { en } from '../src/web/messages/en.ts';
import { fr } from '../src/web/messages/fr.ts';

/** Every leaf as "path: text"; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [`${path}: ${value}`];
  if (typeof value === 'function') {
    const samples = [2, 3, 'X', 'Y'];
    const args = Array.from({ length: value.length }, (_, i) => samples[i % samples.length]);
    return [`${path}: ${String((value as (...a: unknown[]) => unknown)(...args))}`];
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

const keys = (lines: string[]) => lines.map((l) => l.slice(0, l.indexOf(': ')));

describe('messages', () => {
  it('has the same keys in English and French', () => {
    expect(keys(leaves(fr))).toEqual(keys(leaves(en)));
  });

  it('never calls an alternative lower, lesser, a downgrade or a fallback, in either language', () => {
    const banned = /\b(lower|lesser|downgrade|fallback|failure|failed|settle for|inférieur|inférieure|déclass|rétrograd|échec|au rabais)/i;
    const offending = [...leaves(en), ...leaves(fr)].filter((line) => banned.test(line));
    expect(offending).toEqual([]);
  });

  it('says the person decides, in both languages', () => {
    expect(en.results.intro).toMatch(/The person decides/);
    expect(fr.results.intro).toMatch(/C’est la personne qui choisit/);
    expect(en.alternative.intro).toMatch(/the person decides/);
    expect(fr.alternative.intro).toMatch(/la personne décide/);
  });
});
