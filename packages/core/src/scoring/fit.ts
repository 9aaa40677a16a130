// The score results are ordered by, in two halves the explanation names apart:
// - how alike the work is (similarity): per facet (facets.ts), coverage^a x utilization^b of the
//   target's and the person's requirements of that kind, averaged over the facets either side has,
//   each facet weighted by its kind and by how much evidence it holds;
// - how far the move is (reach): the entry training (or, where months are unknown, the
//   preparation steps) the target asks for beyond the person's own occupation.
// fit = similarity x reach x hierarchy x essentialCoverage^c, every factor in [0, 1].
import type { CompiledIndex } from './compiled-index.ts';
import type { Facet } from './facets.ts';
import type { FacetScore } from './results.ts';
import type { FitWeights } from './options.ts';
import type { Workspace } from './workspace.ts';

/** Each facet's weight for one set of fit weights: its kind's weight, times `groups` for a group facet. */
export function facetWeights(facets: readonly Facet[], w: FitWeights): Float64Array {
  const out = new Float64Array(facets.length);
  facets.forEach((facet, f) => (out[f] = w.facets[facet.kind] * (facet.level === 'group' ? w.groups : 1)));
  return out;
}

/**
 * How alike each occupation's work is to the person's, in [0, 1], into ws.similarity: the
 * weighted mean over facets of coverage^a x utilization^b (a facet neither side has does not
 * count; one only one side has counts as 0). Reads the workspace after accumulate().
 * O(occupations x facets), in flat loops with no call per occupation: on ESCO it runs for 3,007
 * occupations per ranking.
 */
export function similarities(index: CompiledIndex, ws: Workspace, w: FitWeights, weights: Float64Array): Float32Array {
  const { facetInvTotal, facetCount, facetMaxCount } = index;
  const { facetSums, personFacetInv, personFacetCount, similarity } = ws;
  const nFacets = weights.length;
  const nOcc = index.occupationCount;
  const a = w.coverage;
  const b = w.utilization;
  const plain = a === 1 && b === 1;
  // Each facet's weight for a target with n requirements in it, n = 0..the most any occupation
  // has: a table per ranking instead of a division per occupation and facet.
  const table = weightTable(ws, facetMaxCount, personFacetCount, weights, w.evidence);
  const offsets = ws.weightOffsets;
  // Facet by facet over all occupations: two flat loops the compiler keeps tight, instead of a
  // short inner loop per occupation.
  const den = ws.similarityWeight;
  similarity.fill(0);
  den.fill(0);
  for (let f = 0; f < nFacets; f++) {
    const offset = offsets[f]!;
    const hasPerson = personFacetCount[f]! > 0;
    const personInv = personFacetInv[f]!;
    for (let o = 0, at = f; o < nOcc; o++, at += nFacets) {
      const nTarget = facetCount[at]!;
      const weight = table[offset + nTarget]!;
      if (weight === 0) continue;
      let coverage = nTarget > 0 ? facetSums[2 * at]! * facetInvTotal[at]! : 1;
      let utilization = hasPerson ? facetSums[2 * at + 1]! * personInv : 1;
      if (coverage > 1) coverage = 1;
      if (utilization > 1) utilization = 1;
      similarity[o]! += weight * (plain ? coverage * utilization : Math.pow(coverage, a) * Math.pow(utilization, b));
      den[o]! += weight;
    }
  }
  for (let o = 0; o < nOcc; o++) similarity[o] = den[o]! > 0 ? similarity[o]! / den[o]! : 0;
  return similarity;
}

/** weight(f, n) = weights[f] x m / (m + evidence), m = (n + the person's count) / 2; 0 when both counts are 0. */
function weightTable(ws: Workspace, maxCount: Uint32Array, personCount: Float64Array, weights: Float64Array, evidence: number): Float64Array {
  let size = 0;
  for (let f = 0; f < weights.length; f++) {
    ws.weightOffsets[f] = size;
    size += maxCount[f]! + 1;
  }
  if (ws.weightTable.length < size) ws.weightTable = new Float64Array(size);
  const table = ws.weightTable;
  for (let f = 0; f < weights.length; f++) {
    const nPerson = personCount[f]!;
    for (let nTarget = 0; nTarget <= maxCount[f]!; nTarget++) {
      const m = (nTarget + nPerson) * 0.5;
      table[ws.weightOffsets[f]! + nTarget] = nTarget === 0 && nPerson === 0 ? 0 : (weights[f]! * m) / (m + evidence);
    }
  }
  return table;
}

/**
 * The same facet by facet, for one explained result (rounded), after similarities() has filled
 * the weight table for this ranking. O(facets).
 */
export function facetScoresOf(index: CompiledIndex, ws: Workspace, o: number, w: FitWeights): FacetScore[] {
  const { facetInvTotal, facetCount } = index;
  const { facetSums, personFacetInv, personFacetCount, weightTable, weightOffsets } = ws;
  const nFacets = index.facets.length;
  const scores: FacetScore[] = [];
  let den = 0;
  for (let f = 0, at = o * nFacets; f < nFacets; f++, at++) {
    const nTarget = facetCount[at]!;
    const weight = weightTable[weightOffsets[f]! + nTarget]!;
    if (weight === 0) continue;
    const coverage = nTarget > 0 ? Math.min(1, facetSums[2 * at]! * facetInvTotal[at]!) : 1;
    const utilization = personFacetCount[f]! > 0 ? Math.min(1, facetSums[2 * at + 1]! * personFacetInv[f]!) : 1;
    const facet = index.facets[f]!;
    scores.push({
      facet: facet.key,
      kind: facet.kind,
      label: facet.label,
      level: facet.level,
      trait: facet.trait,
      coverage,
      utilization,
      similarity: Math.pow(coverage, w.coverage) * Math.pow(utilization, w.utilization),
      share: weight,
    });
    den += weight;
  }
  for (const s of scores) {
    s.share = round(den > 0 ? s.share / den : 0);
    s.coverage = round(s.coverage);
    s.utilization = round(s.utilization);
    s.similarity = round(s.similarity);
  }
  return scores;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface Reach {
  /** exp(-penalty): 1 when the move asks for no more preparation than the person has. */
  factor: number;
  /** Entry training the target asks for beyond the closest source occupation's, in months (>= 0), when both are known. */
  addedTrainingMonths?: number;
  /**
   * Entry training the person would still need, estimated: the target's entry training times the
   * share of its essential needs they do not meet, or addedTrainingMonths when larger. A dentist
   * has as many months of training as a physician but meets few of a physician's essential needs.
   */
  estimatedTrainingMonths?: number;
  /** Preparation steps up (or down, negative) from the closest source occupation, on one scale. */
  stepChange?: number;
}

const STEP_ALLOWANCE = 1;

/**
 * How reachable o is from the person's occupations: the best over the sources. Training months
 * when both sides know them (see Reach.estimatedTrainingMonths; `unmet` is the share of o's
 * essential needs the person does not meet), else preparation steps on a shared scale, else 1.
 * O(sources).
 */
export function reachOf(index: CompiledIndex, sources: readonly number[], o: number, w: FitWeights, unmet: number): Reach {
  const { trainingMonths, preparationStep, preparationScale } = index;
  let best: Reach | undefined;
  const target = trainingMonths[o]!;
  for (const s of sources) {
    const own = trainingMonths[s]!;
    let reach: Reach | undefined;
    const stepChange = preparationStep[o]! >= 0 && preparationStep[s]! >= 0 && preparationScale[o] === preparationScale[s] ? preparationStep[o]! - preparationStep[s]! : undefined;
    if (!Number.isNaN(target) && !Number.isNaN(own)) {
      const added = Math.max(0, target - own);
      const estimated = Math.max(added, target * unmet);
      const years = Math.max(0, estimated - w.allowance) / 12;
      reach = { factor: Math.exp(-w.training * years * years), addedTrainingMonths: added, estimatedTrainingMonths: Math.round(estimated) };
      if (stepChange !== undefined) reach.stepChange = stepChange;
    } else if (stepChange !== undefined) {
      reach = { factor: Math.exp(-w.steps * Math.max(0, stepChange - STEP_ALLOWANCE)), stepChange };
    }
    if (reach && (best === undefined || reach.factor > best.factor)) best = reach;
  }
  return best ?? { factor: 1 };
}

/** reachOf's factor alone, without allocating: it runs for every candidate. */
export function reachFactor(index: CompiledIndex, sources: readonly number[], o: number, w: FitWeights, unmet: number): number {
  const { trainingMonths, preparationStep, preparationScale } = index;
  let best = -1;
  const target = trainingMonths[o]!;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const own = trainingMonths[s]!;
    let factor = -1;
    if (!Number.isNaN(target) && !Number.isNaN(own)) {
      const estimated = Math.max(target - own, target * unmet);
      const years = Math.max(0, estimated - w.allowance) / 12;
      factor = Math.exp(-w.training * years * years);
    } else if (preparationStep[o]! >= 0 && preparationStep[s]! >= 0 && preparationScale[o] === preparationScale[s]) {
      factor = Math.exp(-w.steps * Math.max(0, preparationStep[o]! - preparationStep[s]! - STEP_ALLOWANCE));
    }
    if (factor > best) best = factor;
  }
  return best < 0 ? 1 : best;
}
