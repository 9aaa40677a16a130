// Ranking quality on our curated framework against the alternatives the source reports name
// for each profession (kept as `related` occupation links citing the report and line).
import { compileIndex, Profile, rank, type CompiledIndex, type FrameworkData, type RankOptionsInput } from '@bridgework/core';
import { recallAt, summarize, type Figure } from './metrics.ts';

export interface NamedAlternativesEval {
  figures: Figure[];
  /** Per source occupation: each named alternative and the rank it got. */
  detail: { from: string; alternatives: { id: string; rank: number }[] }[];
}

export function evaluateNamedAlternatives(
  data: FrameworkData,
  options: RankOptionsInput = {},
  index: CompiledIndex = compileIndex(data),
): NamedAlternativesEval {
  const named = new Map<string, Set<string>>();
  for (const link of data.occupationLinks) {
    if (link.type !== 'related') continue;
    const set = named.get(link.from) ?? new Set<string>();
    set.add(link.to);
    named.set(link.from, set);
  }
  const figures: Figure[] = [];
  const detail: NamedAlternativesEval['detail'] = [];
  const allRanks: number[] = [];
  const recall10: number[] = [];
  for (const [from, alternatives] of [...named.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const ranked = rank(index, Profile.parse({ occupations: [{ occupation: from }] }), { ...options, top: index.occupationCount, explain: 0 }).results.map(
      (r) => r.occupation.id,
    );
    const ranks = [...alternatives].map((id) => ({ id, rank: ranked.indexOf(id) + 1 })).sort((a, b) => a.rank - b.rank);
    detail.push({ from, alternatives: ranks });
    const values = ranks.map((r) => r.rank);
    allRanks.push(...values);
    const r10 = recallAt(ranked, alternatives, 10);
    recall10.push(r10);
    figures.push({ name: `fqr.${from}.median_rank`, value: summarize(values).median, n: values.length });
    figures.push({ name: `fqr.${from}.recall@10`, value: round(r10), n: values.length });
  }
  const all = summarize(allRanks);
  figures.push({ name: 'fqr.named.median_rank', value: all.median, n: all.n });
  figures.push({ name: 'fqr.named.recall@10', value: round(summarize(recall10).mean), n: recall10.length });
  figures.push({ name: 'fqr.named.recall@20', value: round(detail.reduce((s, d) => s + d.alternatives.filter((a) => a.rank <= 20).length / d.alternatives.length, 0) / Math.max(1, detail.length)), n: detail.length });
  return { figures, detail };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
