// Latency of every scoring function on one compiled framework.
import { cohortGaps, compare, matrix, pathways, rank, type CompiledIndex, type Profile, type RankOptionsInput } from '@bridgework/core';
import { latencyFigures, round, timeEach, timeOnce, type BenchFigure } from './stats.ts';
import { variedProfiles } from './varied-profiles.ts';

export interface ScoringBenchOptions {
  profiles?: number;
  /** Results per ranking and how many carry explanations. */
  top?: number;
  explain?: number;
}

export function benchScoring(prefix: string, index: CompiledIndex, options: ScoringBenchOptions = {}): BenchFigure[] {
  const profiles = variedProfiles(index, options.profiles ?? 1000);
  const figures: BenchFigure[] = [];
  const top = options.top ?? 10;
  const explain = options.explain ?? top;
  figures.push(...benchRank(prefix, index, { top, explain }, profiles));

  const ids = profiles.map((p) => p.occupations[0]!.occupation);
  const pairs = ids.slice(0, 500).map((a, i) => [a, ids[(i + 1) % ids.length]!] as const);
  figures.push(...latencyFigures(`${prefix}.compare`, timeEach(pairs, ([a, b]) => compare(index, a, b))));

  const hundred = [...new Set(ids)].slice(0, 100);
  figures.push({ name: `${prefix}.matrix100`, value: round(timeOnce(() => matrix(index, hundred)).ms), unit: 'ms', n: hundred.length });

  const cohort = profiles.slice(0, 500);
  const target = ids[ids.length - 1]!;
  figures.push({ name: `${prefix}.cohortGaps500`, value: round(timeOnce(() => cohortGaps(index, cohort, target)).ms), unit: 'ms', n: cohort.length });

  const routes = profiles.slice(0, 30).map((p, i) => [p, ids[(i * 13 + 5) % ids.length]!] as const);
  figures.push(...latencyFigures(`${prefix}.pathways`, timeEach(routes, ([p, t]) => pathways(index, p, t), 3)));
  return figures;
}

/** Rank latency alone, with given options (e.g. the peer's work: scores only, no partial credit). */
export function benchRank(prefix: string, index: CompiledIndex, options: RankOptionsInput, profiles: number | readonly Profile[] = 1000): BenchFigure[] {
  const varied = typeof profiles === 'number' ? variedProfiles(index, profiles) : profiles;
  return latencyFigures(`${prefix}.rank`, timeEach(varied, (p) => rank(index, p, options)));
}
