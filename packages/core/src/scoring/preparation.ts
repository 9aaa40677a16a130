// How much preparation an occupation asks for, in the steps of the framework's own scale: the
// "how far is the move" half of the ranking reads it, beside entry training months.
//
// - O*NET Job Zone 1-5 (entry.jobZone).
// - NOC 2021 TEER (codes.teer): 5 (no formal education) is step 0 up to 1 (university degree)
//   at step 4. TEER 0, management, is placed with TEER 1: it asks for experience, not more schooling.
// - ISCO-08 skill level 1-4, from the major group of `codes.isco` (ILO, ISCO-08 vol. 1, table 1):
//   managers and professionals 4 (hospitality, retail and other services managers, 14: 3),
//   technicians and associate professionals 3, major groups 4-8: 2, elementary occupations 1;
//   armed forces: commissioned officers 4, non-commissioned officers 2, other ranks 1.
// The scale is the first one an occupation has in that order; moves are compared only within one scale.
import type { Occupation } from '../schema/occupation.ts';

export type PreparationScale = 'job-zone' | 'teer' | 'isco-skill-level';

export interface Preparation {
  scale: PreparationScale;
  step: number;
}

const TEER_STEP = [4, 4, 3, 2, 1, 0] as const;

export function preparationOf(occupation: Occupation): Preparation | undefined {
  const zone = occupation.entry?.jobZone;
  if (zone !== undefined) return { scale: 'job-zone', step: zone };
  const teer = occupation.codes.teer;
  if (teer !== undefined) return { scale: 'teer', step: TEER_STEP[teer]! };
  const isco = occupation.codes.isco;
  if (isco !== undefined) {
    const level = iscoSkillLevel(isco);
    if (level !== undefined) return { scale: 'isco-skill-level', step: level };
  }
  return undefined;
}

export function iscoSkillLevel(code: string): number | undefined {
  const major = code[0];
  switch (major) {
    case '1':
      return code[1] === '4' ? 3 : 4;
    case '2':
      return 4;
    case '3':
      return 3;
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
      return 2;
    case '9':
      return 1;
    case '0':
      return code[1] === '1' ? 4 : code[1] === '2' ? 2 : code[1] === '3' ? 1 : undefined;
    default:
      return undefined;
  }
}

export const PREPARATION_SCALES: readonly PreparationScale[] = ['job-zone', 'teer', 'isco-skill-level'];
