// Which branch of the O*NET Content Model an element id belongs to, and what that makes it in
// the core model: its competency kind and how widely it transfers (reuse level).
//
// Reuse, by branch (ESCO's terms; longest matching prefix wins):
// - transversal: Basic Skills (2.A: reading, writing, mathematics, critical thinking), Social
//   Skills (2.B.1), Complex Problem Solving (2.B.2), Abilities (1.A: enduring capacities every
//   job draws on), and the Work Activities of taking in information, mental processes and
//   interacting with others (4.A.1, 4.A.2, 4.A.4). They say little about a field, so scoring
//   keeps them apart when judging whether two occupations share one.
// - cross-sector: Technical, Systems and Resource Management Skills (2.B.3-2.B.5), Knowledge
//   (2.C: domains such as Medicine or Law that several industries share) and Work Output
//   activities (4.A.3: operating vehicles, repairing equipment).
// - transversal as well: Occupational Interests (1.B.1 RIASEC, 1.B.3 basic interests) and Work
//   Styles (1.C: dependability, stress tolerance). They describe how a person likes to work and
//   behaves at work, in any field; core treats both kinds as traits (never gaps).
import type { CompetencyKind, ReuseLevel } from '@bridgework/core';

interface Branch {
  prefix: string;
  kind: CompetencyKind;
  reuse: ReuseLevel;
}

const BRANCHES: readonly Branch[] = [
  { prefix: '1.A', kind: 'ability', reuse: 'transversal' },
  { prefix: '1.B.1', kind: 'interest', reuse: 'transversal' },
  { prefix: '1.B.3', kind: 'interest', reuse: 'transversal' },
  { prefix: '1.C', kind: 'attribute', reuse: 'transversal' },
  { prefix: '2.A', kind: 'skill', reuse: 'transversal' },
  { prefix: '2.B.1', kind: 'skill', reuse: 'transversal' },
  { prefix: '2.B.2', kind: 'skill', reuse: 'transversal' },
  { prefix: '2.B', kind: 'skill', reuse: 'cross-sector' },
  { prefix: '2.C', kind: 'knowledge', reuse: 'cross-sector' },
  { prefix: '4.A.3', kind: 'work-activity', reuse: 'cross-sector' },
  { prefix: '4.A', kind: 'work-activity', reuse: 'transversal' },
];

/** The branches an IM and LV rating (Skills.txt layout) may point into, for checks and messages. */
export const RATED_BRANCHES = ['1.A', '2.A', '2.B', '2.C', '4.A'] as const;
/** The branches of Interests.txt (OI) and Work Styles.txt (IM only). */
export const INTEREST_BRANCHES = ['1.B.1', '1.B.3'] as const;
export const WORK_STYLE_BRANCHES = ['1.C'] as const;

/** Kind and reuse of an element, or undefined when its branch is not one ratings map to. */
export function branchOf(elementId: string): { kind: CompetencyKind; reuse: ReuseLevel } | undefined {
  // BRANCHES lists longer prefixes before the shorter ones they refine.
  for (const branch of BRANCHES) {
    if (isUnder(elementId, branch.prefix)) return branch;
  }
  return undefined;
}

/** Whether the element is one of the prefixes or sits below one: 2.B.3.e is in 2.B. */
export function inBranches(elementId: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => isUnder(elementId, prefix));
}

function isUnder(elementId: string, prefix: string): boolean {
  return elementId === prefix || elementId.startsWith(prefix + '.');
}

/** The element's ancestors in the outline, nearest first: 2.A.1.a -> 2.A.1, 2.A, 2. */
export function ancestorsOf(elementId: string): string[] {
  const parts = elementId.split('.');
  const ancestors: string[] = [];
  for (let n = parts.length - 1; n >= 1; n--) ancestors.push(parts.slice(0, n).join('.'));
  return ancestors;
}
