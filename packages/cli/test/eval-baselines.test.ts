// The two baselines, the realism figure and the measuring step on a framework small enough to
// compute by hand. Levels and importances are powers of two, so float32 storage is exact.
import { describe, expect, it } from 'vitest';
import { compileIndex, parseFramework, type FrameworkDataInput } from '@bridgework/core';
import { cosineScores, pearsonScores, topByScore } from '../src/eval/baselines.ts';
import { evaluateGroundTruth, ModelRankings } from '../src/eval/evaluate.ts';
import type { LoadedFramework } from '../src/eval/frameworks.ts';
import { iscoSkillLevel, preparationOf, stepUpShare } from '../src/eval/realism.ts';

function framework(occupations: FrameworkDataInput['occupations'], requirements: FrameworkDataInput['requirements']): FrameworkDataInput {
  return {
    framework: {
      id: 'tiny-eval',
      name: 'Tiny eval',
      version: '1',
      source: { kind: 'native', publisher: 'tests' },
      licence: { name: 'CC0-1.0', attribution: 'tests' },
      locales: ['en'],
    },
    occupations,
    competencyGroups: [],
    competencies: ['x', 'y', 'z', 'w'].map((id) => ({ id, label: { en: id }, kind: 'skill' as const })),
    requirements,
  };
}

// importance x level vectors over (x, y, z): s (0.5, 0.5, 0), a (0.5, 0, 0.5), b (0.5, 0.5, 0),
// d (0.25, 0.125, 0); importance vectors: s (1, 0.5, 0), a (0.5, 0, 1), b (0.5, 0.5, 0),
// d (1, 0.5, 0). c has no requirements; nothing requires w.
const req = (occupation: string, competency: string, importance: number, level: number) => ({ occupation, competency, importance, level });
const data = parseFramework(
  framework(
    ['s', 'a', 'b', 'c', 'd'].map((id) => ({ id, title: { en: id.toUpperCase() } })),
    [
      req('s', 'x', 1, 0.5),
      req('s', 'y', 0.5, 1),
      req('a', 'x', 0.5, 1),
      req('a', 'z', 1, 0.5),
      req('b', 'x', 0.5, 1),
      req('b', 'y', 0.5, 1),
      req('d', 'x', 1, 0.25),
      req('d', 'y', 0.5, 0.25),
    ],
  ),
  { requireRequirements: false },
);
const index = compileIndex(data);
const at = (scores: Float64Array, id: string) => scores[index.occupationIndex.get(id)!]!;
const s = index.occupationIndex.get('s')!;

describe('cosine baseline', () => {
  it('is the cosine of importance x level vectors', () => {
    const scores = cosineScores(index, s);
    expect(at(scores, 'b')).toBeCloseTo(1, 12);
    expect(at(scores, 'd')).toBeCloseTo(3 / Math.sqrt(10), 12);
    expect(at(scores, 'a')).toBeCloseTo(0.5, 12);
    expect(at(scores, 'c')).toBe(0);
  });
});

describe('Pearson baseline', () => {
  // n = 3 (w is required nowhere): s has mean 0.5 and sd sqrt(1/6); b mean 1/3, sd sqrt(1/18).
  it('is Pearson r of dense importance vectors over the required competencies', () => {
    const scores = pearsonScores(index, s);
    expect(at(scores, 'd')).toBeCloseTo(1, 12);
    expect(at(scores, 'b')).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(at(scores, 'a')).toBeCloseTo(-0.5, 12);
    // An occupation with no requirements has no spread: r is taken as 0.
    expect(at(scores, 'c')).toBe(0);
  });
});

describe('topByScore', () => {
  it("ranks the model's candidates: rated, not the source, best first", () => {
    expect(topByScore(index, cosineScores(index, s), s, 10)).toEqual(['b', 'd', 'a']);
    expect(topByScore(index, pearsonScores(index, s), s, 10)).toEqual(['d', 'b', 'a']);
  });

  it('leaves out skipped occupations and keeps k', () => {
    expect(topByScore(index, cosineScores(index, s), s, 1, new Set(['b']))).toEqual(['d']);
  });

  it('breaks ties by occupation id', () => {
    expect(topByScore(index, new Float64Array(index.occupationCount), s, 3)).toEqual(['a', 'b', 'd']);
  });
});

describe('realism', () => {
  // Source: TEER 2, 24 months. t1 two TEER steps up; t2 one step but 24 months more; t3 one step
  // and 12 months more; t4 unknown on both counts; t5 a step down.
  const teer = parseFramework(
    framework(
      [
        { id: 's', title: { en: 'S' }, codes: { teer: 2 }, entry: { trainingMonths: 24 } },
        { id: 't1', title: { en: 'T1' }, codes: { teer: 0 } },
        { id: 't2', title: { en: 'T2' }, codes: { teer: 1 }, entry: { trainingMonths: 48 } },
        { id: 't3', title: { en: 'T3' }, codes: { teer: 1 }, entry: { trainingMonths: 36 } },
        { id: 't4', title: { en: 'T4' } },
        { id: 't5', title: { en: 'T5' }, codes: { teer: 3 } },
      ],
      ['s', 't1', 't2', 't3', 't4', 't5'].map((o) => req(o, 'x', 1, 1)),
    ),
  );
  const teerIndex = compileIndex(teer);

  it('is the share of judged top-10 results that are two or more steps, or 24+ months, up', () => {
    const prep = preparationOf(teerIndex, 'teer');
    expect(stepUpShare(teerIndex, prep, 's', ['t1', 't2', 't3', 't4', 't5'])).toBe(2 / 4);
    expect(stepUpShare(teerIndex, prep, 's', ['t4'])).toBeNaN();
  });

  it('reads O*NET job zones from the entry, else from Job Zones.txt by code', () => {
    const prep = preparationOf(teerIndex, 'job-zone', new Map([['s', 2], ['t1', 4], ['t5', 3]]));
    // t1: zone 4 from 2, a step up; t5: one zone up; t2: 24 months more.
    expect(stepUpShare(teerIndex, prep, 's', ['t1', 't5', 't2'])).toBe(2 / 3);
  });

  it('gives ISCO-08 major groups their ILO skill level', () => {
    expect(['1120', '2211.1', '3112', '4110', '8111', '9111', '0110', '0210', '0310'].map(iscoSkillLevel)).toEqual([4, 4, 3, 2, 2, 1, 4, 2, 1]);
  });
});

describe('evaluateGroundTruth', () => {
  const loaded: LoadedFramework = { key: 'fqr', data, index, preparation: preparationOf(index, 'teer') };
  // Key 's' is in the tune split (the first byte of its SHA-256 is 0x04).
  const truth = {
    name: 'tiny.gt',
    framework: 'fqr' as const,
    sources: [{ source: 's', key: 's', relevant: new Set(['d', 'a']), undetermined: new Set(['b']) }],
    measures: ['precision@10', 'recall@20'] as const,
    notes: [],
  };

  it("removes undetermined occupations from the model's list and still returns the length asked for", () => {
    const model = new ModelRankings(loaded, {});
    const full = model.ranked('s', undefined);
    expect([...full].sort()).toEqual(['a', 'b', 'd']);
    expect(model.ranked('s', 2, new Set([full[0]!]))).toEqual(full.slice(1));
  });

  it('measures the model and both baselines with the undetermined ones removed', () => {
    const { figures } = evaluateGroundTruth(truth, loaded, new ModelRankings(loaded, {}), ['tune', 'test'], false);
    const values = Object.fromEntries(figures.map((f) => [f.name, [f.value, f.n]]));
    // Without b, every list is a permutation of d and a: both relevant.
    expect(values).toMatchObject({
      'tiny.gt.tune.precision@10': [0.2, 1],
      'tiny.gt.tune.recall@20': [1, 1],
      'tiny.gt.tune.baseline.cosine.precision@10': [0.2, 1],
      'tiny.gt.tune.baseline.pearson.recall@20': [1, 1],
      'tiny.gt.test.precision@10': [null, 0],
    });
    expect(Object.keys(values).filter((n) => n.startsWith('tiny.gt.tune'))).toEqual([
      'tiny.gt.tune.precision@10',
      'tiny.gt.tune.recall@20',
      'tiny.gt.tune.realism',
      'tiny.gt.tune.baseline.cosine.precision@10',
      'tiny.gt.tune.baseline.cosine.recall@20',
      'tiny.gt.tune.baseline.cosine.realism',
      'tiny.gt.tune.baseline.pearson.precision@10',
      'tiny.gt.tune.baseline.pearson.recall@20',
      'tiny.gt.tune.baseline.pearson.realism',
    ]);
  });
});
