// Requirements and skill relations with at most one per pair, keyed by catalogue positions
// (one number per pair, not a string), so that a repeated row in a release is caught in O(1)
// without holding a second copy of every id.
import type { Relation, Requirement } from '@bridgework/core';

export class RequirementList {
  readonly items: Requirement[] = [];
  private readonly byPair = new Map<number, number>();

  constructor(private readonly competencyCount: number) {}

  /** False when the pair was already there; of the two, essential wins, else the first. */
  add(occupation: number, competency: number, requirement: Requirement): boolean {
    const key = occupation * this.competencyCount + competency;
    const existing = this.byPair.get(key);
    if (existing === undefined) {
      this.byPair.set(key, this.items.length);
      this.items.push(requirement);
      return true;
    }
    if (requirement.essential && !this.items[existing]!.essential) this.items[existing] = requirement;
    return false;
  }
}

export type RelationOutcome = 'added' | 'self' | 'repeat';

export class RelationList {
  readonly items: Relation[] = [];
  private readonly pairs = new Set<number>();

  constructor(private readonly competencyCount: number) {}

  /** Adds `relation` between the competencies at these positions unless it is a loop or a repeat. */
  add(from: number, to: number, relation: Relation): RelationOutcome {
    if (from === to) return 'self';
    const key = from * this.competencyCount + to;
    if (this.pairs.has(key)) return 'repeat';
    this.pairs.add(key);
    this.items.push(relation);
    return 'added';
  }
}

export const SKIP_REASONS: Readonly<Record<Exclude<RelationOutcome, 'added'>, string>> = {
  self: 'a skill related to itself',
  repeat: 'skill pair listed twice',
};
