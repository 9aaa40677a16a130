import { describe, expect, it } from 'vitest';
import { compileIndex, parseFramework, Profile, rank, type FrameworkDataInput, type RequirementInput } from '../src/index.ts';
import { iscoSkillLevel, preparationOf } from '../src/scoring/preparation.ts';

const meta: FrameworkDataInput['framework'] = {
  id: 'f',
  name: 'F',
  version: '1',
  source: { kind: 'native', publisher: 'tests' },
  licence: { name: 'CC0-1.0', attribution: 'tests' },
  locales: ['en'],
};

/** n occupations o0..o(n-1), each asking for the competencies `asks(i)` lists. */
function framework(n: number, competencies: FrameworkDataInput['competencies'], asks: (i: number) => RequirementInput[], extra: Partial<FrameworkDataInput> = {}): FrameworkDataInput {
  return {
    framework: meta,
    occupations: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, title: { en: `Occupation ${i}` } })),
    competencies,
    requirements: Array.from({ length: n }, (_, i) => asks(i)).flat(),
    ...extra,
  };
}

const skill = (id: string, group?: string) => ({ id, label: { en: id }, kind: 'skill' as const, ...(group ? { group } : {}) });
const listed = (occupation: string, competency: string): RequirementInput => ({ occupation, competency, importance: 1, level: 1, essential: true, source: { scale: 'esco', relation: 'essential' } });
const rated = (occupation: string, competency: string, level: number, importance = 1): RequirementInput => ({ occupation, competency, importance, level });

describe('facets', () => {
  it('scores rated kinds apart, and unrated lists of any kind as one facet', () => {
    const data = framework(
      4,
      [skill('s1'), skill('s2'), { id: 'k1', label: { en: 'k1' }, kind: 'knowledge' }, { id: 'l1', label: { en: 'l1' }, kind: 'knowledge' }, skill('l2')],
      (i) => [rated(`o${i}`, 's1', 0.5), rated(`o${i}`, 's2', 0.4), rated(`o${i}`, 'k1', 0.6), listed(`o${i}`, i % 2 ? 'l1' : 'l2')],
    );
    const index = compileIndex(parseFramework(data));
    expect(index.facets.map((f) => [f.key, f.kinds, f.level])).toEqual([
      ['knowledge', ['knowledge'], 'competency'],
      ['listed', ['knowledge', 'skill'], 'competency'],
      ['skill', ['skill'], 'competency'],
    ]);
    expect(index.facets.map((f) => f.label)).toEqual(['knowledge', 'skills and knowledge', 'skills']);
  });

  it('rolls a sparse facet up to competency groups, so that different skills of one group count as alike work', () => {
    // 30 occupations, each asking for one of 30 skills (sparse): o0..o14 ask skills of group "a",
    // o15..o29 skills of group "b".
    const skills = Array.from({ length: 30 }, (_, i) => skill(`s${i}`, i < 15 ? 'a' : 'b'));
    const data = framework(30, skills, (i) => [rated(`o${i}`, `s${i}`, 0.8)], {
      competencyGroups: [
        { id: 'a', label: { en: 'A' } },
        { id: 'b', label: { en: 'B' } },
      ],
    });
    const index = compileIndex(parseFramework(data), { similarity: { sibling: 0 } });
    expect(index.facets.map((f) => f.key)).toEqual(['skill', 'skill-groups']);
    const ranked = rank(index, Profile.parse({ occupations: [{ occupation: 'o0' }] }), { top: 29 }).results;
    // o1..o14 share group a only: the skill facet scores 0, the group facet 1, each with weight 1 x 1/(1+5).
    const sameGroup = ranked.filter((r) => Number(r.occupation.id.slice(1)) < 15);
    expect(sameGroup).toHaveLength(14);
    for (const r of sameGroup) expect(r.similarity).toBeCloseTo(0.5, 4);
    expect(ranked.slice(0, 14).every((r) => Number(r.occupation.id.slice(1)) < 15)).toBe(true);
    // The others share nothing: similarity 0.
    expect(ranked.slice(14).every((r) => r.similarity === 0)).toBe(true);
  });

  it('rolls no facet of fewer than 20 competencies up to groups', () => {
    const skills = Array.from({ length: 12 }, (_, i) => skill(`s${i}`, i < 6 ? 'a' : 'b'));
    const data = framework(12, skills, (i) => [rated(`o${i}`, `s${i}`, 0.8)], {
      competencyGroups: [
        { id: 'a', label: { en: 'A' } },
        { id: 'b', label: { en: 'B' } },
      ],
    });
    expect(compileIndex(parseFramework(data)).facets.map((f) => f.key)).toEqual(['skill']);
  });

  it('weighs competencies always listed together as one', () => {
    // x, y, z go with o0..o2 and nothing else; w with o0 and o3; o3..o9 each ask for five skills of
    // their own (sparse: 46 requirements for 10 occupations x 39 competencies).
    const own = (i: number) => Array.from({ length: 5 }, (_, k) => `f${i}-${k}`);
    const filler = Array.from({ length: 7 }, (_, i) => own(i + 3)).flat().map((id) => skill(id));
    const data = framework(10, [skill('x'), skill('y'), skill('z'), skill('w'), ...filler], (i) =>
      (i < 3 ? ['x', 'y', 'z', ...(i === 0 ? ['w'] : [])] : [...own(i), ...(i === 3 ? ['w'] : [])]).map((c) => listed(`o${i}`, c)),
    );
    const index = compileIndex(parseFramework(data));
    const spec = (id: string) => index.specificity[index.competencyIndex.get(id)!]!;
    // x: itself 1, J(x,y)^4 = J(x,z)^4 = 1, J(x,w)^4 = (1/4)^4.
    expect(spec('x')).toBeCloseTo(1 / (3 + 1 / 256), 5);
    // w: itself 1, (1/4)^4 for each of x, y, z, and (1/2)^4 for each of o3's five skills.
    expect(spec('w')).toBeCloseTo(1 / (1 + 3 / 256 + 5 / 16), 5);
    // A competency only one occupation asks for has nothing to be redundant with.
    expect(spec('f3-0')).toBe(1);
  });

  it('gives no partial credit inside a densely rated facet, where a missing rating means not relevant', () => {
    // Every occupation rates both skills but o2, which rates s1 only; s1 and s2 are siblings.
    const data = framework(5, [skill('s1', 'g'), skill('s2', 'g')], (i) => [rated(`o${i}`, 's1', 0.8), ...(i === 2 ? [] : [rated(`o${i}`, 's2', 0.5)])], {
      competencyGroups: [{ id: 'g', label: { en: 'G' } }],
    });
    const index = compileIndex(parseFramework(data));
    const fromO2 = rank(index, Profile.parse({ occupations: [{ occupation: 'o2' }] }), { top: 4 }).results.find((r) => r.occupation.id === 'o0')!;
    // s2 gets no credit from s1: met = 1 x 0.8 of 0.8 + 0.5.
    expect(fromO2.coverage).toBeCloseTo(0.8 / 1.3, 4);
    expect(fromO2.explanation!.partial).toEqual([]);
  });
});

describe('traits', () => {
  // Two occupations alike in skills, one of them also alike in interests.
  const data = framework(3, [skill('s'), { id: 'realistic', label: { en: 'Realistic' }, kind: 'interest' }, { id: 'social', label: { en: 'Social' }, kind: 'interest' }], (i) => [
    rated(`o${i}`, 's', 0.6, 0.8),
    rated(`o${i}`, i === 2 ? 'realistic' : 'social', 0.9, 0.9),
  ]);
  const index = compileIndex(parseFramework(data));
  const results = rank(index, Profile.parse({ occupations: [{ occupation: 'o0' }] }), { maxMatched: 50, maxGaps: 50 }).results;

  it('counts towards how alike the work is', () => {
    expect(results.map((r) => r.occupation.id)).toEqual(['o1', 'o2']);
    const o1 = results[0]!;
    const o2 = results[1]!;
    expect(o1.explanation!.facets.map((f) => [f.facet, f.trait, f.similarity])).toEqual([
      ['interest', true, 1],
      ['skill', false, 1],
    ]);
    expect(o2.explanation!.facets.find((f) => f.facet === 'interest')!.similarity).toBe(0);
    expect(o1.similarity).toBe(1);
    expect(o2.similarity).toBeCloseTo(0.5, 4);
  });

  it('is never a competency that transfers, partly transfers or is missing', () => {
    for (const r of results) {
      const e = r.explanation!;
      const listedIds = [...e.matched, ...e.partial, ...e.gaps].map((x) => x.competency.id);
      expect(listedIds).toEqual(['s']);
      expect(r.coverage).toBe(1);
    }
    expect(results[1]!.explanation!.summary).toBe('1 competency already at the level needed; nothing left to build.');
  });
});

describe('how far the move is', () => {
  const data: FrameworkDataInput = {
    framework: meta,
    occupations: [
      { id: 'nurse', title: { en: 'Nurse' }, entry: { trainingMonths: 48 } },
      { id: 'doctor', title: { en: 'Doctor' }, entry: { trainingMonths: 108 } },
      { id: 'aide', title: { en: 'Aide' }, entry: { trainingMonths: 6 } },
      { id: 'clerk', title: { en: 'Clerk' }, codes: { isco: '4110' } },
    ],
    competencies: [skill('care')],
    requirements: ['nurse', 'doctor', 'aide', 'clerk'].map((o) => rated(o, 'care', 0.7)),
  };
  const index = compileIndex(parseFramework(data));
  const results = rank(index, Profile.parse({ occupations: [{ occupation: 'nurse' }] })).results;
  const of = (id: string) => results.find((r) => r.occupation.id === id)!;

  it('costs exp(-training x years^2) for entry training beyond the person\'s, after a year', () => {
    // 108 - 48 = 60 months added; 48 beyond the 12-month allowance = 4 years.
    expect(of('doctor').reach).toBeCloseTo(Math.exp(-0.1 * 16), 4);
    expect(of('doctor').fit).toBeCloseTo(Math.exp(-0.1 * 16), 4);
    expect(of('doctor').flags.addedTrainingMonths).toBe(60);
    expect(of('aide').reach).toBe(1);
    expect(of('aide').flags.addedTrainingMonths).toBe(0);
    // No training months and no preparation scale in common: nothing to measure.
    expect(of('clerk').reach).toBe(1);
    expect(of('clerk').flags.addedTrainingMonths).toBeUndefined();
    expect(results.map((r) => r.occupation.id)).toEqual(['aide', 'clerk', 'doctor']);
  });

  it('says so in words', () => {
    expect(of('doctor').explanation!.why).toBe(
      'Match 20%: the work is 100% alike (skills 100%); it asks for about 60 more months of entry training than Nurse, which reduces the match.',
    );
    expect(of('aide').explanation!.why).toBe('Match 100%: the work is 100% alike (skills 100%); it asks for no more than a year of entry training beyond Nurse.');
  });
});

describe('training still ahead', () => {
  it('estimates it from the essential needs not met when the person\'s own training is as long but different', () => {
    const data: FrameworkDataInput = {
      framework: meta,
      occupations: [
        { id: 'dentist', title: { en: 'Dentist' }, entry: { trainingMonths: 96 } },
        { id: 'doctor', title: { en: 'Doctor' }, entry: { trainingMonths: 108 } },
        { id: 'hygienist', title: { en: 'Hygienist' }, entry: { trainingMonths: 36 } },
      ],
      competencies: [skill('health'), skill('teeth'), skill('diagnosis')],
      requirements: [
        rated('dentist', 'health', 0.8),
        { occupation: 'dentist', competency: 'teeth', importance: 1, level: 0.9, essential: true },
        rated('doctor', 'health', 0.8),
        { occupation: 'doctor', competency: 'diagnosis', importance: 1, level: 0.9, essential: true },
        rated('hygienist', 'health', 0.6),
        { occupation: 'hygienist', competency: 'teeth', importance: 1, level: 0.7, essential: true },
      ],
    };
    const results = rank(compileIndex(parseFramework(data)), Profile.parse({ occupations: [{ occupation: 'dentist' }] })).results;
    const doctor = results.find((r) => r.occupation.id === 'doctor')!;
    const hygienist = results.find((r) => r.occupation.id === 'hygienist')!;
    // 12 months more than the dentist's, but none of the doctor's essential needs met: all 108 ahead.
    expect(doctor.flags.addedTrainingMonths).toBe(12);
    expect(doctor.flags.estimatedTrainingMonths).toBe(108);
    expect(doctor.reach).toBeCloseTo(Math.exp(-0.1 * 8 * 8), 4);
    expect(doctor.explanation!.why).toContain('about 108 months of its entry training would still be ahead (estimated from the essential needs not yet met), which reduces the match');
    expect(hygienist.flags.estimatedTrainingMonths).toBe(0);
    expect(hygienist.reach).toBe(1);
  });
});

describe('preparation scales', () => {
  it('reads the job zone, then the TEER, then the ISCO skill level', () => {
    expect(preparationOf({ id: 'a', title: { en: 'a' }, codes: { teer: 2 }, entry: { jobZone: 3 }, fieldPath: [], regulation: [] })).toEqual({ scale: 'job-zone', step: 3 });
    expect(preparationOf({ id: 'a', title: { en: 'a' }, codes: { teer: 0, isco: '2211' }, fieldPath: [], regulation: [] })).toEqual({ scale: 'teer', step: 4 });
    expect(preparationOf({ id: 'a', title: { en: 'a' }, codes: { teer: 5 }, fieldPath: [], regulation: [] })).toEqual({ scale: 'teer', step: 0 });
    expect(preparationOf({ id: 'a', title: { en: 'a' }, codes: { isco: '2211.1' }, fieldPath: [], regulation: [] })).toEqual({ scale: 'isco-skill-level', step: 4 });
    expect(preparationOf({ id: 'a', title: { en: 'a' }, codes: {}, fieldPath: [], regulation: [] })).toBeUndefined();
  });

  it('maps ISCO-08 major groups to the ILO skill levels', () => {
    expect(['1120', '1411', '2211', '3221', '4110', '7126', '9112', '0110', '0210', '0310', 'x'].map(iscoSkillLevel)).toEqual([4, 3, 4, 3, 2, 2, 1, 4, 2, 1, undefined]);
  });

  it('penalizes steps beyond the first when training months are unknown', () => {
    const data: FrameworkDataInput = {
      framework: meta,
      occupations: [
        { id: 'clerk', title: { en: 'Clerk' }, codes: { isco: '4110' } },
        { id: 'manager', title: { en: 'Manager' }, codes: { isco: '1211' } },
        { id: 'technician', title: { en: 'Technician' }, codes: { isco: '3119' } },
      ],
      competencies: [skill('office')],
      requirements: ['clerk', 'manager', 'technician'].map((o) => rated(o, 'office', 0.5)),
    };
    const results = rank(compileIndex(parseFramework(data)), Profile.parse({ occupations: [{ occupation: 'clerk' }] })).results;
    const of = (id: string) => results.find((r) => r.occupation.id === id)!;
    expect(of('technician').reach).toBe(1);
    expect(of('manager').reach).toBeCloseTo(Math.exp(-0.5), 4);
    expect(of('manager').flags.preparation).toEqual({ scale: 'isco-skill-level', step: 4, change: 2 });
    expect(of('manager').explanation!.why).toBe('Match 61%: the work is 100% alike (skills 100%); it is 2 ISCO skill levels above Clerk, which reduces the match.');
  });
});

describe('similar scope', () => {
  it('is relative to how alike the framework\'s occupations typically are to the person', () => {
    // o0's alternatives: o1 asks for exactly its skills; o2..o11 share one of four.
    const skills = ['a', 'b', 'c', 'd', 'e'].map((id) => skill(id));
    const data = framework(12, skills, (i) =>
      i < 2 ? ['a', 'b', 'c', 'd'].map((c) => rated(`o${i}`, c, 0.6)) : [rated(`o${i}`, 'a', 0.6), rated(`o${i}`, 'e', 0.6)],
    );
    const results = rank(compileIndex(parseFramework(data)), Profile.parse({ occupations: [{ occupation: 'o0' }] }), { top: 11 }).results;
    expect(results[0]!.occupation.id).toBe('o1');
    expect(results[0]!.category).toBe('similar-scope');
    expect(results.slice(1).every((r) => r.category !== 'similar-scope')).toBe(true);
  });
});
