// The explanation of one target for one profile: what transfers, what partly transfers and
// from where, and what is missing and how much. Built for the top results only.
import { CLASSIFICATION } from './options.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { EVIDENCE_CODES } from './profile-vector.ts';
import { competencyRefs, gapEntry, type Explanation, type FacetScore, type Gap, type MatchedCompetency, type PartialCredit } from './results.ts';

const NO_FIT = Object.freeze({ why: '', facets: [] as FacetScore[] });
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
  const { reqStart, traitStart, reqCompetency, reqLevel, reqImportance, isLanguage, isTransversal } = index;
  const { effective } = ws;
  let specificTotal = 0;
  let specificMet = 0;
  let languageLevel = -1;
  const end = traitStart[o]!;
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

/** How long each list of an explanation may be; what is left out is counted. */
export interface ListLimits {
  maxMatched: number;
  maxGaps: number;
}

/**
 * O(r log r) for a target with r requirements. Reads the loaded workspace. Lists are ordered on
 * packed numeric keys (ties by the competency's rank in id order) in scratch arrays, and objects
 * are built only for what is returned: on ESCO, comparator sorts and per-entry objects cost more
 * than the rank pass itself.
 */
export function explainTarget(index: CompiledIndex, ws: Workspace, o: number, limits: ListLimits, fit: { why: string; facets: FacetScore[] } = NO_FIT): TargetDetail {
  const { reqStart, reqCompetency, reqLevel, reqImportance, reqEssential, isLanguage, isTransversal, competencyIdRank } = index;
  const { own: ownLevels, effective: effectiveLevels, creditFrom, evidence } = ws;
  const refs = competencyRefs(index);
  const start = reqStart[o]!;
  const end = index.traitStart[o]!;
  const scratch = explainScratch(index, end - start);
  const { matchedKeys, partialKeys, gapKeys, positionOf } = scratch;
  let matchedCount = 0;
  let partialCount = 0;
  let gapCount = 0;
  let essentialCount = 0;
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
    const tie = competencyIdRank[c]!;
    positionOf[tie] = k;
    if (isLanguage[c] === 1) languageLevel = Math.max(languageLevel ?? 0, required);
    if (isTransversal[c] === 0) {
      specificTotal += w * required;
      specificMet += w * (effective < required ? effective : required);
    }
    if (own >= required && own > 0) {
      matchedKeys[matchedCount++] = packedKey(w, 0, tie);
      continue;
    }
    if (creditFrom[c]! >= 0 && effective > 0) partialKeys[partialCount++] = packedKey(w, 0, tie);
    if (required - effective > 1e-6) {
      const essential = reqEssential[k]!;
      gapKeys[gapCount++] = packedKey(w * (required - effective), essential, tie);
      if (essential === 1) {
        essentialCount++;
        if (effective < CLASSIFICATION.hardGapShare * required) hardGaps++;
      }
    }
  }

  // Sorted ascending, a packed key lists the largest primary first; its low bits give the position.
  sortPrefix(matchedKeys, matchedCount);
  sortPrefix(partialKeys, partialCount);
  sortPrefix(gapKeys, gapCount);

  const matched: MatchedCompetency[] = [];
  for (let i = 0; i < matchedCount && i < limits.maxMatched; i++) {
    const k = positionOf[matchedKeys[i]! % TIE_STEPS]!;
    const c = reqCompetency[k]!;
    matched.push({ competency: refs[c]!, importance: round(reqImportance[k]!), required: round(reqLevel[k]!), level: round(ownLevels[c]!), evidence: EVIDENCE_CODES[evidence[c]!]! });
  }
  const partial: PartialCredit[] = [];
  for (let i = 0; i < partialCount && i < limits.maxMatched; i++) {
    const k = positionOf[partialKeys[i]! % TIE_STEPS]!;
    const c = reqCompetency[k]!;
    const from = creditFrom[c]!;
    const effective = effectiveLevels[c]!;
    const fromLevel = ownLevels[from]!;
    partial.push({
      competency: refs[c]!,
      importance: round(reqImportance[k]!),
      required: round(reqLevel[k]!),
      level: round(effective),
      from: refs[from]!,
      fromLevel: round(fromLevel),
      similarity: round(fromLevel > 0 ? effective / fromLevel : 0),
    });
  }
  const gaps: Gap[] = [];
  const essentialGaps: string[] = [];
  for (let i = 0; i < gapCount && (i < limits.maxGaps || essentialGaps.length < Math.min(3, essentialCount)); i++) {
    const k = positionOf[gapKeys[i]! % TIE_STEPS]!;
    const c = reqCompetency[k]!;
    const essential = reqEssential[k] === 1;
    if (essential && essentialGaps.length < 3) essentialGaps.push(refs[c]!.label);
    if (i < limits.maxGaps) {
      const basis = ownLevels[c]! > 0 ? 'own' : creditFrom[c]! >= 0 && effectiveLevels[c]! > 0 ? 'related' : 'none';
      const context = index.isJurisdictionSpecific[c] === 1 ? 'jurisdiction' : basis !== 'own' && isTransversal[c] === 1 ? 'transversal' : undefined;
      gaps.push(gapEntry(refs[c]!, reqImportance[k]!, reqLevel[k]!, effectiveLevels[c]!, essential, CLASSIFICATION.hardGapShare, basis, context));
    }
  }
  const explanation: Explanation = {
    why: fit.why,
    summary: summarize(matchedCount, partialCount, gapCount, essentialCount, essentialGaps),
    facets: fit.facets,
    matched,
    partial,
    gaps,
    hardGaps,
    levelGaps: gapCount - hardGaps,
    moreMatched: matchedCount - matched.length,
    morePartial: partialCount - partial.length,
    moreGaps: gapCount - gaps.length,
  };
  return {
    explanation,
    specificCoverage: specificTotal > 0 ? specificMet / specificTotal : 1,
    ...(languageLevel !== undefined ? { languageLevel } : {}),
  };
}

/**
 * One integer-valued double per entry, so the engine's native numeric sort orders a list without
 * comparator calls: [descending primary, quantized to 2^-20 (far below any source's precision):
 * 20 bits][descending flag: 1 bit][ascending tie: 24 bits] = 45 bits, exact in a double. The tie
 * (a competency's rank in id order) is unique within an occupation, so it also names the entry.
 */
function packedKey(primary: number, flag: number, tie: number): number {
  const q = Math.min(PRIMARY_STEPS - 1, Math.max(0, Math.round(primary * PRIMARY_STEPS)));
  return ((PRIMARY_STEPS - 1 - q) * 2 + (1 - flag)) * TIE_STEPS + tie;
}

/**
 * Sorts keys[0..n) ascending in place: insertion sort for the short rows most occupations have
 * (no allocation, no call per comparison), the native sort of a view for long ones.
 */
function sortPrefix(keys: Float64Array, n: number): void {
  if (n > 48) {
    keys.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

interface ExplainScratch {
  matchedKeys: Float64Array;
  partialKeys: Float64Array;
  gapKeys: Float64Array;
  /** Requirement position by competency id rank, for the occupation being explained. */
  positionOf: Uint32Array;
}

const scratches = new WeakMap<CompiledIndex, ExplainScratch>();
/** Scratch arrays per index, grown to the longest requirement row asked for (nothing to reset). */
function explainScratch(index: CompiledIndex, rowLength: number): ExplainScratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.matchedKeys.length < rowLength) {
    const n = Math.max(rowLength, 64);
    scratch = {
      matchedKeys: new Float64Array(n),
      partialKeys: new Float64Array(n),
      gapKeys: new Float64Array(n),
      positionOf: scratch?.positionOf ?? new Uint32Array(index.competencyCount),
    };
    scratches.set(index, scratch);
  }
  return scratch;
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
