// The fixed tune/test split of source occupations: a source is in the tune split when the first
// byte of SHA-256 of its key is even, in the test split otherwise. The key is chosen per ground
// truth so that one occupation lands in the same split in every figure (docs/evaluation.md).
import { createHash } from 'node:crypto';

export const SPLITS = ['tune', 'test'] as const;
export type Split = (typeof SPLITS)[number];
export type SplitChoice = Split | 'all';

/** O(key length). */
export function splitOf(key: string): Split {
  return createHash('sha256').update(key, 'utf8').digest()[0]! % 2 === 0 ? 'tune' : 'test';
}

/** The splits a `--split` choice asks for, in print order. */
export function splitsOf(choice: SplitChoice): Split[] {
  return choice === 'all' ? [...SPLITS] : [choice];
}
