import { describe, expect, it } from 'vitest';
import { BridgeworkError, compileIndex, fitRow, parseFramework, Profile, rank, type ProfileInput } from '../src/index.ts';
import { tinyFramework } from './fixtures.ts';

const index = compileIndex(parseFramework(tinyFramework()));
const profile = (input: ProfileInput) => Profile.parse(input);
const fromPhysician = profile({ occupations: [{ occupation: 'physician' }] });

describe('rank', () => {
  // Physician levels: reasoning 0.9 (importance 1), communication 0.8 (importance 0.8), so the
  // salience-weighted total is 1 x 0.9 + 0.8 x 0.8 = 1.54. history gets partial credit from
  // reasoning through the related relation: 0.9 x 0.6 = 0.54. The three skills make one facet
  // (rated, 5 of 9 possible requirements: neither sparse nor dense), no field paths (hierarchy 1),
  // no training months (reach 1), essential exponent 0: fit = similarity = coverage x utilization.
  it('computes coverage, gap, utilization and fit by the documented formulas', () => {
    const { results } = rank(index, fromPhysician);
    const pa = results.find((r) => r.occupation.id === 'pa')!;
    // met = 0.9 x min(0.54, 0.7) + 0.8 x min(0.8, 0.7) = 1.046; total = 0.9 x 0.7 + 0.8 x 0.7 = 1.19
    expect(pa.coverage).toBeCloseTo(1.046 / 1.19, 4);
    expect(pa.gap).toBeCloseTo(1.19 - 1.046, 4);
    // used = salience 0.8 x min(0.8, 0.7)
    expect(pa.utilization).toBeCloseTo(0.56 / 1.54, 4);
    expect(pa.essentialCoverage).toBe(1);
    expect(pa.similarity).toBeCloseTo((1.046 / 1.19) * (0.56 / 1.54), 4);
    expect(pa.reach).toBe(1);
    expect(pa.fit).toBeCloseTo((1.046 / 1.19) * (0.56 / 1.54), 4);
    const nurse = results.find((r) => r.occupation.id === 'nurse')!;
    expect(nurse.coverage).toBe(1);
    expect(nurse.gap).toBe(0);
    expect(nurse.fit).toBeCloseTo(0.64 / 1.54, 4);
  });

  it('gives the fit of every occupation as one row of the transition table', () => {
    const row = fitRow(index, fromPhysician);
    const ranked = rank(index, fromPhysician).results;
    for (const r of ranked) expect(row[index.occupationIndex.get(r.occupation.id)!]).toBeCloseTo(r.fit, 4);
    expect(row[index.occupationIndex.get('physician')!]).toBe(0);
  });

  it('says why, with the facets of the similarity', () => {
    const pa = rank(index, fromPhysician).results.find((r) => r.occupation.id === 'pa')!;
    expect(pa.explanation!.facets).toEqual([
      { facet: 'skill', kind: 'skill', label: 'skills', level: 'competency', trait: false, coverage: 0.879, utilization: 0.364, similarity: 0.32, share: 1 },
    ]);
    expect(pa.explanation!.why).toBe('Match 32%: the work is 32% alike (skills 32%).');
  });

  it('orders by fit and reports the source occupation apart', () => {
    const ranking = rank(index, fromPhysician);
    expect(ranking.results.map((r) => [r.rank, r.occupation.id])).toEqual([
      [1, 'nurse'],
      [2, 'pa'],
    ]);
    expect(ranking.source).toHaveLength(1);
    expect(ranking.source[0]).toMatchObject({ occupation: { id: 'physician', code: '31102' }, coverage: 1, gap: 0 });
    expect(ranking.from.occupations.map((o) => o.id)).toEqual(['physician']);
  });

  it('explains partial credit with its source competency', () => {
    const pa = rank(index, fromPhysician).results.find((r) => r.occupation.id === 'pa')!;
    expect(pa.explanation!.partial).toEqual([
      {
        competency: { id: 'history', label: 'History taking' },
        importance: 0.9,
        required: 0.7,
        level: 0.54,
        from: { id: 'reasoning', label: 'Clinical reasoning' },
        fromLevel: 0.9,
        similarity: 0.6,
      },
    ]);
    expect(pa.explanation!.matched.map((m) => [m.competency.id, m.evidence])).toEqual([['communication', 'from-occupation']]);
    expect(pa.explanation!.gaps.map((g) => [g.competency.id, g.deficit])).toEqual([['history', 0.16]]);
  });

  it('gives no partial credit when it is turned off', () => {
    const pa = rank(index, fromPhysician, { partialCredit: false }).results.find((r) => r.occupation.id === 'pa')!;
    expect(pa.coverage).toBeCloseTo(0.56 / 1.19, 4);
    expect(pa.explanation!.partial).toEqual([]);
  });

  it('is asymmetric: A to B differs from B to A', () => {
    const fromPa = rank(index, profile({ occupations: [{ occupation: 'pa' }] }), { partialCredit: false });
    const physician = fromPa.results.find((r) => r.occupation.id === 'physician')!;
    // PA levels: history 0.7, communication 0.7. Physician needs reasoning 0.9 (ess.), communication 0.8.
    expect(physician.coverage).toBeCloseTo((0.8 * 0.7) / (0.9 + 0.64), 4);
    expect(physician.essentialCoverage).toBe(0);
    // used = 0.8 x 0.7 of the PA's 0.9 x 0.7 + 0.8 x 0.7 = 1.19
    expect(physician.fit).toBeCloseTo(((0.8 * 0.7) / 1.54) * (0.56 / 1.19), 4);
    // With partial credit the two directions differ: history (0.7) credits reasoning 0.42 towards
    // the physician's needs, while reasoning credits history 0.54 towards the PA's.
    const paToPhysician = rank(index, profile({ occupations: [{ occupation: 'pa' }] })).results.find((r) => r.occupation.id === 'physician')!;
    const physicianToPa = rank(index, fromPhysician).results.find((r) => r.occupation.id === 'pa')!;
    expect(paToPhysician.fit).toBeCloseTo((0.98 / 1.54) * (0.56 / 1.19), 4);
    expect(physicianToPa.fit).toBeCloseTo((1.046 / 1.19) * (0.56 / 1.54), 4);
    // With an exponent on essential coverage, a missing essential competency weighs heavily.
    const strict = rank(index, profile({ occupations: [{ occupation: 'pa' }] }), { partialCredit: false, weights: { essential: 0.5 } });
    expect(strict.results.find((r) => r.occupation.id === 'physician')!.fit).toBe(0);
  });

  it('marks an essential competency that is nearly absent as a hard gap', () => {
    const fromPa = rank(index, profile({ occupations: [{ occupation: 'pa' }] }), { partialCredit: false });
    const physician = fromPa.results.find((r) => r.occupation.id === 'physician')!;
    expect(physician.explanation!.gaps[0]).toMatchObject({ competency: { id: 'reasoning' }, deficit: 0.9, essential: true, hard: true });
    expect(physician.explanation!.hardGaps).toBe(1);
    expect(physician.explanation!.levelGaps).toBe(1);
  });

  it('breaks ties by occupation id', () => {
    const only = profile({ competencies: [{ competency: 'history', level: 0.1 }] });
    const ids = rank(index, only, { partialCredit: false }).results.map((r) => [r.occupation.id, r.fit]);
    // physician and nurse both score 0 (no shared competency): id order.
    expect(ids).toEqual([
      ['pa', expect.any(Number)],
      ['nurse', 0],
      ['physician', 0],
    ]);
  });

  it('uses overrides in place of the occupation levels', () => {
    const p = profile({ occupations: [{ occupation: 'physician' }], competencies: [{ competency: 'communication', level: 0.4, evidence: 'assessed' }] });
    const ranking = rank(index, p);
    expect(ranking.source[0]!.coverage).toBeCloseTo((0.9 + 0.8 * 0.4) / (0.9 + 0.64), 4);
    expect(ranking.source[0]!.explanation.gaps[0]).toMatchObject({ competency: { id: 'communication' }, level: 0.4, deficit: 0.4 });
  });

  it('returns the top N', () => {
    expect(rank(index, fromPhysician, { top: 1 }).results.map((r) => r.occupation.id)).toEqual(['nurse']);
  });

  it('rejects an empty profile and unknown references with clear errors', () => {
    expect(() => rank(index, profile({}))).toThrowError(/names no occupation and no competency/);
    expect(() => rank(index, profile({ occupations: [{ occupation: 'astronaut' }] }))).toThrowError(BridgeworkError);
    expect(() => rank(index, profile({ competencies: [{ competency: 'juggling', level: 1 }] }))).toThrowError(
      'unknown competency in framework "tiny": "juggling"',
    );
    expect(() => rank(index, profile({ framework: 'esco', occupations: [{ occupation: 'pa' }] }))).toThrowError(
      'profile is for framework "esco" but is being scored against "tiny"',
    );
  });
});

describe('internationally educated profiles', () => {
  const data = tinyFramework();
  data.competencies.push({ id: 'local-law', label: { en: 'Health professions law here' }, kind: 'knowledge', jurisdictionSpecific: true });
  data.requirements.push({ occupation: 'physician', competency: 'local-law', importance: 0.5, level: 0.6, essential: true });
  const local = compileIndex(parseFramework(data));

  it('does not assume jurisdiction-specific competencies from the occupation trained for', () => {
    const here = rank(local, profile({ occupations: [{ occupation: 'physician' }] }));
    expect(here.source[0]!.coverage).toBe(1);
    const abroad = rank(local, profile({ occupations: [{ occupation: 'physician' }], internationallyEducated: true }));
    // The gap to licensure is the local law: 0.5 x 0.6 of 0.9 + 0.64 + 0.3.
    expect(abroad.source[0]!.coverage).toBeCloseTo((0.9 + 0.64) / (0.9 + 0.64 + 0.3), 4);
    expect(abroad.source[0]!.explanation.gaps).toEqual([
      {
        competency: { id: 'local-law', label: 'Health professions law here' },
        importance: 0.5,
        required: 0.6,
        level: 0,
        deficit: 0.6,
        essential: true,
        hard: true,
        basis: 'none',
        context: 'jurisdiction',
      },
    ]);
  });

  it('says where a gap\'s level comes from', () => {
    const pa = rank(index, fromPhysician).results.find((r) => r.occupation.id === 'pa')!;
    // history is credited from clinical reasoning: an estimate, not the person's own level.
    expect(pa.explanation!.gaps.map((g) => [g.competency.id, g.basis, g.context])).toEqual([['history', 'related', undefined]]);
    const fromPa = rank(index, profile({ occupations: [{ occupation: 'pa' }] }), { partialCredit: false });
    const physician = fromPa.results.find((r) => r.occupation.id === 'physician')!;
    expect(physician.explanation!.gaps.map((g) => [g.competency.id, g.basis])).toEqual([
      ['reasoning', 'none'],
      ['communication', 'own'],
    ]);
  });

  it('keeps what the person declares', () => {
    const p = profile({ occupations: [{ occupation: 'physician' }], internationallyEducated: true, competencies: [{ competency: 'local-law', level: 0.6, evidence: 'credential' }] });
    expect(rank(local, p).source[0]!.coverage).toBe(1);
  });
});

describe('rank limits', () => {
  it('explains at most 100 results even when more are asked for', async () => {
    const { generateFramework } = await import('../src/index.ts');
    const big = compileIndex(generateFramework({ occupations: 300, competencies: 600, requirements: 6000 }));
    const ranking = rank(big, Profile.parse({ occupations: [{ occupation: 'o1' }] }), { top: 150 });
    expect(ranking.results).toHaveLength(150);
    expect(ranking.results.filter((r) => r.explanation !== undefined)).toHaveLength(100);
  });

  it('lists the most important transfers and gaps first, and counts what the limits leave out', async () => {
    const { generateFramework } = await import('../src/index.ts');
    const big = compileIndex(generateFramework({ occupations: 200, competencies: 300, requirements: 8000 }));
    const p = Profile.parse({ occupations: [{ occupation: 'o1' }] });
    const full = rank(big, p, { top: 5, maxMatched: 500, maxGaps: 500 });
    const short = rank(big, p, { top: 5, maxMatched: 3, maxGaps: 2 });
    let checked = 0;
    full.results.forEach((result, r) => {
      const all = result.explanation!;
      const cut = short.results[r]!.explanation!;
      expect(short.results[r]!.occupation.id).toBe(result.occupation.id);
      expect(all.moreMatched + all.morePartial + all.moreGaps).toBe(0);
      expect(cut.matched).toEqual(all.matched.slice(0, 3));
      expect(cut.partial).toEqual(all.partial.slice(0, 3));
      expect(cut.gaps).toEqual(all.gaps.slice(0, 2));
      expect(cut.matched.length + cut.moreMatched).toBe(all.matched.length);
      expect(cut.partial.length + cut.morePartial).toBe(all.partial.length);
      expect(cut.gaps.length + cut.moreGaps).toBe(all.gaps.length);
      expect(cut.summary).toBe(all.summary);
      const importances = all.matched.map((m) => m.importance);
      expect(importances).toEqual([...importances].sort((a, b) => b - a));
      const weighted = all.gaps.map((g) => g.importance * g.deficit);
      for (let i = 1; i < weighted.length; i++) expect(weighted[i]!).toBeLessThanOrEqual(weighted[i - 1]! + 1e-3);
      if (all.matched.length > 3 && all.gaps.length > 2) checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('ranks the same with the reached-only pruning as with a scan of every occupation', async () => {
    const { generateFramework } = await import('../src/index.ts');
    const big = compileIndex(generateFramework({ occupations: 400, competencies: 900, requirements: 12000 }));
    let compared = 0;
    for (let o = 1; o <= 40; o++) {
      const p = Profile.parse({ occupations: [{ occupation: `o${o}` }, ...(o % 3 === 0 ? [{ occupation: `o${o + 50}` }] : [])] });
      const pruned = rank(big, p, { top: 15, explain: 0 });
      // A coverage floor this small removes nothing that could rank, but turns the pruning off.
      const scanned = rank(big, p, { top: 15, explain: 0, minCoverage: 1e-9 });
      const fits = (r: typeof pruned) => r.results.filter((x) => x.fit > 0).map((x) => [x.occupation.id, x.fit, x.coverage, x.utilization]);
      expect(fits(pruned)).toEqual(fits(scanned));
      compared += fits(pruned).length;
    }
    expect(compared).toBeGreaterThan(400);
  });
});

