// The tune/test split is fixed: a source's split depends only on its key, by the first byte of
// SHA-256 (even -> tune). These examples pin it, so a change to the split cannot go unnoticed.
import { describe, expect, it } from 'vitest';
import { splitOf, splitsOf } from '../src/eval/index.ts';

describe('splitOf', () => {
  it.each([
    // key, first byte of SHA-256(key), split
    ['29-1141.00', 0x0e, 'tune'],
    ['11-1011.00', 0xee, 'tune'],
    ['15-1252.00', 0x9f, 'test'],
    ['31301', 0x49, 'test'],
    ['00010', 0xc1, 'test'],
    ['physician', 0xda, 'tune'],
    ['registered-nurse', 0x00, 'tune'],
  ])('puts %s (first byte %i) in the %s split', (key, _byte, split) => {
    expect(splitOf(key)).toBe(split);
  });
});

describe('splitsOf', () => {
  it('measures both splits for all, tune first', () => {
    expect(splitsOf('all')).toEqual(['tune', 'test']);
    expect(splitsOf('test')).toEqual(['test']);
  });
});
