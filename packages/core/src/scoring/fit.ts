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
 * How alike occupation o's work is to the person's, in [0, 1]. O(facets). Reads the workspace
 * after accumulate(). A facet neither side has does not count; one only one side has counts as 0.
 */
export function similarityOf(index: CompiledIndex, ws: Workspace, o: number, w: FitWeights, weights: Float64Array): number {
  const nOcc = index.occupationCount;
  const { facetTotal, facetCount } = index;
  const { facetMet, facetUsed, personFacetTotal, personFacetCount } = ws;
  const a = w.coverage;
  const b = w.utilization;
  const plain = a === 1 && b === 1;
  let num = 0;
  let den = 0;
  for (let f = 0, at = o; f < weights.length; f++, at += nOcc) {
    const nTarget = facetCount[at]!;
    const nPerson = personFacetCount[f]!;
    if (nTarget === 0 && nPerson === 0) continue;
    const n = (nTarget + nPerson) / 2;
    const weight = weights[f]! * (n / (n + w.evidence));
    if (weight === 0) continue;
    const total = facetTotal[at]!;
    const personTotal = personFacetTotal[f]!;
    const coverage = total > 0 ? Math.min(1, facetMet[at]! / total) : 1;
    const utilization = personTotal > 0 ? Math.min(1, facetUsed[at]! / personTotal) : 1;
    num += weight * (plain ? coverage * utilization : Math.pow(coverage, a) * Math.pow(utilization, b));
    den += weight;
  }
  return den > 0 ? num / den : 0;
}

/** The same, facet by facet, for explained results (rounded). O(facets). */
export function facetScoresOf(index: CompiledIndex, ws: Workspace, o: number, w: FitWeights, weights: Float64Array): FacetScore[] {
  const nOcc = index.occupationCount;
  const { facetTotal, facetCount } = index;
  const { facetMet, facetUsed, personFacetTotal, personFacetCount } = ws;
  const scores: FacetScore[] = [];
  let den = 0;
  for (let f = 0, at = o; f < weights.length; f++, at += nOcc) {
    const nTarget = facetCount[at]!;
    const nPerson = personFacetCount[f]!;
    if (nTarget === 0 && nPerson === 0) continue;
    const n = (nTarget + nPerson) / 2;
    const weight = weights[f]! * (n / (n + w.evidence));
    if (weight === 0) continue;
    const total = facetTotal[at]!;
    const personTotal = personFacetTotal[f]!;
    const coverage = total > 0 ? Math.min(1, facetMet[at]! / total) : 1;
    const utilization = personTotal > 0 ? Math.min(1, facetUsed[at]! / personTotal) : 1;
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
  /** Preparation steps up (or down, negative) from the closest source occupation, on one scale. */
  stepChange?: number;
}

const STEP_ALLOWANCE = 1;

/**
 * How reachable o is from the person's occupations: the best over the sources. Training months
 * when both sides know them, else preparation steps on a shared scale, else 1. O(sources).
 */
export function reachOf(index: CompiledIndex, sources: readonly number[], o: number, w: FitWeights): Reach {
  const { trainingMonths, preparationStep, preparationScale } = index;
  let best: Reach | undefined;
  const target = trainingMonths[o]!;
  for (const s of sources) {
    const own = trainingMonths[s]!;
    let reach: Reach | undefined;
    const stepChange = preparationStep[o]! >= 0 && preparationStep[s]! >= 0 && preparationScale[o] === preparationScale[s] ? preparationStep[o]! - preparationStep[s]! : undefined;
    if (!Number.isNaN(target) && !Number.isNaN(own)) {
      const added = Math.max(0, target - own);
      const years = Math.max(0, added - w.allowance) / 12;
      reach = { factor: Math.exp(-w.training * years * years), addedTrainingMonths: added };
      if (stepChange !== undefined) reach.stepChange = stepChange;
    } else if (stepChange !== undefined) {
      reach = { factor: Math.exp(-w.steps * Math.max(0, stepChange - STEP_ALLOWANCE)), stepChange };
    }
    if (reach && (best === undefined || reach.factor > best.factor)) best = reach;
  }
  return best ?? { factor: 1 };
}

/** reachOf's factor alone, without allocating: it runs for every candidate. */
export function reachFactor(index: CompiledIndex, sources: readonly number[], o: number, w: FitWeights): number {
  const { trainingMonths, preparationStep, preparationScale } = index;
  let best = -1;
  const target = trainingMonths[o]!;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const own = trainingMonths[s]!;
    let factor = -1;
    if (!Number.isNaN(target) && !Number.isNaN(own)) {
      const years = Math.max(0, target - own - w.allowance) / 12;
      factor = Math.exp(-w.training * years * years);
    } else if (preparationStep[o]! >= 0 && preparationStep[s]! >= 0 && preparationScale[o] === preparationScale[s]) {
      factor = Math.exp(-w.steps * Math.max(0, preparationStep[o]! - preparationStep[s]! - STEP_ALLOWANCE));
    }
    if (factor > best) best = factor;
  }
  return best < 0 ? 1 : best;
}
