// pathways(): stepping-stone routes from a person to a target occupation. An occupation graph
// is built per request over a candidate set; an edge is a move whose coverage clears a
// threshold and costs the gap of that move; graphology-shortest-path finds the cheapest route.
import { DirectedGraph } from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { z } from 'zod';
import type { Profile } from '../schema/profile.ts';
import { resolveRated } from './compare.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { explainTarget } from './explain.ts';
import { LevelScratch } from './occupation-levels.ts';
import { resolveProfile } from './profile-vector.ts';
import { occupationRef, type Gap, type OccupationRef } from './results.ts';
import { accumulate, loadProfile, workspaceFor } from './workspace.ts';

export const PathwayOptions = z.strictObject({
  maxSteps: z.int().min(1).max(5).default(3),
  /** A move is an edge only when it covers at least this share of the next occupation's needs. */
  minCoverage: z.number().min(0.05).max(1).default(0.6),
  /** Occupations considered as stepping stones: the best from the person and the best into the target. */
  candidates: z.int().min(5).max(300).default(40),
  /** Added to each move's cost, so that of two routes with equal gaps the shorter wins. */
  stepCost: z.number().min(0).max(1).default(0.05),
  partialCredit: z.boolean().default(true),
  gapsPerStep: z.int().min(0).max(50).default(5),
});
export type PathwayOptionsInput = z.input<typeof PathwayOptions>;

export interface PathwayStep {
  step: number;
  /** Null for the first step: the move starts from the person's own profile. */
  from: OccupationRef | null;
  to: OccupationRef;
  coverage: number;
  /** The largest gaps of this move. */
  gaps: Gap[];
}

export interface Pathways {
  target: OccupationRef;
  /** The direct move, for comparison. */
  direct: { coverage: number; gap: number };
  found: boolean;
  /** Sum over steps of (1 - coverage + stepCost). */
  cost?: number;
  steps: PathwayStep[];
  message: string;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const YOU = 'you';
const GOAL = 'goal';

/**
 * Cost: O(postings of the profile + postings of the target's competencies + candidates^2 x
 * requirements per occupation) to build the graph, then Dijkstra on candidates x maxSteps nodes.
 */
export function pathways(index: CompiledIndex, profile: Profile, targetRef: string, optionsInput: PathwayOptionsInput = {}): Pathways {
  const options = PathwayOptions.parse(optionsInput);
  const vector = resolveProfile(index, profile);
  const t = resolveRated(index, targetRef);
  const ws = workspaceFor(index);
  loadProfile(index, ws, vector, options.partialCredit);
  accumulate(index, ws);
  const fromPerson = (o: number) => (index.totalWeightedLevel[o]! > 0 ? ws.met[o]! / index.totalWeightedLevel[o]! : 0);
  const direct = { coverage: round(fromPerson(t)), gap: round(index.totalWeightedLevel[t]! - ws.met[t]!) };
  const isSource = new Set(vector.sources);

  // Feeders: coverage of the target by each occupation's levels, through the target's postings.
  const feed = new Float64Array(index.occupationCount);
  for (let k = index.reqStart[t]!; k < index.traitStart[t]!; k++) {
    const c = index.reqCompetency[k]!;
    const need = index.reqLevel[k]!;
    const w = index.reqImportance[k]!;
    for (let j = index.postStart[c]!; j < index.postStart[c + 1]!; j++) {
      const k2 = index.postRequirement[j]!;
      const have = index.reqLevel[k2]!;
      feed[index.reqOccupation[k2]!]! += w * (have < need ? have : need);
    }
  }
  const candidates = new Set<number>([t]);
  const best = (score: (o: number) => number) => {
    const order: number[] = [];
    for (let o = 0; o < index.occupationCount; o++) if (!isSource.has(o) && o !== t && index.totalWeightedLevel[o]! > 0) order.push(o);
    order.sort((a, b) => score(b) - score(a) || a - b);
    return order.slice(0, options.candidates);
  };
  for (const o of best(fromPerson)) candidates.add(o);
  for (const o of best((o) => feed[o]!)) candidates.add(o);

  // Layered graph: node "k|o" is "in occupation o after k moves", so routes respect maxSteps.
  const graph = new DirectedGraph<Record<string, never>, { cost: number; coverage: number }>();
  graph.addNode(YOU);
  graph.addNode(GOAL);
  const node = (k: number, o: number) => `${k}|${o}`;
  for (let k = 1; k <= options.maxSteps; k++) for (const o of candidates) graph.addNode(node(k, o));
  for (const o of candidates) {
    const coverage = fromPerson(o);
    if (coverage >= options.minCoverage) graph.addEdge(YOU, node(1, o), { cost: 1 - coverage + options.stepCost, coverage });
  }
  const scratch = new LevelScratch(index);
  const list = [...candidates];
  for (const u of list) {
    if (u === t) continue;
    scratch.load(u);
    for (const v of list) {
      if (v === u) continue;
      const coverage = scratch.coverageOf(v);
      if (coverage < options.minCoverage) continue;
      for (let k = 1; k < options.maxSteps; k++) graph.addEdge(node(k, u), node(k + 1, v), { cost: 1 - coverage + options.stepCost, coverage });
    }
  }
  for (let k = 1; k <= options.maxSteps; k++) graph.addEdge(node(k, t), GOAL, { cost: 0, coverage: 1 });

  // bidirectional() returns null when no route exists, whatever its type says.
  const path = dijkstra.bidirectional(graph, YOU, GOAL, 'cost') as string[] | null;
  const target = occupationRef(index.occupations[t]!);
  if (!path) {
    return {
      target,
      direct,
      found: false,
      steps: [],
      message: `No route of at most ${options.maxSteps} step(s) where each move covers at least ${Math.round(options.minCoverage * 100)}% of the next occupation's needs. Try more steps, a lower threshold, or a bridging program (what-if).`,
    };
  }
  const occupationsOnPath = path.slice(1, -1).map((n) => Number(n.split('|')[1]));
  const steps: PathwayStep[] = [];
  let cost = 0;
  occupationsOnPath.forEach((o, i) => {
    const prev = i === 0 ? undefined : occupationsOnPath[i - 1]!;
    let coverage: number;
    let gaps: Gap[];
    if (prev === undefined) {
      coverage = fromPerson(o);
      gaps = explainTarget(index, ws, o, { maxMatched: 0, maxGaps: Math.max(1, options.gapsPerStep) }).explanation.gaps.slice(0, options.gapsPerStep);
    } else {
      scratch.load(prev);
      coverage = scratch.coverageOf(o);
      gaps = scratch.gapsOf(o, options.gapsPerStep);
    }
    cost += 1 - coverage + options.stepCost;
    steps.push({ step: i + 1, from: prev === undefined ? null : occupationRef(index.occupations[prev]!), to: occupationRef(index.occupations[o]!), coverage: round(coverage), gaps });
  });
  const via = steps.slice(0, -1).map((s) => s.to.title);
  return {
    target,
    direct,
    found: true,
    cost: round(cost),
    steps,
    message: via.length === 0 ? `Move directly: ${Math.round(direct.coverage * 100)}% of the needs are already met.` : `Via ${via.join(' then ')}.`,
  };
}
