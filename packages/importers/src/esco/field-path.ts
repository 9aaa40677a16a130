// An occupation's field path from its ISCO group code: ISCO-08 codes nest by prefix
// (2 major, 22 sub-major, 221 minor, 2211 unit group), and so do Tabiya's local group codes
// (`I1` -> `I11`, `9629` -> `9629I`), so the path is every known group whose code is a prefix
// of the occupation's group code, broadest first, from the sub-major group down. ESCO's
// broaderRelationsOccPillar walks the same chain; the codes need no walk.
// The one-digit major group is left out: ISCO forms major groups by skill level (2 Professionals
// holds doctors, philosophers and astronomers alike), so sharing one says how much preparation two
// jobs ask for, not that they are in one field. The occupation keeps its full code in codes.isco,
// and scoring reads the skill level from it (packages/core/src/scoring/preparation.ts).
import type { FieldGroup, LocalizedText } from '@bridgework/core';

/** Occupation group titles by code. */
export type FieldGroups = Map<string, LocalizedText>;

/** O(length of the code). Prefixes without a known group are skipped, not invented. */
export function fieldPath(groupCode: string, groups: FieldGroups): FieldGroup[] {
  const path: FieldGroup[] = [];
  for (let length = 2; length <= groupCode.length; length++) {
    const code = groupCode.slice(0, length);
    const title = groups.get(code);
    if (title !== undefined) path.push({ code, title });
  }
  return path;
}
