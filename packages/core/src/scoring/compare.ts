// compare(a, b) and matrix(ids): occupations side by side for regulators, in both directions,
// because a move from A to B is not the move from B to A.
import { BridgeworkError } from '../errors.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { LevelScratch } from './occupation-levels.ts';
import { competencyRef, occupationRef, type CompetencyRef, type OccupationRef } from './results.ts';

export interface RequirementSide {
  importance: number;
  level: number;
  essential: boolean;
}

export interface ComparedCompetency {
  competency: CompetencyRef;
  a?: RequirementSide;
  b?: RequirementSide;
  /** a.level - b.level, for shared competencies. */
  difference?: number;
}

export interface Comparison {
  a: OccupationRef;
  b: OccupationRef;
  /** Share of B's needs met by someone at A's levels, and the reverse. */
  coverage: { aToB: number; bToA: number };
  shared: ComparedCompetency[];
  onlyA: ComparedCompetency[];
  onlyB: ComparedCompetency[];
}

export interface Matrix {
  occupations: OccupationRef[];
  /** coverage[i][j]: share of occupation j's needs met at occupation i's levels. */
  coverage: number[][];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** O(requirements of a + of b). References are ids, codes or titles. */
export function compare(index: CompiledIndex, aRef: string, bRef: string): Comparison {
  const a = resolveRated(index, aRef);
  const b = resolveRated(index, bRef);
  const side = (k: number): RequirementSide => ({
    importance: round(index.reqImportance[k]!),
    level: round(index.reqLevel[k]!),
    essential: index.reqEssential[k] === 1,
  });
  const bByCompetency = new Map<number, number>();
  for (let k = index.reqStart[b]!; k < index.traitStart[b]!; k++) bByCompetency.set(index.reqCompetency[k]!, k);
  const shared: ComparedCompetency[] = [];
  const onlyA: ComparedCompetency[] = [];
  for (let k = index.reqStart[a]!; k < index.traitStart[a]!; k++) {
    const c = index.reqCompetency[k]!;
    const competency = competencyRef(index.competencies[c]!);
    const kb = bByCompetency.get(c);
    if (kb === undefined) onlyA.push({ competency, a: side(k) });
    else {
      shared.push({ competency, a: side(k), b: side(kb), difference: round(index.reqLevel[k]! - index.reqLevel[kb]!) });
      bByCompetency.delete(c);
    }
  }
  const onlyB = [...bByCompetency.entries()].map(([c, k]) => ({ competency: competencyRef(index.competencies[c]!), b: side(k) }));
  const byWeight = (x: ComparedCompetency, y: ComparedCompetency) =>
    Math.max(y.a?.importance ?? 0, y.b?.importance ?? 0) - Math.max(x.a?.importance ?? 0, x.b?.importance ?? 0) ||
    (x.competency.id < y.competency.id ? -1 : 1);
  const scratch = new LevelScratch(index);
  scratch.load(a);
  const aToB = scratch.coverageOf(b);
  scratch.load(b);
  const bToA = scratch.coverageOf(a);
  return {
    a: occupationRef(index.occupations[a]!),
    b: occupationRef(index.occupations[b]!),
    coverage: { aToB: round(aToB), bToA: round(bToA) },
    shared: shared.sort(byWeight),
    onlyA: onlyA.sort(byWeight),
    onlyB: onlyB.sort(byWeight),
  };
}

/** Both directions for a set of occupations. O(n^2 x requirements per occupation). */
export function matrix(index: CompiledIndex, refs: readonly string[]): Matrix {
  if (refs.length === 0) throw new BridgeworkError('request.invalid', 'matrix needs at least one occupation');
  const ids = refs.map((r) => resolveRated(index, r));
  const scratch = new LevelScratch(index);
  const coverage = ids.map((a) => {
    scratch.load(a);
    return ids.map((b) => (a === b ? 1 : round(scratch.coverageOf(b))));
  });
  return { occupations: ids.map((o) => occupationRef(index.occupations[o]!)), coverage };
}

export function resolveRated(index: CompiledIndex, ref: string): number {
  const occupation = index.lookup.resolve(ref);
  const o = index.occupationIndex.get(occupation.id)!;
  if (index.traitStart[o] === index.reqStart[o]) {
    throw new BridgeworkError(
      'occupation.not_found',
      `"${occupation.title.en}" (${occupation.id}) has no competency ratings in framework "${index.data.framework.id}"`,
    );
  }
  return o;
}
