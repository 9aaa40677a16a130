// The NOC 2021 hierarchy: five levels whose codes nest by prefix (3 -> 31 -> 313 -> 3130 -> 31301),
// and what a unit group's code says by itself: its TEER category and its ancestors.
import type { FieldGroup } from '@bridgework/core';

export type NocLevel = 1 | 2 | 3 | 4 | 5;

/** The names the official structure file gives each level (its `Hierarchical structure` column). */
export const NOC_LEVEL_NAMES: Readonly<Record<NocLevel, string>> = {
  1: 'Broad Category',
  2: 'Major Group',
  3: 'Sub-major Group',
  4: 'Minor Group',
  5: 'Unit Group',
};

/** One class of the classification, any level; the code's length is its level. */
export interface NocClass {
  level: NocLevel;
  code: string;
  title: string;
  definition?: string;
}

/** TEER (training, education, experience and responsibilities) is the unit group's second digit. */
export function teerOf(unitGroup: string): number {
  return Number(unitGroup.charAt(1));
}

const PLACEHOLDER_NAMES: Readonly<Record<1 | 2 | 3 | 4, string>> = {
  1: 'broad category',
  2: 'major group',
  3: 'sub-major group',
  4: 'minor group',
};

export interface NocFieldPath {
  path: FieldGroup[];
  /** Group codes whose title the source did not give (see nocFieldPath). */
  untitled: string[];
}

/**
 * The four groups above a unit group, broadest first: broad category, major group, sub-major
 * group, minor group. Always four levels, so `fieldPath[i]` is the same level for every Canadian
 * occupation whichever source it came from (the unit-group JSON has no sub-major titles, OaSIS
 * has no group titles at all). The codes come from the unit group's own code; a title the source
 * lacks reads "NOC 2021 sub-major group 313" rather than being invented.
 */
export function nocFieldPath(unitGroup: string, titles: ReadonlyMap<string, string>): NocFieldPath {
  const path: FieldGroup[] = [];
  const untitled: string[] = [];
  for (const level of [1, 2, 3, 4] as const) {
    const code = unitGroup.slice(0, level);
    let title = titles.get(code);
    if (title === undefined) {
      untitled.push(code);
      title = `NOC 2021 ${PLACEHOLDER_NAMES[level]} ${code}`;
    }
    path.push({ code, title: { en: title } });
  }
  return { path, untitled };
}
