// Ranking quality on O*NET against the Career Changers Matrix: O*NET's own list of occupations
// "with similar skills and experience" for each occupation, which no one here wrote.
import { compileIndex, Profile, rank, type CompiledIndex, type FrameworkData, type RankOptionsInput } from '@bridgework/core';
import { cosineRanking } from './cosine-baseline.ts';
import { precisionAt, recallAt, summaryFigures, type Figure } from './metrics.ts';

export interface CareerChangersEval {
  figures: Figure[];
  /** Per source occupation, for inspection. */
  perOccupation: { id: string; precision10: number; recall20: number; baselinePrecision10: number }[];
}

/** Ground truth: `career-changer` links, restricted to occupations the framework rates. */
export function careerChangerLists(data: FrameworkData, index: CompiledIndex): Map<string, Set<string>> {
  const rated = (id: string) => {
    const o = index.occupationIndex.get(id);
    return o !== undefined && index.totalWeightedLevel[o]! > 0;
  };
  const lists = new Map<string, Set<string>>();
  for (const link of data.occupationLinks) {
    if (link.type !== 'career-changer' || !rated(link.from) || !rated(link.to)) continue;
    const set = lists.get(link.from) ?? new Set<string>();
    set.add(link.to);
    lists.set(link.from, set);
  }
  return lists;
}

export function evaluateCareerChangers(data: FrameworkData, options: RankOptionsInput = {}, index: CompiledIndex = compileIndex(data)): CareerChangersEval {
  const lists = careerChangerLists(data, index);
  const perOccupation: CareerChangersEval['perOccupation'] = [];
  for (const [id, relevant] of lists) {
    const ranked = rank(index, Profile.parse({ occupations: [{ occupation: id }] }), { ...options, top: 20, explain: 0 }).results.map((r) => r.occupation.id);
    const baseline = cosineRanking(index, index.occupationIndex.get(id)!, 20);
    perOccupation.push({
      id,
      precision10: precisionAt(ranked, relevant, 10),
      recall20: recallAt(ranked, relevant, 20),
      baselinePrecision10: precisionAt(baseline, relevant, 10),
      ...{ baselineRecall20: recallAt(baseline, relevant, 20) },
    });
  }
  const pick = (key: string) => perOccupation.map((p) => (p as unknown as Record<string, number>)[key]!);
  return {
    figures: [
      ...summaryFigures('onet.ccm.precision@10', pick('precision10')),
      ...summaryFigures('onet.ccm.recall@20', pick('recall20')),
      ...summaryFigures('onet.ccm.baseline.precision@10', pick('baselinePrecision10')),
      ...summaryFigures('onet.ccm.baseline.recall@20', pick('baselineRecall20')),
    ],
    perOccupation,
  };
}
