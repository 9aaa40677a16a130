// The explanation of one target for one profile: what transfers, what partly transfers and
// from where, and what is missing and how much. Built for the top results only.
import { CLASSIFICATION } from './options.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { EVIDENCE_CODES, type ProfileVector } from './profile-vector.ts';
import { competencyRef, type Explanation, type Gap, type MatchedCompetency, type PartialCredit } from './results.ts';
import type { Workspace } from './workspace.ts';

export interface TargetDetail {
  explanation: Explanation;
  /** Coverage of the target's non-transversal requirements: does the person know this field? */
  specificCoverage: number;
  /** Highest level among the target's language requirements, or undefined. */
  languageLevel?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * What categorize() and the flags need, without building an explanation: coverage of the
 * target's non-transversal requirements and its highest language level. O(requirements of o),
 * no allocation.
 */
export function targetTraits(index: CompiledIndex, ws: Workspace, o: number): { specificCoverage: number; languageLevel?: number } {
  let specificTotal = 0;
  let specificMet = 0;
  let languageLevel = -1;
  for (let k = index.reqStart[o]!; k < index.reqStart[o + 1]!; k++) {
    const c = index.reqCompetency[k]!;
    const required = index.reqLevel[k]!;
    if (index.isLanguage[c] && required > languageLevel) languageLevel = required;
    if (!index.isTransversal[c]) {
      const wl = index.reqImportance[k]! * required;
      specificTotal += wl;
      const effective = ws.effective[c]!;
      specificMet += index.reqImportance[k]! * (effective < required ? effective : required);
    }
  }
  const specificCoverage = specificTotal > 0 ? specificMet / specificTotal : 1;
  return languageLevel >= 0 ? { specificCoverage, languageLevel } : { specificCoverage };
}

/** O(requirements of the target + log for sorting the gaps). Reads the loaded workspace. */
export function explainTarget(
  index: CompiledIndex,
  ws: Workspace,
  vector: ProfileVector,
  o: number,
  maxGaps: number,
): TargetDetail {
  const matched: MatchedCompetency[] = [];
  const partial: PartialCredit[] = [];
  const gaps: Gap[] = [];
  let specificTotal = 0;
  let specificMet = 0;
  let languageLevel: number | undefined;
  const evidenceOf = new Map<number, number>();
  for (let i = 0; i < vector.competencies.length; i++) evidenceOf.set(vector.competencies[i]!, vector.evidence[i]!);

  for (let k = index.reqStart[o]!; k < index.reqStart[o + 1]!; k++) {
    const c = index.reqCompetency[k]!;
    const w = index.reqImportance[k]!;
    const required = index.reqLevel[k]!;
    const essential = index.reqEssential[k] === 1;
    const own = ws.own[c]!;
    const effective = ws.effective[c]!;
    const from = ws.creditFrom[c]!;
    const competency = competencyRef(index.competencies[c]!);
    if (index.isLanguage[c]) languageLevel = Math.max(languageLevel ?? 0, required);
    if (!index.isTransversal[c]) {
      specificTotal += w * required;
      specificMet += w * Math.min(effective, required);
    }
    if (own >= required && own > 0) {
      matched.push({ competency, importance: round(w), required: round(required), level: round(own), evidence: EVIDENCE_CODES[evidenceOf.get(c) ?? 0]! });
      continue;
    }
    if (from >= 0 && effective > 0) {
      const fromLevel = ws.own[from]!;
      partial.push({
        competency,
        importance: round(w),
        required: round(required),
        level: round(effective),
        from: competencyRef(index.competencies[from]!),
        fromLevel: round(fromLevel),
        similarity: round(fromLevel > 0 ? effective / fromLevel : 0),
      });
    }
    const deficit = required - effective;
    if (deficit > 1e-6) {
      gaps.push({
        competency,
        importance: round(w),
        required: round(required),
        level: round(effective),
        deficit: round(deficit),
        essential,
        hard: essential && effective < CLASSIFICATION.hardGapShare * required,
      });
    }
  }
  gaps.sort((a, b) => b.importance * b.deficit - a.importance * a.deficit || Number(b.essential) - Number(a.essential) || (a.competency.id < b.competency.id ? -1 : 1));
  matched.sort((a, b) => b.importance - a.importance || (a.competency.id < b.competency.id ? -1 : 1));
  partial.sort((a, b) => b.importance - a.importance || (a.competency.id < b.competency.id ? -1 : 1));
  const hardGaps = gaps.filter((g) => g.hard).length;
  const shown = gaps.slice(0, maxGaps);
  const explanation: Explanation = {
    summary: summarize(matched.length, partial.length, gaps),
    matched,
    partial,
    gaps: shown,
    hardGaps,
    levelGaps: gaps.length - hardGaps,
    moreGaps: gaps.length - shown.length,
  };
  return {
    explanation,
    specificCoverage: specificTotal > 0 ? specificMet / specificTotal : 1,
    ...(languageLevel !== undefined ? { languageLevel } : {}),
  };
}

/** Plain, respectful wording: what the person brings first, then what is left to build. */
function summarize(matched: number, partial: number, gaps: Gap[]): string {
  const parts = [`${matched} competenc${matched === 1 ? 'y' : 'ies'} already at the level needed`];
  if (partial > 0) parts.push(`${partial} partly covered by related competencies`);
  if (gaps.length === 0) return `${parts.join('; ')}; nothing left to build.`;
  const essential = gaps.filter((g) => g.essential);
  const gapText = `${gaps.length} to build up${essential.length > 0 ? `, ${essential.length} of them essential (${essential.slice(0, 3).map((g) => g.competency.label).join(', ')}${essential.length > 3 ? ', ...' : ''})` : ''}`;
  return `${parts.join('; ')}; ${gapText}.`;
}
