// What a ground truth is to the evaluation: per source occupation of one framework, the
// occupations that count as relevant, those left out of the measure (undetermined), and the key
// that puts the source in the tune or the test split. Built from files no one here wrote; never
// given to scoring.
import type { CompiledIndex, OccupationLink } from '@bridgework/core';
import type { FrameworkKey } from './frameworks.ts';

export interface SourceTruth {
  /** The source occupation's id in the evaluated framework. */
  source: string;
  /** The split key (splitOf): the same O*NET code or NOC unit group gives the same split everywhere. */
  key: string;
  relevant: ReadonlySet<string>;
  /** Removed from every ranked list of this source before measuring: neither relevant nor not. */
  undetermined?: ReadonlySet<string>;
}

/**
 * precision@10, recall@k: as usual; median_rank: the median 1-based rank of every relevant
 * occupation pooled over the sources; same-unit-group@10: the share of the top 10 that lies in
 * the relevant set, for a ground truth that says where a person does *not* move (lower is better).
 */
export type Measure = 'precision@10' | 'recall@10' | 'recall@20' | 'median_rank' | 'same-unit-group@10';

export interface GroundTruth {
  name: string;
  framework: FrameworkKey;
  sources: readonly SourceTruth[];
  measures: readonly Measure[];
  /** How the ground truth was derived, in counts: printed to stderr with --verbose. */
  notes: readonly string[];
}

/** Occupations with requirements: the only ones a ranking can return, so the only ones that count. */
export function ratedIn(index: CompiledIndex): (id: string) => boolean {
  return (id) => {
    const o = index.occupationIndex.get(id);
    return o !== undefined && index.totalWeightedLevel[o]! > 0;
  };
}

/** from -> the set of `to` of the links that pass `keep`. O(links). */
export function linkLists(links: readonly OccupationLink[], keep: (link: OccupationLink) => boolean): Map<string, Set<string>> {
  const lists = new Map<string, Set<string>>();
  for (const link of links) {
    if (!keep(link)) continue;
    let set = lists.get(link.from);
    if (!set) lists.set(link.from, (set = new Set()));
    set.add(link.to);
  }
  return lists;
}

/** Sources in id order, so figures and --verbose lines do not depend on file order. */
export function byId(a: SourceTruth, b: SourceTruth): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}
