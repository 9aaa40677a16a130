// The sparse "related competency" matrix behind partial credit: having competency c' at level
// p gives credit p * sim(c, c') towards c. Built once per framework version from the group
// hierarchy (siblings, parent group members) and explicit relations.
import { isTraitKind } from '../schema/competency.ts';
import type { FrameworkData } from '../schema/framework-data.ts';

export interface SimilarityOptions {
  /** Two competencies in the same group. */
  sibling: number;
  /**
   * Narrower -> broader competency: multiplies the `broader` relation's weight (holding the
   * specific part shows as much of the general as the relation's weight says).
   */
  narrowerToBroader: number;
  /** Broader -> narrower competency: multiplies the relation's weight. */
  broaderToNarrower: number;
  /**
   * Multiplies the weight of an explicit `related` relation. 1: a curated weight says how much one
   * competency shows of the other, and a weight of 1 marks the same competency under two names.
   */
  relatedDiscount: number;
  /** Groups larger than this give no sibling credit: membership in a huge group says little. */
  maxSiblingGroup: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = {
  sibling: 0.3,
  narrowerToBroader: 1,
  broaderToNarrower: 0.6,
  relatedDiscount: 1,
  maxSiblingGroup: 25,
};

/** CSR rows: for source competency s, targets relTarget[relStart[s]..relStart[s+1]) with relSim. */
export interface RelatedMatrix {
  relStart: Uint32Array;
  relTarget: Uint32Array;
  relSim: Float32Array;
}

/**
 * O(relations + sum over small groups of size^2). Keeps the strongest similarity per pair.
 * `competencyIndex` maps competency ids to dense indices.
 */
export function buildRelatedMatrix(
  data: FrameworkData,
  competencyIndex: ReadonlyMap<string, number>,
  options: SimilarityOptions = DEFAULT_SIMILARITY,
): RelatedMatrix {
  const n = competencyIndex.size;
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const add = (source: number, target: number, sim: number) => {
    if (source === target || sim <= 0) return;
    const row = rows[source]!;
    if ((row.get(target) ?? 0) < sim) row.set(target, sim);
  };

  // Siblings give credit only as competencies of one kind group: a language does not show part of
  // another language, and a trait (an attribute, an interest) shows no competency, nor the reverse.
  if (options.sibling > 0) {
    const members = new Map<string, number[]>();
    for (const c of data.competencies) {
      if (c.group === undefined || c.kind === 'language' || isTraitKind(c.kind)) continue;
      const list = members.get(c.group);
      const index = competencyIndex.get(c.id)!;
      if (list) list.push(index);
      else members.set(c.group, [index]);
    }
    for (const list of members.values()) {
      if (list.length > options.maxSiblingGroup) continue;
      for (const a of list) for (const b of list) add(a, b, options.sibling);
    }
  }

  for (const r of data.relations) {
    const from = competencyIndex.get(r.from);
    const to = competencyIndex.get(r.to);
    if (from === undefined || to === undefined) continue;
    if (r.type === 'broader') {
      add(from, to, r.weight * options.narrowerToBroader);
      add(to, from, r.weight * options.broaderToNarrower);
    } else {
      const sim = r.weight * options.relatedDiscount;
      add(from, to, sim);
      add(to, from, sim);
    }
  }

  let nnz = 0;
  for (const row of rows) nnz += row.size;
  const relStart = new Uint32Array(n + 1);
  const relTarget = new Uint32Array(nnz);
  const relSim = new Float32Array(nnz);
  let k = 0;
  for (let s = 0; s < n; s++) {
    relStart[s] = k;
    const entries = [...rows[s]!.entries()].sort((x, y) => x[0] - y[0]);
    for (const [t, sim] of entries) {
      relTarget[k] = t;
      relSim[k] = sim;
      k++;
    }
  }
  relStart[n] = k;
  return { relStart, relTarget, relSim };
}
