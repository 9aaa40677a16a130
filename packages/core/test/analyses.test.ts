import { describe, expect, it } from 'vitest';
import {
  BridgeworkError,
  cohortGaps,
  compare,
  compileIndex,
  matrix,
  parseFramework,
  pathways,
  Profile,
  rank,
  whatIf,
  type FrameworkDataInput,
} from '../src/index.ts';
import { tinyFramework } from './fixtures.ts';

const tiny = compileIndex(parseFramework(tinyFramework()));

/** A chain a -> b -> c where each step overlaps a lot but a -> c overlaps little. */
function chainFramework(): FrameworkDataInput {
  const c = (id: string) => ({ id, label: { en: id.toUpperCase() }, kind: 'skill' as const });
  const req = (occupation: string, competency: string, level = 0.8) => ({ occupation, competency, importance: 1, level });
  return {
    framework: { id: 'chain', name: 'Chain', version: '1', source: { kind: 'native', publisher: 't' }, licence: { name: 'CC0', attribution: 't' }, locales: ['en'] },
    occupations: [
      { id: 'a', title: { en: 'Alpha' } },
      { id: 'b', title: { en: 'Beta' } },
      { id: 'c', title: { en: 'Gamma' } },
    ],
    competencies: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].map(c),
    requirements: [
      req('a', 'x1'), req('a', 'x2'), req('a', 'x3'),
      req('b', 'x2'), req('b', 'x3'), req('b', 'x4'),
      req('c', 'x3'), req('c', 'x4'), req('c', 'x5'),
    ],
  };
}
const chain = compileIndex(parseFramework(chainFramework()));

describe('compare', () => {
  it('lists shared and one-sided competencies with both levels and both coverages', () => {
    const result = compare(tiny, 'physician', 'pa');
    expect(result.shared).toEqual([
      { competency: { id: 'communication', label: 'Communication' }, a: { importance: 0.8, level: 0.8, essential: false }, b: { importance: 0.8, level: 0.7, essential: false }, difference: 0.1 },
    ]);
    expect(result.onlyA.map((x) => x.competency.id)).toEqual(['reasoning']);
    expect(result.onlyB.map((x) => x.competency.id)).toEqual(['history']);
    // a -> b: 0.8 x 0.7 / 1.19; b -> a: 0.8 x 0.7 / (0.9 + 0.64)
    expect(result.coverage).toEqual({ aToB: Math.round((0.56 / 1.19) * 1e4) / 1e4, bToA: Math.round((0.56 / 1.54) * 1e4) / 1e4 });
  });

  it('finds occupations by title and code', () => {
    expect(compare(tiny, 'Médecin', '31303').b.id).toBe('pa');
  });
});

describe('matrix', () => {
  it('gives both directions for every pair, with 1 on the diagonal', () => {
    const m = matrix(chain, ['a', 'b', 'c']);
    expect(m.coverage).toEqual([
      [1, 0.6667, 0.3333],
      [0.6667, 1, 0.6667],
      [0.3333, 0.6667, 1],
    ]);
  });

  it('rejects an empty set', () => {
    expect(() => matrix(chain, [])).toThrowError('matrix needs at least one occupation');
  });
});

describe('cohortGaps', () => {
  it('ranks what to teach by importance x mean deficit, and lists what all already meet', () => {
    const cohort = [
      Profile.parse({ occupations: [{ occupation: 'a' }] }),
      Profile.parse({ occupations: [{ occupation: 'a' }], competencies: [{ competency: 'x4', level: 0.4 }] }),
    ];
    const result = cohortGaps(chain, cohort, 'b', { partialCredit: false });
    expect(result.cohortSize).toBe(2);
    expect(result.gaps).toEqual([
      {
        competency: { id: 'x4', label: 'X4' },
        importance: 1,
        required: 0.8,
        essential: false,
        lacking: 2,
        shareLacking: 1,
        meanDeficit: 0.6, // (0.8 + 0.4) / 2
        meanDeficitAmongLacking: 0.6,
        priority: 0.6,
      },
    ]);
    expect(result.alreadyMet.map((c) => c.id)).toEqual(['x2', 'x3']);
    expect(result.meanCoverage).toBeCloseTo((2 / 3 + (1.6 + 0.4) / 2.4) / 2, 4);
  });

  it('names the cohort member whose profile is wrong', () => {
    const cohort = [Profile.parse({ occupations: [{ occupation: 'a' }] }), Profile.parse({ label: 'P2', occupations: [{ occupation: 'zzz' }] })];
    expect(() => cohortGaps(chain, cohort, 'b')).toThrowError(/^cohort member 2 \(P2\): no occupation/);
    expect(() => cohortGaps(chain, [], 'b')).toThrowError(BridgeworkError);
  });
});

describe('whatIf', () => {
  it('raises levels through a program, re-ranks and reports the change', () => {
    const p = Profile.parse({ occupations: [{ occupation: 'a' }] });
    const result = whatIf(chain, p, { competencies: [{ competency: 'x4', level: 0.8 }] }, { partialCredit: false });
    const b = result.deltas.find((d) => d.occupation.id === 'b')!;
    expect(b.before!.coverage).toBeCloseTo(2 / 3, 4);
    expect(b.after!.coverage).toBe(1);
    expect(b.coverageChange).toBeCloseTo(1 / 3, 3);
    expect(result.profile.competencies).toEqual([{ competency: 'x4', level: 0.8, evidence: 'program' }]);
  });

  it('never lowers a level the person already has', () => {
    const p = Profile.parse({ occupations: [{ occupation: 'a' }] });
    const result = whatIf(chain, p, { competencies: [{ competency: 'x1', level: 0.2 }] }, { partialCredit: false });
    expect(result.profile.competencies).toEqual([]);
    expect(result.deltas.every((d) => d.fitChange === 0)).toBe(true);
  });
});

describe('pathways', () => {
  const fromA = Profile.parse({ occupations: [{ occupation: 'a' }] });

  it('finds a stepping stone when the direct move is below the threshold', () => {
    const result = pathways(chain, fromA, 'c', { minCoverage: 0.6, partialCredit: false });
    expect(result.direct.coverage).toBeCloseTo(1 / 3, 4);
    expect(result.found).toBe(true);
    expect(result.steps.map((s) => [s.from?.id ?? null, s.to.id, s.coverage])).toEqual([
      [null, 'b', 0.6667],
      ['b', 'c', 0.6667],
    ]);
    expect(result.steps[1]!.gaps.map((g) => g.competency.id)).toEqual(['x5']);
    expect(result.cost).toBeCloseTo(2 * (1 - 2 / 3 + 0.05), 3);
  });

  it('reports no route when the steps allowed are too few', () => {
    const result = pathways(chain, fromA, 'c', { minCoverage: 0.6, maxSteps: 1, partialCredit: false });
    expect(result.found).toBe(false);
    expect(result.message).toMatch(/^No route of at most 1 step/);
  });
});

describe('filters and flags', () => {
  function careers(): FrameworkDataInput {
    const base = tinyFramework();
    base.occupations = [
      { id: 'physician', title: { en: 'Physician' }, codes: { noc: '31102', teer: 1 }, fieldPath: [{ code: '3', title: { en: 'Health' } }], regulation: [{ jurisdiction: 'ON', regulated: true, regulator: 'CPSO' }] },
      { id: 'pa', title: { en: 'Physician assistant' }, codes: { noc: '31303', teer: 1 }, fieldPath: [{ code: '3', title: { en: 'Health' } }], regulation: [{ jurisdiction: 'ON', regulated: false }, { jurisdiction: 'AB', regulated: true, regulator: 'CPSA' }], entry: { trainingMonths: 24 } },
      { id: 'nurse', title: { en: 'Registered nurse' }, codes: { noc: '31301', teer: 1 }, fieldPath: [{ code: '3', title: { en: 'Health' } }], regulation: [{ jurisdiction: 'ON', regulated: true, regulator: 'CNO' }], entry: { trainingMonths: 48 } },
    ];
    return base;
  }
  const index = compileIndex(parseFramework(careers()));
  const ids = (p: unknown, o = {}) => rank(index, Profile.parse(p), o).results.map((r) => r.occupation.id);

  it('excludes occupations regulated in the province, or anywhere without one', () => {
    expect(ids({ occupations: [{ occupation: 'physician' }], province: 'ON', preferences: { excludeRegulated: true } })).toEqual(['pa']);
    expect(ids({ occupations: [{ occupation: 'physician' }], province: 'AB', preferences: { excludeRegulated: true } })).toEqual(['nurse']);
    expect(ids({ occupations: [{ occupation: 'physician' }], preferences: { excludeRegulated: true } })).toEqual([]);
  });

  it('excludes occupations with longer training, and filters by field', () => {
    expect(ids({ occupations: [{ occupation: 'physician' }] }, { filters: { maxTrainingMonths: 30 } })).toEqual(['pa']);
    expect(ids({ occupations: [{ occupation: 'physician' }] }, { filters: { excludeFields: ['3'] } })).toEqual([]);
    expect(ids({ occupations: [{ occupation: 'physician' }] }, { filters: { includeFields: ['3'] } })).toEqual(['nurse', 'pa']);
  });

  it('counts what each filter removed', () => {
    const ranking = rank(index, Profile.parse({ occupations: [{ occupation: 'physician' }], province: 'ON' }), { filters: { excludeRegulated: true, maxTrainingMonths: 12 } });
    expect(ranking.excluded).toEqual({ regulated: 1, trainingMonths: 1, fields: 0, minCoverage: 0, unrated: 0 });
  });

  it('flags regulation in the province with its regulator, TEER change and training', () => {
    const nurse = rank(index, Profile.parse({ occupations: [{ occupation: 'physician' }], province: 'ON' })).results.find((r) => r.occupation.id === 'nurse')!;
    // TEER 1 is preparation step 4 on the TEER scale (preparation.ts); the physician's TEER is 1 too.
    expect(nurse.flags).toEqual({ regulated: true, regulation: 'regulated', regulatedIn: ['ON'], regulator: 'CNO', teer: 1, teerChange: 0, trainingMonths: 48, preparation: { scale: 'teer', step: 4, change: 0 } });
    expect(nurse.category).toBe('same-field');
  });
});

describe('language need', () => {
  it('reads the target\'s language requirement as a CLB and flags a shortfall', () => {
    const data = chainFramework();
    data.competencies.push({ id: 'english', label: { en: 'English' }, kind: 'language' });
    data.requirements.push({ occupation: 'b', competency: 'english', importance: 1, level: 0.75 });
    const index = compileIndex(parseFramework(data));
    const b = rank(index, Profile.parse({ occupations: [{ occupation: 'a' }], languageLevel: 7 })).results.find((r) => r.occupation.id === 'b')!;
    expect(b.flags).toMatchObject({ languageNeed: 8, languageGap: true });
  });
});
