// Ranking-quality arithmetic, on lists short enough to count by hand.
import { describe, expect, it } from 'vitest';
import { hitsAt, precisionAt, ranksOf, recallAt, summarize, summaryFigures } from '../src/eval/metrics.ts';

const ranked = ['a', 'b', 'c', 'd', 'e'];
const relevant = new Set(['b', 'e', 'z']);

describe('precision and recall', () => {
  it('counts hits in the first k over k, and over the relevant set', () => {
    expect(hitsAt(ranked, relevant, 2)).toBe(1);
    expect(precisionAt(ranked, relevant, 2)).toBe(0.5);
    expect(recallAt(ranked, relevant, 5)).toBeCloseTo(2 / 3, 12);
  });

  it('counts the missing places of a short list as misses', () => {
    expect(precisionAt(ranked, relevant, 10)).toBe(0.2);
  });

  it('gives recall 0 when nothing is relevant', () => {
    expect(recallAt(ranked, new Set(), 5)).toBe(0);
  });

  it('reports the 1-based rank of each relevant occupation found', () => {
    expect(ranksOf(ranked, relevant)).toEqual([2, 5]);
  });
});

describe('summaries', () => {
  it('gives the mean and quartiles by linear interpolation', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ mean: 2.5, q1: 1.75, median: 2.5, q3: 3.25, n: 4 });
  });

  it('prints the mean, and the quartiles only when asked', () => {
    expect(summaryFigures('x.precision@10', [0.1, 0.2, 0.6], false)).toEqual([{ name: 'x.precision@10', value: 0.3, n: 3 }]);
    expect(summaryFigures('x.precision@10', [0.1, 0.2, 0.6], true).map((f) => [f.name, f.value])).toEqual([
      ['x.precision@10', 0.3],
      ['x.precision@10.q1', 0.15],
      ['x.precision@10.median', 0.2],
      ['x.precision@10.q3', 0.4],
    ]);
  });

  it('prints a median figure for median_rank, and null for no values', () => {
    expect(summaryFigures('x.median_rank', [9, 1, 4], false, 'median')).toEqual([{ name: 'x.median_rank', value: 4, n: 3 }]);
    expect(JSON.stringify(summaryFigures('x.realism', [], false))).toBe('[{"name":"x.realism","value":null,"n":0}]');
  });
});
