// fqr-canada's ground truth: for each profession, the alternatives the cited reports name,
// kept in the framework as `related` occupation links with a source (report and line).
// Split key: the occupation id.
import type { LoadedFramework } from './frameworks.ts';
import { byId, linkLists, ratedIn, type GroundTruth } from './ground-truth.ts';

export function fqrGroundTruth(fqr: LoadedFramework, name = 'fqr.named'): GroundTruth {
  const rated = ratedIn(fqr.index);
  const lists = linkLists(fqr.data.occupationLinks, (l) => l.type === 'related' && l.source !== undefined && rated(l.from) && rated(l.to));
  const sources = [...lists].map(([source, relevant]) => ({ source, key: source, relevant })).sort(byId);
  const links = sources.reduce((n, s) => n + s.relevant.size, 0);
  return {
    name,
    framework: fqr.key,
    sources,
    measures: ['recall@10', 'recall@20', 'precision@10', 'median_rank'],
    notes: [`${name}: ${sources.length} professions, ${links} named alternatives (source-cited related links)`],
  };
}
