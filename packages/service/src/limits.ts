// What one request may cost. Each analysis has a bound on the work its options and inputs can ask
// for, chosen so that its worst case on full ESCO (3,007 occupations, 13,896 competencies) stays
// near 100 ms on one core (35-184 ms measured, with the machine's load); docs/api.md lists them
// with the measured worst case, and `pnpm bench` measures them again (limits.*). A request past
// a bound is refused before any work is done, with a 400 that names the bound.
import { PathwayOptions, type PathwayOptionsInput, type ProfileInput } from '@bridgework/core';

/**
 * Pathways build a graph over the candidates (the best from the person and the best into the
 * target, so up to 2 x candidates + 1 nodes per step) with an edge for every pair that clears
 * minCoverage at every step: its cost grows as candidates² x maxSteps. At 300 candidates and 5
 * steps it took 1.7-2.3 s on ESCO; at this bound, 81-184 ms over two runs (pnpm bench:
 * limits.pathways.*).
 */
export const MAX_PATHWAY_WORK = 12_000;

/** People in a cohort (the JSON body or the CSV rows). */
export const MAX_COHORT_SIZE = 2000;
/** Occupations named across a cohort's profiles: each is resolved and its requirements merged. */
export const MAX_COHORT_OCCUPATIONS = 4000;
/** Competency levels across a cohort's profiles (JSON entries or CSV cells): each is validated and scored. */
export const MAX_COHORT_LEVELS = 20_000;

/** candidates² x maxSteps of these options, with the defaults filled in. */
export function pathwayWork(options: PathwayOptionsInput | undefined): { candidates: number; maxSteps: number; work: number } {
  const defaults = PathwayOptions.parse({});
  const candidates = options?.candidates ?? defaults.candidates;
  const maxSteps = options?.maxSteps ?? defaults.maxSteps;
  return { candidates, maxSteps, work: candidates * candidates * maxSteps };
}

export function pathwayLimitMessage(candidates: number, maxSteps: number, work: number): string {
  return `candidates × candidates × maxSteps is ${format(candidates)} × ${format(candidates)} × ${maxSteps} = ${format(work)}; at most ${format(MAX_PATHWAY_WORK)} per request (e.g. 40 candidates and 5 steps, or 60 and 3)`;
}

/** How many occupations and competency levels a cohort names, in all. */
export function cohortSize(profiles: readonly Pick<ProfileInput, 'occupations' | 'competencies'>[]): { occupations: number; levels: number } {
  let occupations = 0;
  let levels = 0;
  for (const profile of profiles) {
    occupations += profile.occupations?.length ?? 0;
    levels += profile.competencies?.length ?? 0;
  }
  return { occupations, levels };
}

export const format = (n: number): string => n.toLocaleString('en-US');
