// The two plain baselines every figure stands beside, computed in the same run on the same
// candidates as the model: cosine similarity over importance x level vectors of all the
// framework's requirements, and Pearson correlation over importance vectors. Neither reads
// anything but the compiled requirements.
import type { CompiledIndex } from '@bridgework/core';

export const BASELINES = ['cosine', 'pearson'] as const;
export type Baseline = (typeof BASELINES)[number];

/**
 * cos(s, o) = sum_c w_s(c) L_s(c) w_o(c) L_o(c) / (|s| |o|) for every occupation o (0 where o
 * shares nothing with s or has no requirements). O(postings of s's competencies + occupations).
 */
export function cosineScores(index: CompiledIndex, s: number): Float64Array {
  const norms = stats(index).norm;
  const dot = new Float64Array(index.occupationCount);
  for (let k = index.reqStart[s]!; k < index.reqStart[s + 1]!; k++) {
    const c = index.reqCompetency[k]!;
    const a = index.reqImportance[k]! * index.reqLevel[k]!;
    for (let j = index.postStart[c]!; j < index.postStart[c + 1]!; j++) {
      const k2 = index.postRequirement[j]!;
      dot[index.reqOccupation[k2]!]! += a * index.reqImportance[k2]! * index.reqLevel[k2]!;
    }
  }
  const ns = norms[s]!;
  for (let o = 0; o < dot.length; o++) dot[o] = ns > 0 && norms[o]! > 0 ? dot[o]! / (ns * norms[o]!) : 0;
  return dot;
}

/**
 * Pearson r between importance vectors, dense over the n competencies some occupation requires
 * (zero where an occupation does not require one), computed sparsely from the postings:
 * r = (x.y - n mx my) / (n sx sy), with each occupation's mean m = sum / n and population
 * standard deviation s = sqrt(sumsq / n - m^2). Competencies no occupation requires are zero in
 * every vector and are left out of n: they say nothing about how alike two occupations are.
 * O(postings of s's competencies + occupations).
 */
export function pearsonScores(index: CompiledIndex, s: number): Float64Array {
  const { mean, sd, n } = stats(index);
  const dot = new Float64Array(index.occupationCount);
  for (let k = index.reqStart[s]!; k < index.reqStart[s + 1]!; k++) {
    const c = index.reqCompetency[k]!;
    const a = index.reqImportance[k]!;
    for (let j = index.postStart[c]!; j < index.postStart[c + 1]!; j++) {
      const k2 = index.postRequirement[j]!;
      dot[index.reqOccupation[k2]!]! += a * index.reqImportance[k2]!;
    }
  }
  const ms = mean[s]!;
  const ss = sd[s]!;
  for (let o = 0; o < dot.length; o++) dot[o] = ss > 0 && sd[o]! > 0 ? (dot[o]! - n * ms * mean[o]!) / (n * ss * sd[o]!) : 0;
  return dot;
}

export function baselineScores(index: CompiledIndex, baseline: Baseline, s: number): Float64Array {
  return baseline === 'cosine' ? cosineScores(index, s) : pearsonScores(index, s);
}

/**
 * The k best candidates for source s by score, highest first, ties broken by occupation id as
 * rank() breaks them. Candidates are the model's: every occupation with requirements except s;
 * `skip` removes more (the undetermined ones of a ground truth). O(occupations x log k).
 */
export function topByScore(index: CompiledIndex, scores: Float64Array, s: number, k: number, skip?: ReadonlySet<string>): string[] {
  const idRank = index.occupationIdRank;
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && idRank[a]! < idRank[b]!);
  const kept: number[] = [];
  for (let o = 0; o < index.occupationCount; o++) {
    if (o === s || index.totalWeightedLevel[o]! <= 0) continue;
    if (kept.length === k && !better(o, kept[k - 1]!)) continue;
    if (skip?.has(index.occupations[o]!.id)) continue;
    // Binary search for the place of o in the kept list (best first).
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(o, kept[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, o);
    if (kept.length > k) kept.pop();
  }
  return kept.map((o) => index.occupations[o]!.id);
}

interface OccupationStats {
  /** Euclidean norm of the importance x level vector. */
  norm: Float64Array;
  /** Mean and population standard deviation of the dense importance vector. */
  mean: Float64Array;
  sd: Float64Array;
  /** Competencies some occupation requires. */
  n: number;
}

const statsCache = new WeakMap<CompiledIndex, OccupationStats>();

/** O(requirements), once per index. */
function stats(index: CompiledIndex): OccupationStats {
  let cached = statsCache.get(index);
  if (cached) return cached;
  let n = 0;
  for (let c = 0; c < index.competencyCount; c++) if (index.postStart[c + 1]! > index.postStart[c]!) n++;
  const norm = new Float64Array(index.occupationCount);
  const mean = new Float64Array(index.occupationCount);
  const sd = new Float64Array(index.occupationCount);
  for (let o = 0; o < index.occupationCount; o++) {
    let sq = 0;
    let sum = 0;
    let sumsq = 0;
    for (let k = index.reqStart[o]!; k < index.reqStart[o + 1]!; k++) {
      const w = index.reqImportance[k]!;
      const v = w * index.reqLevel[k]!;
      sq += v * v;
      sum += w;
      sumsq += w * w;
    }
    norm[o] = Math.sqrt(sq);
    if (n > 0) {
      mean[o] = sum / n;
      sd[o] = Math.sqrt(Math.max(0, sumsq / n - mean[o]! * mean[o]!));
    }
  }
  cached = { norm, mean, sd, n };
  statsCache.set(index, cached);
  return cached;
}
