// The explanation of one target for one profile: what transfers, what partly transfers and
// from where, and what is missing and how much. Built for the top results only.
import { CLASSIFICATION } from './options.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { EVIDENCE_CODES } from './profile-vector.ts';
import { competencyRefs, gapEntry, type Explanation, type Gap, type MatchedCompetency, type PartialCredit } from './results.ts';
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
  const { reqStart, reqCompetency, reqLevel, reqImportance, isLanguage, isTransversal } = index;
  const { effective } = ws;
  let specificTotal = 0;
  let specificMet = 0;
  let languageLevel = -1;
  const end = reqStart[o + 1]!;
  for (let k = reqStart[o]!; k < end; k++) {
    const c = reqCompetency[k]!;
    const required = reqLevel[k]!;
    if (isLanguage[c] === 1 && required > languageLevel) languageLevel = required;
    if (isTransversal[c] === 0) {
      const w = reqImportance[k]!;
      specificTotal += w * required;
      const have = effective[c]!;
      specificMet += w * (have < required ? have : required);
    }
  }
  const specificCoverage = specificTotal > 0 ? specificMet / specificTotal : 1;
  return languageLevel >= 0 ? { specificCoverage, languageLevel } : { specificCoverage };
}

/**
 * O(r log r) for a target with r requirements. Reads the loaded workspace. Lists are ordered on
 * plain numbers (ties by the competency's rank in id order), and objects are built only for
 * what is returned: on ESCO, comparing id strings in the sorts cost more than the rank pass.
 */
export function explainTarget(
  index: CompiledIndex,
  ws: Workspace,
  o: number,
  maxGaps: number,
): TargetDetail {
  const { reqStart, reqCompetency, reqLevel, reqImportance, reqEssential, isLanguage, isTransversal, competencyIdRank } = index;
  const { own: ownLevels, effective: effectiveLevels, creditFrom, evidence } = ws;
  const refs = competencyRefs(index);
  const start = reqStart[o]!;
  const end = reqStart[o + 1]!;
  const matchedK: number[] = [];
  const partialK: number[] = [];
  const gapK: number[] = [];
  let specificTotal = 0;
  let specificMet = 0;
  let languageLevel: number | undefined;
  let hardGaps = 0;

  for (let k = start; k < end; k++) {
    const c = reqCompetency[k]!;
    const w = reqImportance[k]!;
    const required = reqLevel[k]!;
    const own = ownLevels[c]!;
    const effective = effectiveLevels[c]!;
    if (isLanguage[c] === 1) languageLevel = Math.max(languageLevel ?? 0, required);
    if (isTransversal[c] === 0) {
      specificTotal += w * required;
      specificMet += w * (effective < required ? effective : required);
    }
    if (own >= required && own > 0) {
      matchedK.push(k);
      continue;
    }
    if (creditFrom[c]! >= 0 && effective > 0) partialK.push(k);
    if (required - effective > 1e-6) {
      gapK.push(k);
      if (reqEssential[k] === 1 && effective < CLASSIFICATION.hardGapShare * required) hardGaps++;
    }
  }

  const idRank = (k: number) => competencyIdRank[reqCompetency[k]!]!;
  const weightedDeficit = (k: number) => reqImportance[k]! * (reqLevel[k]! - effectiveLevels[reqCompetency[k]!]!);
  sortByPackedKey(matchedK, (k) => reqImportance[k]!, () => 0, idRank);
  sortByPackedKey(partialK, (k) => reqImportance[k]!, () => 0, idRank);
  sortByPackedKey(gapK, weightedDeficit, (k) => reqEssential[k]!, idRank);

  const matched: MatchedCompetency[] = matchedK.map((k) => {
    const c = reqCompetency[k]!;
    return { competency: refs[c]!, importance: round(reqImportance[k]!), required: round(reqLevel[k]!), level: round(ownLevels[c]!), evidence: EVIDENCE_CODES[evidence[c]!]! };
  });
  const partial: PartialCredit[] = partialK.map((k) => {
    const c = reqCompetency[k]!;
    const from = creditFrom[c]!;
    const effective = effectiveLevels[c]!;
    const fromLevel = ownLevels[from]!;
    return {
      competency: refs[c]!,
      importance: round(reqImportance[k]!),
      required: round(reqLevel[k]!),
      level: round(effective),
      from: refs[from]!,
      fromLevel: round(fromLevel),
      similarity: round(fromLevel > 0 ? effective / fromLevel : 0),
    };
  });
  const gaps: Gap[] = gapK.slice(0, maxGaps).map((k) => {
    const c = reqCompetency[k]!;
    return gapEntry(refs[c]!, reqImportance[k]!, reqLevel[k]!, effectiveLevels[c]!, reqEssential[k] === 1, CLASSIFICATION.hardGapShare);
  });
  const essentialGaps: string[] = [];
  let essentialCount = 0;
  for (const k of gapK) {
    if (reqEssential[k] !== 1) continue;
    if (essentialGaps.length < 3) essentialGaps.push(refs[reqCompetency[k]!]!.label);
    essentialCount++;
  }
  const explanation: Explanation = {
    summary: summarize(matched.length, partial.length, gapK.length, essentialCount, essentialGaps),
    matched,
    partial,
    gaps,
    hardGaps,
    levelGaps: gapK.length - hardGaps,
    moreGaps: gapK.length - gaps.length,
  };
  return {
    explanation,
    specificCoverage: specificTotal > 0 ? specificMet / specificTotal : 1,
    ...(languageLevel !== undefined ? { languageLevel } : {}),
  };
}

/**
 * Sorts requirement positions by `primary` descending (quantized to 2^-20, far below any
 * source's precision), then `flag` descending, then `tie` ascending, packed into one integer-
 * valued double per entry so the engine's native numeric sort does the work: comparator calls
 * cost more than the rest of an explanation.
 */
function sortByPackedKey(positions: number[], primary: (k: number) => number, flag: (k: number) => number, tie: (k: number) => number): void {
  const n = positions.length;
  if (n < 2) return;
  // [descending primary: 20 bits][descending flag: 1 bit][ascending tie: 24 bits] = 45 bits, exact
  // in a double. The tie (a competency's rank in id order) is unique within an occupation, so it
  // also says which position a key belongs to.
  const keys = new Float64Array(n);
  const byTie = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = positions[i]!;
    const q = Math.min(PRIMARY_STEPS - 1, Math.max(0, Math.round(primary(k) * PRIMARY_STEPS)));
    const t = tie(k);
    byTie.set(t, k);
    keys[i] = ((PRIMARY_STEPS - 1 - q) * 2 + (1 - flag(k))) * TIE_STEPS + t;
  }
  keys.sort();
  for (let i = 0; i < n; i++) positions[i] = byTie.get(keys[i]! % TIE_STEPS)!;
}

const PRIMARY_STEPS = 1 << 20;
const TIE_STEPS = 1 << 24;

/** Plain, respectful wording: what the person brings first, then what is left to build. */
function summarize(matched: number, partial: number, gaps: number, essential: number, essentialLabels: string[]): string {
  const parts = [`${matched} competenc${matched === 1 ? 'y' : 'ies'} already at the level needed`];
  if (partial > 0) parts.push(`${partial} partly covered by related competencies`);
  if (gaps === 0) return `${parts.join('; ')}; nothing left to build.`;
  const gapText = `${gaps} to build up${essential > 0 ? `, ${essential} of them essential (${essentialLabels.join(', ')}${essential > 3 ? ', ...' : ''})` : ''}`;
  return `${parts.join('; ')}; ${gapText}.`;
}
