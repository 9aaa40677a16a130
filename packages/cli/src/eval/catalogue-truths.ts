// Ground truths of the Canadian catalogue (frameworks/canada): OaSIS's own (exclusions, mobility
// sentences), stated on OaSIS profile codes, carried to the catalogue's ids (a curated occupation
// stands where its profile stood, several of them where several share one), and fqr-canada's named
// alternatives, whose ids the catalogue keeps. Split keys stay the NOC unit group, so a source
// falls in the same split as in the OaSIS figures.
import type { LoadedFramework } from './frameworks.ts';
import { byId, ratedIn, type GroundTruth, type SourceTruth } from './ground-truth.ts';

/** OaSIS profile code -> the catalogue occupations standing for it. */
export function catalogueIdsByProfile(catalogue: LoadedFramework): Map<string, string[]> {
  const rated = ratedIn(catalogue.index);
  const ids = new Map<string, string[]>();
  for (const o of catalogue.data.occupations) {
    const code = o.codes.oasis;
    if (code === undefined || !rated(o.id)) continue;
    ids.set(code, [...(ids.get(code) ?? []), o.id]);
  }
  return ids;
}

/** The same truth on the catalogue's ids; sources and targets the catalogue lacks are dropped. O(truth size). */
export function onCatalogue(truth: GroundTruth, catalogue: LoadedFramework, name: string): GroundTruth {
  const ids = catalogueIdsByProfile(catalogue);
  const carry = (set: ReadonlySet<string> | undefined) => {
    const out = new Set<string>();
    for (const code of set ?? []) for (const id of ids.get(code) ?? []) out.add(id);
    return out;
  };
  const sources: SourceTruth[] = [];
  for (const s of truth.sources) {
    const relevant = carry(s.relevant);
    if (relevant.size === 0) continue;
    const undetermined = s.undetermined ? carry(s.undetermined) : undefined;
    for (const id of ids.get(s.source) ?? []) {
      const own = new Set(relevant);
      own.delete(id);
      if (own.size > 0) sources.push({ source: id, key: s.key, relevant: own, ...(undetermined ? { undetermined } : {}) });
    }
  }
  sources.sort(byId);
  return {
    name,
    framework: 'canada',
    sources,
    measures: truth.measures,
    notes: [`${name}: ${truth.name} carried to the catalogue's ids: ${sources.length} sources (of ${truth.sources.length})`],
  };
}
