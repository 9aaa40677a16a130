// The realism figure: how many of the top 10 alternatives would be a big step up in preparation
// from the person's own occupation. A result is a step up when it needs two or more preparation
// steps more than the source, or 24 or more months more entry training (entry.trainingMonths)
// when both occupations give them. Preparation steps per framework:
//   O*NET: job zone 1-5 (entry.jobZone, else Job Zones.txt by code), steps = target - source;
//   NOC / OaSIS / fqr-canada: TEER 0-5 (codes.teer), lower TEER = more preparation, steps =
//     source TEER - target TEER;
//   ESCO: the ISCO-08 skill level of the major group (codes.isco), steps = target - source.
import type { CompiledIndex, Occupation } from '@bridgework/core';

export type PreparationScale = 'job-zone' | 'teer' | 'isco-skill-level';

/** Per occupation of an index: preparation level (higher = more preparation) and entry months; NaN when unknown. */
export interface Preparation {
  scale: PreparationScale;
  level: Float64Array;
  months: Float64Array;
}

/**
 * ILO's skill levels of the ISCO-08 major groups: 1 managers and 2 professionals -> 4,
 * 3 technicians -> 3, 4-8 -> 2, 9 elementary occupations -> 1; armed forces by sub-major group:
 * 01 commissioned officers -> 4, 02 non-commissioned officers -> 2, 03 other ranks -> 1.
 */
export function iscoSkillLevel(isco: string): number | undefined {
  const major = isco[0];
  if (major === undefined || !/\d/.test(major)) return undefined;
  if (major === '0') return ({ '1': 4, '2': 2, '3': 1 } as Record<string, number>)[isco[1] ?? ''];
  return [0, 4, 4, 3, 2, 2, 2, 2, 2, 1][Number(major)];
}

/**
 * `jobZones` (O*NET-SOC code -> zone) is read when an occupation has no entry.jobZone: the O*NET
 * importer does not set it yet, and the onet-25 copy has no Job Zones.txt.
 */
export function preparationOf(index: CompiledIndex, scale: PreparationScale, jobZones?: ReadonlyMap<string, number>): Preparation {
  const level = new Float64Array(index.occupationCount).fill(Number.NaN);
  const months = new Float64Array(index.occupationCount).fill(Number.NaN);
  index.occupations.forEach((o, i) => {
    level[i] = levelOf(o, scale, jobZones) ?? Number.NaN;
    months[i] = o.entry?.trainingMonths ?? Number.NaN;
  });
  return { scale, level, months };
}

function levelOf(o: Occupation, scale: PreparationScale, jobZones?: ReadonlyMap<string, number>): number | undefined {
  if (scale === 'job-zone') return o.entry?.jobZone ?? jobZones?.get(o.codes.onetSoc ?? o.id);
  if (scale === 'teer') return o.codes.teer !== undefined ? 5 - o.codes.teer : undefined;
  return o.codes.isco !== undefined ? iscoSkillLevel(o.codes.isco) : undefined;
}

/** A step up: undefined when neither criterion can be judged for the pair. */
export function isStepUp(prep: Preparation, s: number, t: number): boolean | undefined {
  const steps = prep.level[t]! - prep.level[s]!;
  const months = prep.months[t]! - prep.months[s]!;
  if (Number.isNaN(steps) && Number.isNaN(months)) return undefined;
  return steps >= 2 || months >= 24;
}

/**
 * The share of the first 10 results that are step ups, among those that can be judged; NaN
 * when none can (the source is then left out of the figure).
 */
export function stepUpShare(index: CompiledIndex, prep: Preparation, source: string, ranked: readonly string[]): number {
  const s = index.occupationIndex.get(source)!;
  let judged = 0;
  let up = 0;
  for (const id of ranked.slice(0, 10)) {
    const step = isStepUp(prep, s, index.occupationIndex.get(id)!);
    if (step === undefined) continue;
    judged++;
    if (step) up++;
  }
  return judged === 0 ? Number.NaN : up / judged;
}
