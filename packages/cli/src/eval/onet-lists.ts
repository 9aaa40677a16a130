// O*NET's own lists of where people with an occupation's skills go, as ground truth:
// Related Occupations (O*NET 29, `related` links, rank = Index; the primary ones, Index 1-10)
// and the Career Changers Matrix (O*NET 25, `career-changer` links). Both use O*NET-SOC 2019
// codes, the occupation ids of onet-25 and onet-29 alike, so the matrix is measured in both.
import type { FrameworkData } from '@bridgework/core';
import { byId, linkLists, ratedIn, type GroundTruth } from './ground-truth.ts';
import type { LoadedFramework } from './frameworks.ts';

/** Related Occupations, Index 1-10 (Primary-Short and Primary-Long), by source code. */
export function relatedLists(onet29: FrameworkData): Map<string, Set<string>> {
  return linkLists(onet29.occupationLinks, (l) => l.type === 'related' && l.rank !== undefined && l.rank <= 10);
}

/** The Career Changers Matrix, every listed occupation, by source code. */
export function careerChangerLists(onet25: FrameworkData): Map<string, Set<string>> {
  return linkLists(onet25.occupationLinks, (l) => l.type === 'career-changer');
}

/**
 * The lists as a ground truth in `framework`: only sources and targets with requirements there
 * count (an unrated occupation can be neither ranked nor ranked from). Split key: the code.
 */
export function onetGroundTruth(name: string, lists: ReadonlyMap<string, ReadonlySet<string>>, framework: LoadedFramework): GroundTruth {
  const rated = ratedIn(framework.index);
  let pairs = 0;
  let dropped = 0;
  const sources = [];
  for (const [source, list] of lists) {
    pairs += list.size;
    if (!rated(source)) {
      dropped += list.size;
      continue;
    }
    const relevant = new Set([...list].filter(rated));
    dropped += list.size - relevant.size;
    if (relevant.size > 0) sources.push({ source, key: source, relevant });
  }
  return {
    name,
    framework: framework.key,
    sources: sources.sort(byId),
    measures: ['precision@10', 'recall@20'],
    notes: [`${name}: ${lists.size} listed sources, ${pairs} pairs; ${sources.length} sources kept, ${dropped} pairs dropped (an end without requirements in ${framework.key})`],
  };
}
