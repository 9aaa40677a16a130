// whatIf(): apply a bridging program's competencies to a profile, re-rank, and report what moved.
import { z } from 'zod';
import { Id, Unit } from '../schema/common.ts';
import type { CompetencyOverride, Profile } from '../schema/profile.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { RankOptions, type RankOptionsInput } from './options.ts';
import { resolveProfile } from './profile-vector.ts';
import { rank, scoresOf } from './rank.ts';
import { workspaceFor } from './workspace.ts';
import type { OccupationRef, Ranking } from './results.ts';

export const BridgingProgram = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  /** Competencies the program teaches and the level a graduate reaches. */
  competencies: z.array(z.strictObject({ competency: Id, level: Unit })).min(1, 'a program teaches at least one competency').max(1000),
});
export type BridgingProgram = z.infer<typeof BridgingProgram>;

export interface RankDelta {
  occupation: OccupationRef;
  before?: { rank: number; fit: number; coverage: number };
  after?: { rank: number; fit: number; coverage: number };
  fitChange: number;
  coverageChange: number;
}

export interface WhatIf {
  program: BridgingProgram;
  /** The profile with the program applied (levels raised, never lowered; evidence "program"). */
  profile: Profile;
  before: Ranking;
  after: Ranking;
  /** Every occupation in either top list, by largest fit gain first. */
  deltas: RankDelta[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function whatIf(index: CompiledIndex, profile: Profile, program: BridgingProgram, options: RankOptionsInput = {}): WhatIf {
  const before = rank(index, profile, options);
  const vector = resolveProfile(index, profile);
  const own = new Map<string, number>();
  for (let i = 0; i < vector.competencies.length; i++) own.set(index.competencies[vector.competencies[i]!]!.id, vector.levels[i]!);
  const raised: CompetencyOverride[] = program.competencies
    .filter((p) => (own.get(p.competency) ?? 0) < p.level)
    .map((p) => ({ competency: p.competency, level: p.level, evidence: 'program' as const }));
  const taught = new Set(raised.map((r) => r.competency));
  const withProgram: Profile = { ...profile, competencies: [...profile.competencies.filter((c) => !taught.has(c.competency)), ...raised] };
  const after = rank(index, withProgram, options);

  const deltas = new Map<string, RankDelta>();
  for (const r of before.results) {
    deltas.set(r.occupation.id, { occupation: r.occupation, before: { rank: r.rank, fit: r.fit, coverage: r.coverage }, fitChange: -r.fit, coverageChange: -r.coverage });
  }
  for (const r of after.results) {
    const d = deltas.get(r.occupation.id) ?? { occupation: r.occupation, fitChange: 0, coverageChange: 0 };
    d.after = { rank: r.rank, fit: r.fit, coverage: r.coverage };
    d.fitChange = round(r.fit - (d.before?.fit ?? 0));
    d.coverageChange = round(r.coverage - (d.before?.coverage ?? 0));
    deltas.set(r.occupation.id, d);
  }
  // Occupations that fell out of the list: the workspace still holds the profile with the
  // program (rank() above was the last to load it), so score them there.
  const weights = RankOptions.parse(options).weights;
  const vectorAfter = resolveProfile(index, withProgram);
  const ws = workspaceFor(index);
  for (const d of deltas.values()) {
    if (d.after) continue;
    const scores = scoresOf(index, ws, vectorAfter, index.occupationIndex.get(d.occupation.id)!, weights);
    d.fitChange = round(scores.fit - d.before!.fit);
    d.coverageChange = round(scores.coverage - d.before!.coverage);
  }
  return {
    program,
    profile: withProgram,
    before,
    after,
    deltas: [...deltas.values()].sort((a, b) => b.fitChange - a.fitChange || (a.occupation.id < b.occupation.id ? -1 : 1)),
  };
}
