// encodeRanking must give exactly the bytes of JSON.stringify(ranking), UTF-8 encoded: on the
// bundled framework, on a generated one, on full ESCO when the shared data is there, and on a
// hand-made ranking with the awkward values (escapes, non-BMP text, lone surrogates, NaN, -0,
// missing optional fields, references that are not shared).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileIndex, competencyRefs, generateFramework, Profile, rank, type CompiledIndex, type Explanation, type Ranking, type RankOptionsInput } from '@bridgework/core';
import { importFramework } from '@bridgework/importers';
import { CURATED_FRAMEWORK, REPO_ROOT } from '@bridgework/service';
import { encodeRanking } from '../src/http/ranking-json.ts';

function expectSameAsStringify(ranking: Ranking): void {
  const bytes = encodeRanking(ranking);
  expect(bytes.toString('utf8')).toBe(JSON.stringify(ranking));
  expect(bytes.equals(Buffer.from(JSON.stringify(ranking), 'utf8'))).toBe(true);
}

/** Every rated occupation of the index as a one-occupation profile, up to `limit`. */
function rankEach(index: CompiledIndex, options: RankOptionsInput, limit = Infinity, province?: 'ON'): Ranking[] {
  const rated = new Set(index.data.requirements.map((r) => r.occupation));
  return index.data.occupations
    .filter((o) => rated.has(o.id))
    .slice(0, limit)
    .map((o) => rank(index, Profile.parse({ occupations: [{ occupation: o.id }], ...(province ? { province } : {}) }), options));
}

describe('encodeRanking', () => {
  it('matches JSON.stringify on every occupation of the bundled framework, with several option sets', async () => {
    const { data } = await importFramework('native', CURATED_FRAMEWORK.source!.path);
    const index = compileIndex(data);
    const optionSets: RankOptionsInput[] = [{}, { top: 50, explain: 50, maxMatched: 500, maxGaps: 500 }, { top: 5, explain: 0 }, { filters: { excludeRegulated: true } }, { partialCredit: false }];
    let rankings = 0;
    for (const [i, options] of optionSets.entries()) {
      for (const ranking of rankEach(index, options, Infinity, i === 3 ? 'ON' : undefined)) {
        expectSameAsStringify(ranking);
        rankings++;
      }
    }
    expect(rankings).toBe(optionSets.length * new Set(data.requirements.map((r) => r.occupation)).size);
  });

  it('matches JSON.stringify on a generated framework, twice over (the second time from its caches)', () => {
    const index = compileIndex(generateFramework({ occupations: 300, competencies: 1500, requirements: 12000 }));
    const rankings = rankEach(index, { top: 20, explain: 20 }, 60);
    for (const ranking of rankings) expectSameAsStringify(ranking);
    for (const ranking of rankings) expectSameAsStringify(ranking);
  });

  const esco = resolve(REPO_ROOT, '../shared/frameworks-data/esco-1.1.1');
  it.skipIf(!existsSync(esco))('matches JSON.stringify on full ESCO (French titles, long lists)', async () => {
    const { data } = await importFramework('esco', esco);
    const index = compileIndex(data);
    const rankings = rankEach(index, { top: 10 }, 100);
    expect(rankings.some((r) => r.results.some((x) => x.occupation.titleFr !== undefined && /[^\x00-\x7f]/.test(x.occupation.titleFr)))).toBe(true);
    for (const ranking of rankings) expectSameAsStringify(ranking);
  }, 60_000);

  it('matches JSON.stringify on awkward values, and follows references that change', () => {
    const ref = { id: 'c"1', label: 'quote " backslash \\ newline \n tab \t nul \u0000 é 日本 🎓 lone \ud800 end' };
    const shared = Object.freeze({ id: 'c2', label: 'shared', labelFr: 'partagée' });
    const explanation: Explanation = {
      why: 'Match 50%: the work is 60% alike (skills "70%")',
      summary: 'résumé — "quoted" \u2028 line separator',
      facets: [{ facet: 'skill', kind: 'skill', label: 'skills', level: 'competency', trait: false, coverage: 0.5, utilization: 1, similarity: 0.5, share: 1 }],
      matched: [{ competency: ref, importance: 1, required: 0.5, level: Number.NaN, evidence: 'self-assessed' }],
      partial: [{ competency: shared, importance: 0.25, required: 1, level: -0, from: ref, fromLevel: 1e21, similarity: 5e-7 }],
      gaps: [
        { competency: shared, importance: Number.POSITIVE_INFINITY, required: 1, level: 0, deficit: 0.1 + 0.2, essential: true, hard: false, basis: 'none', context: 'transversal' },
        { competency: ref, importance: 0.5, required: 1, level: 0.5, deficit: 0.5, essential: false, hard: false, basis: 'related' },
      ],
      hardGaps: 0,
      levelGaps: 1,
      moreMatched: 0,
      morePartial: 0,
      moreGaps: 123456789,
    };
    const ranking = {
      framework: { id: 'f', version: '1' },
      from: { occupations: [{ id: 'o1', title: 'Médecin', titleFr: undefined }], competencies: 2 },
      source: [],
      results: [
        { rank: 1, occupation: { id: 'o2', title: 'Two' }, fit: 0.5, similarity: 0.6, reach: 1, coverage: 1, gap: 0, utilization: 0.3333, essentialCoverage: 1, category: 'same-field', pathType: 'parallel', flags: { regulated: true, regulation: 'regulated', regulatedIn: ['ON'], regulator: 'College "X"', language: 'fr' }, explanation },
        { rank: 2, occupation: Object.freeze({ id: 'o3', code: '1234', title: 'Three' }), fit: 0.25, similarity: 0.3, reach: 0.8, coverage: 0.5, gap: 10, utilization: 0.5, essentialCoverage: 0, category: 'unrelated-field', pathType: 'interim', flags: { regulated: false, regulation: 'unknown', regulatedIn: [] } },
      ],
      considered: 3,
      excluded: { regulated: 0, trainingMonths: 0, fields: 0, minCoverage: 0, unrated: 1 },
      undecided: { regulated: 2 },
    } as Ranking;
    expectSameAsStringify(ranking);
    // A reference that is not shared is read afresh each time, never from an earlier response.
    ref.label = 'changed';
    expectSameAsStringify(ranking);
    expect(encodeRanking(ranking).toString('utf8')).toContain('"label":"changed"');
  });

  it('reads a shared reference from its cache only for that very object', async () => {
    // Two frameworks whose competencies share ids but not labels.
    const { data } = await importFramework('native', CURATED_FRAMEWORK.source!.path);
    const renamed = { ...data, competencies: data.competencies.map((c) => ({ ...c, label: { ...c.label, en: `${c.label.en} (renamed)` } })) };
    const a = compileIndex(data);
    const b = compileIndex(renamed);
    expect(competencyRefs(a)[0]!.id).toBe(competencyRefs(b)[0]!.id);
    for (const index of [a, b, a]) {
      for (const ranking of rankEach(index, { top: 5 }, 10)) expectSameAsStringify(ranking);
    }
  });
});
