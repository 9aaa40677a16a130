// cohortGaps(): for a bridging program, the competencies a cohort moving to one target lacks,
// ranked by how many lack them and by how much; and what most already have (credit for prior learning).
import { z } from 'zod';
import { BridgeworkError } from '../errors.ts';
import type { Profile } from '../schema/profile.ts';
import { resolveRated } from './compare.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { resolveProfile } from './profile-vector.ts';
import { competencyRef, occupationRef, type CompetencyRef, type OccupationRef } from './results.ts';
import { loadProfile, workspaceFor } from './workspace.ts';

export const CohortOptions = z.strictObject({
  partialCredit: z.boolean().default(true),
  /** A deficit at or below this is treated as met (self-assessments are not that precise). */
  tolerance: z.number().min(0).max(1).default(0.05),
  /** Extra weight of essential competencies in the priority. */
  essentialBoost: z.number().min(1).max(10).default(1.5),
});
export type CohortOptionsInput = z.input<typeof CohortOptions>;

export interface CohortCompetencyGap {
  competency: CompetencyRef;
  importance: number;
  required: number;
  essential: boolean;
  /** Members whose effective level is below the required level (beyond tolerance). */
  lacking: number;
  shareLacking: number;
  /** Mean deficit over the whole cohort, and over those lacking it. */
  meanDeficit: number;
  meanDeficitAmongLacking: number;
  /** importance x mean deficit x (essential boost): what to teach first. */
  priority: number;
}

export interface CohortGaps {
  target: OccupationRef;
  cohortSize: number;
  meanCoverage: number;
  /** Sorted by priority, highest first; competencies nobody lacks are in `alreadyMet`. */
  gaps: CohortCompetencyGap[];
  /** Competencies the whole cohort meets: candidates for prior learning credit (PLAR). */
  alreadyMet: CompetencyRef[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** O(profiles x (profile size + requirements of the target)). */
export function cohortGaps(index: CompiledIndex, profiles: readonly Profile[], targetRef: string, optionsInput: CohortOptionsInput = {}): CohortGaps {
  const options = CohortOptions.parse(optionsInput);
  if (profiles.length === 0) throw new BridgeworkError('cohort.empty', 'the cohort has no profiles');
  const t = resolveRated(index, targetRef);
  const start = index.reqStart[t]!;
  const end = index.traitStart[t]!;
  const lacking = new Uint32Array(end - start);
  const deficitSum = new Float64Array(end - start);
  const ws = workspaceFor(index);
  let coverageSum = 0;

  profiles.forEach((profile, member) => {
    let vector;
    try {
      vector = resolveProfile(index, profile);
    } catch (error) {
      if (error instanceof BridgeworkError) {
        throw new BridgeworkError(error.code, `cohort member ${member + 1}${profile.label ? ` (${profile.label})` : ''}: ${error.message}`, error.details);
      }
      throw error;
    }
    loadProfile(index, ws, vector, options.partialCredit);
    let met = 0;
    for (let k = start; k < end; k++) {
      const need = index.reqLevel[k]!;
      const have = ws.effective[index.reqCompetency[k]!]!;
      met += index.reqImportance[k]! * Math.min(have, need);
      const deficit = need - have;
      if (deficit > options.tolerance) {
        lacking[k - start]!++;
        deficitSum[k - start]! += deficit;
      }
    }
    coverageSum += met / index.totalWeightedLevel[t]!;
  });

  const n = profiles.length;
  const gaps: CohortCompetencyGap[] = [];
  const alreadyMet: CompetencyRef[] = [];
  for (let k = start; k < end; k++) {
    const competency = competencyRef(index.competencies[index.reqCompetency[k]!]!);
    const count = lacking[k - start]!;
    if (count === 0) {
      alreadyMet.push(competency);
      continue;
    }
    const essential = index.reqEssential[k] === 1;
    const meanDeficit = deficitSum[k - start]! / n;
    gaps.push({
      competency,
      importance: round(index.reqImportance[k]!),
      required: round(index.reqLevel[k]!),
      essential,
      lacking: count,
      shareLacking: round(count / n),
      meanDeficit: round(meanDeficit),
      meanDeficitAmongLacking: round(deficitSum[k - start]! / count),
      priority: round(index.reqImportance[k]! * meanDeficit * (essential ? options.essentialBoost : 1)),
    });
  }
  gaps.sort((a, b) => b.priority - a.priority || b.shareLacking - a.shareLacking || (a.competency.id < b.competency.id ? -1 : 1));
  return { target: occupationRef(index.occupations[t]!), cohortSize: n, meanCoverage: round(coverageSum / n), gaps, alreadyMet };
}
