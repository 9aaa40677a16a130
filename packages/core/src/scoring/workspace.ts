// Reusable scratch buffers for one compiled index, so a request allocates almost nothing:
// dense effective levels with partial credit, and per-occupation accumulators.
// Scoring is synchronous, so one workspace per index is safe in a single-threaded server.
import { POSTING_STRIDE, type CompiledIndex } from './compiled-index.ts';
import { GROUP_POSTING_STRIDE, NO_FACET } from './facets.ts';
import type { ProfileVector } from './profile-vector.ts';

export interface Workspace {
  /** Own level per competency (0 when absent). */
  own: Float32Array;
  /** Salience of each own competency (see ProfileVector.salience). */
  salience: Float32Array;
  /** Evidence code of each own competency (index into EVIDENCE_CODES). */
  evidence: Uint8Array;
  /** Effective level p'(c) = max(own, best partial credit). */
  effective: Float32Array;
  /** Competency whose level gave the partial credit, or -1 when the level is the person's own. */
  creditFrom: Int32Array;
  /** Competencies with a nonzero effective level, in touchedCount entries. */
  touched: Uint32Array;
  touchedCount: number;
  /**
   * Per occupation: sum of w*min(p', L); of w*min(p', L) over essentials. Single precision, like
   * the levels and weights they add up: half the cache footprint of doubles made the postings pass
   * ~25% faster on ESCO, and the sums stay within about 1e-6 of the double ones, far below the 4
   * decimals results are reported with.
   */
  met: Float32Array;
  essentialMet: Float32Array;
  /**
   * Per occupation and facet, side by side ((o * facets + f) * 2): sum of specificity x w x
   * min(p', L) (met), then of specificity x salience x min(p, L) over the person's own
   * competencies (used). An occupation's sums share a cache line.
   */
  facetSums: Float32Array;
  /** The person's level and salience per group term (the best over their competencies in the group). */
  groupOwn: Float32Array;
  groupSalience: Float32Array;
  groupTouched: Uint32Array;
  groupTouchedCount: number;
  /** Per facet: the person's sum of specificity x salience x level, and number of competencies. */
  personFacetTotal: Float64Array;
  personFacetCount: Float64Array;
  /** 1 / personFacetTotal, 0 where it is 0. */
  personFacetInv: Float64Array;
  /** How alike each occupation's work is to the person's (fit.ts), after similarities(). */
  similarity: Float32Array;
  /** Scratch: the sum of facet weights per occupation. */
  similarityWeight: Float32Array;
  /** Facet weights by a target's requirement count, per ranking (fit.ts), and where each facet's row starts. */
  weightTable: Float64Array;
  weightOffsets: Uint32Array;
}

const workspaces = new WeakMap<CompiledIndex, Workspace>();

export function workspaceFor(index: CompiledIndex): Workspace {
  let ws = workspaces.get(index);
  if (!ws) {
    ws = {
      own: new Float32Array(index.competencyCount),
      salience: new Float32Array(index.competencyCount),
      evidence: new Uint8Array(index.competencyCount),
      effective: new Float32Array(index.competencyCount),
      creditFrom: new Int32Array(index.competencyCount).fill(-1),
      touched: new Uint32Array(index.competencyCount),
      touchedCount: 0,
      met: new Float32Array(index.occupationCount),
      essentialMet: new Float32Array(index.occupationCount),
      facetSums: new Float32Array(2 * index.facets.length * index.occupationCount),
      groupOwn: new Float32Array(index.groupTermCount),
      groupSalience: new Float32Array(index.groupTermCount),
      groupTouched: new Uint32Array(index.groupTermCount),
      groupTouchedCount: 0,
      personFacetTotal: new Float64Array(index.facets.length),
      personFacetCount: new Float64Array(index.facets.length),
      personFacetInv: new Float64Array(index.facets.length),
      similarity: new Float32Array(index.occupationCount),
      similarityWeight: new Float32Array(index.occupationCount),
      weightTable: new Float64Array(0),
      weightOffsets: new Uint32Array(index.facets.length),
    };
    workspaces.set(index, ws);
  }
  return ws;
}

/**
 * Loads a profile into the workspace: own levels, then partial credit through the related
 * matrix. O(profile competencies + their related entries), plus resetting the previous profile's.
 */
export function loadProfile(index: CompiledIndex, ws: Workspace, vector: ProfileVector, partialCredit: boolean): void {
  for (let i = 0; i < ws.touchedCount; i++) {
    const c = ws.touched[i]!;
    ws.own[c] = 0;
    ws.salience[c] = 0;
    ws.effective[c] = 0;
    ws.creditFrom[c] = -1;
  }
  let count = 0;
  const { competencies, levels } = vector;
  for (let i = 0; i < competencies.length; i++) {
    const c = competencies[i]!;
    ws.own[c] = levels[i]!;
    ws.salience[c] = vector.salience[i]!;
    ws.evidence[c] = vector.evidence[i]!;
    ws.effective[c] = levels[i]!;
    ws.touched[count++] = c;
  }
  if (partialCredit) {
    const { relStart, relTarget, relSim, creditable } = index;
    for (let i = 0; i < competencies.length; i++) {
      const source = competencies[i]!;
      const level = levels[i]!;
      for (let k = relStart[source]!; k < relStart[source + 1]!; k++) {
        const target = relTarget[k]!;
        if (creditable[target] === 0) continue;
        const credit = level * relSim[k]!;
        if (credit > ws.effective[target]!) {
          if (ws.effective[target] === 0) ws.touched[count++] = target;
          ws.effective[target] = credit;
          ws.creditFrom[target] = source;
        }
      }
    }
  }
  ws.touchedCount = count;
  loadFacets(index, ws, vector);
}

/**
 * The person's side of each facet: totals for utilization, and their level in each group term.
 * O(profile competencies + previous group terms).
 */
function loadFacets(index: CompiledIndex, ws: Workspace, vector: ProfileVector): void {
  const { groupOwn, groupSalience, groupTouched, personFacetTotal, personFacetCount } = ws;
  for (let i = 0; i < ws.groupTouchedCount; i++) {
    const g = groupTouched[i]!;
    groupOwn[g] = 0;
    groupSalience[g] = 0;
  }
  personFacetTotal.fill(0);
  personFacetCount.fill(0);
  const { competencyFacet, specificity, groupTermOf, groupTermFacet } = index;
  const { competencies, levels, salience } = vector;
  let groups = 0;
  for (let i = 0; i < competencies.length; i++) {
    const c = competencies[i]!;
    const f = competencyFacet[c]!;
    if (f === NO_FACET) continue;
    const level = levels[i]!;
    const s = salience[i]!;
    personFacetTotal[f]! += specificity[c]! * s * level;
    personFacetCount[f]!++;
    const g = groupTermOf[c]!;
    if (g < 0) continue;
    if (groupOwn[g] === 0) groupTouched[groups++] = g;
    if (groupOwn[g]! < level) groupOwn[g] = level;
    if (groupSalience[g]! < s) groupSalience[g] = s;
  }
  for (let i = 0; i < groups; i++) {
    const g = groupTouched[i]!;
    const f = groupTermFacet[g]!;
    personFacetTotal[f]! += groupSalience[g]! * groupOwn[g]!;
    personFacetCount[f]!++;
  }
  for (let f = 0; f < personFacetTotal.length; f++) ws.personFacetInv[f] = personFacetTotal[f]! > 0 ? 1 / personFacetTotal[f]! : 0;
  ws.groupTouchedCount = groups;
}

/**
 * The postings pass: accumulates each facet's met and used, and with `plain` met and essentialMet
 * (for coverage filters, the essential exponent and pathways), for every occupation.
 * O(occupations x facets + postings of the touched competencies and group terms). The sums are
 * cleared whole rather than per occupation reached: with group facets nearly every occupation is
 * reached (ESCO: 2,400 of 3,007), and tracking which ones cost more than clearing. No
 * data-dependent branch inside the loops (essential credit is a multiply): with requirements in
 * random order, mispredicted branches cost more than the work. The tests left, own level > 0 and
 * the facet, are the same for a whole run of postings.
 */
export function accumulate(index: CompiledIndex, ws: Workspace, plain = true): void {
  const { met, essentialMet, facetSums, own, salience, effective, touched } = ws;
  const nFacets = index.facets.length;
  const stride = 2 * nFacets;
  facetSums.fill(0);
  if (plain) {
    met.fill(0);
    essentialMet.fill(0);
  }
  const { postStart, postWords, postValues, competencyFacet, specificity, isTrait } = index;
  const count = ws.touchedCount;
  for (let i = 0; i < count; i++) {
    const c = touched[i]!;
    const f = competencyFacet[c]!;
    if (f === NO_FACET) continue;
    const base = 2 * f;
    const p = effective[c]!;
    const q = own[c]!;
    const spec = specificity[c]!;
    const s = salience[c]! * spec;
    const end = postStart[c + 1]! * POSTING_STRIDE;
    // Two copies of the loop, so that a ranking that needs no plain coverage adds nothing for it.
    // Traits count towards their facet only, never towards coverage of the target's competencies.
    if (plain && isTrait[c] === 0) {
      for (let j = postStart[c]! * POSTING_STRIDE; j < end; j += POSTING_STRIDE) {
        const o = postWords[j]!;
        const l = postValues[j + 2]!;
        const x = p < l ? p : l;
        const wx = postValues[j + 1]! * x;
        met[o]! += wx;
        essentialMet[o]! += postValues[j + 3]! * x;
        const at = o * stride + base;
        facetSums[at]! += spec * wx;
        // Only the person's own competencies are used; partial credit (q = 0) counts towards met.
        if (q > 0) facetSums[at + 1]! += s * (q < l ? q : l);
      }
    } else {
      for (let j = postStart[c]! * POSTING_STRIDE; j < end; j += POSTING_STRIDE) {
        const o = postWords[j]!;
        const l = postValues[j + 2]!;
        const at = o * stride + base;
        facetSums[at]! += spec * postValues[j + 1]! * (p < l ? p : l);
        if (q > 0) facetSums[at + 1]! += s * (q < l ? q : l);
      }
    }
  }
  const { groupPostStart, groupPostWords, groupPostValues, groupTermFacet } = index;
  const { groupOwn, groupSalience, groupTouched } = ws;
  for (let i = 0; i < ws.groupTouchedCount; i++) {
    const g = groupTouched[i]!;
    const base = 2 * groupTermFacet[g]!;
    const p = groupOwn[g]!;
    const s = groupSalience[g]!;
    const end = groupPostStart[g + 1]! * GROUP_POSTING_STRIDE;
    for (let j = groupPostStart[g]! * GROUP_POSTING_STRIDE; j < end; j += GROUP_POSTING_STRIDE) {
      const o = groupPostWords[j]!;
      const l = groupPostValues[j + 2]!;
      const x = p < l ? p : l;
      const at = o * stride + base;
      facetSums[at]! += groupPostValues[j + 1]! * x;
      facetSums[at + 1]! += s * x;
    }
  }
}
