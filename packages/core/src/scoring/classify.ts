// Turns scores into the sources' vocabulary: the category of an alternative (002:L1121), its
// path type (002:L1099-1111), and the flags a counsellor checks (regulation, TEER, training, language).
import type { Jurisdiction } from '../schema/common.ts';
import type { Preferences } from '../schema/profile.ts';
import { JURISDICTION_BITS, type CompiledIndex } from './compiled-index.ts';
import { CLASSIFICATION } from './options.ts';
import { PREPARATION_SCALES } from './preparation.ts';
import type { Category, Flags, PathType, RegulationStatus, Scores } from './results.ts';

/** Mean and standard deviation of similarity over every rated occupation, for this person. */
export interface SimilaritySpread {
  mean: number;
  sd: number;
}

export function categorize(index: CompiledIndex, sources: readonly number[], o: number, scores: Scores, specificCoverage: number, spread: SimilaritySpread): Category {
  const { similarScope, relatedField } = CLASSIFICATION;
  if (
    scores.similarity >= spread.mean + similarScope.spread * spread.sd &&
    scores.coverage >= similarScope.coverage &&
    scores.utilization >= similarScope.utilization
  ) {
    return 'similar-scope';
  }
  const broadest = index.fieldCodes[0];
  if (broadest !== undefined && broadest[o]! >= 0 && sources.some((s) => broadest[s] === broadest[o])) return 'same-field';
  return specificCoverage >= relatedField.specificCoverage ? 'related-field' : 'unrelated-field';
}

export function pathType(
  index: CompiledIndex,
  sources: readonly number[],
  o: number,
  scores: Scores,
  category: Category,
): PathType {
  const { closerMatch, interim, steppingStone } = CLASSIFICATION;
  const teerStep = teerChange(index, sources, o);
  const inField = category === 'similar-scope' || category === 'same-field';
  if (inField && scores.coverage >= closerMatch.coverage && scores.utilization >= closerMatch.utilization && (teerStep === undefined || teerStep >= 0)) {
    return 'closer-match';
  }
  if (scores.coverage >= interim.coverage && (scores.utilization < interim.utilization || (teerStep ?? 0) >= interim.teerStep)) return 'interim';
  if (sources.some((s) => returnCoverage(index, o, s) >= steppingStone.returnCoverage)) return 'stepping-stone';
  return 'parallel';
}

/**
 * How much of source occupation s the target o exercises: coverage of s's requirements by o's
 * levels. High values mean working in o keeps the person's professional competencies in use.
 * O(requirements of o + requirements of s).
 */
export function returnCoverage(index: CompiledIndex, o: number, s: number): number {
  const scratch = scratchFor(index);
  const { reqStart, traitStart, reqCompetency, reqLevel, reqImportance } = index;
  for (let k = reqStart[o]!; k < traitStart[o]!; k++) scratch[reqCompetency[k]!] = reqLevel[k]!;
  let met = 0;
  for (let k = reqStart[s]!; k < traitStart[s]!; k++) {
    const have = scratch[reqCompetency[k]!]!;
    const need = reqLevel[k]!;
    met += reqImportance[k]! * (have < need ? have : need);
  }
  for (let k = reqStart[o]!; k < traitStart[o]!; k++) scratch[reqCompetency[k]!] = 0;
  const total = index.totalWeightedLevel[s]!;
  return total > 0 ? met / total : 0;
}

const scratches = new WeakMap<CompiledIndex, Float32Array>();
/** A zeroed dense level array per index, left zeroed after every use. */
function scratchFor(index: CompiledIndex): Float32Array {
  let scratch = scratches.get(index);
  if (!scratch) scratches.set(index, (scratch = new Float32Array(index.competencyCount)));
  return scratch;
}

function teerChange(index: CompiledIndex, sources: readonly number[], o: number): number | undefined {
  const target = index.teer[o]!;
  if (target < 0) return undefined;
  let source = -1;
  for (const s of sources) if (index.teer[s]! >= 0 && (source < 0 || index.teer[s]! < source)) source = index.teer[s]!;
  return source < 0 ? undefined : target - source;
}

export function flagsFor(
  index: CompiledIndex,
  sources: readonly number[],
  o: number,
  province: Jurisdiction | undefined,
  languageLevel: number | undefined,
  languageRequirement: number | undefined,
): Flags {
  const mask = index.regulatedMask[o]!;
  const regulation = regulationStatus(index, o, province);
  // Built property by property (in the documented order) rather than with conditional spreads:
  // this runs for every result of every ranking.
  const flags: Flags = { regulated: regulation === 'regulated', regulation, regulatedIn: regulatedInList(index, o) };
  if (province !== undefined && mask !== 0) {
    const fact = index.occupations[o]!.regulation.find((r) => r.jurisdiction === province && r.regulated);
    if (fact?.regulator !== undefined) flags.regulator = fact.regulator;
    if (fact?.language !== undefined) flags.language = fact.language;
  }
  const teer = index.teer[o]!;
  if (teer >= 0) flags.teer = teer;
  const change = teerChange(index, sources, o);
  if (change !== undefined) flags.teerChange = change;
  const months = index.trainingMonths[o]!;
  if (!Number.isNaN(months)) {
    flags.trainingMonths = months;
    // Relative to the person: the least added training over their occupations that know theirs.
    let added = Number.POSITIVE_INFINITY;
    for (const s of sources) if (!Number.isNaN(index.trainingMonths[s]!)) added = Math.min(added, Math.max(0, months - index.trainingMonths[s]!));
    if (added !== Number.POSITIVE_INFINITY) flags.addedTrainingMonths = added;
  }
  const scale = index.preparationScale[o]!;
  if (scale !== 255) {
    const preparation: NonNullable<Flags['preparation']> = { scale: PREPARATION_SCALES[scale]!, step: index.preparationStep[o]! };
    let change: number | undefined;
    for (const s of sources) {
      if (index.preparationScale[s] !== scale) continue;
      const d = index.preparationStep[o]! - index.preparationStep[s]!;
      if (change === undefined || d < change) change = d;
    }
    if (change !== undefined) preparation.change = change;
    flags.preparation = preparation;
  }
  if (languageRequirement !== undefined) {
    // A rough reading of a level as a Canadian Language Benchmark: 0.5 -> CLB 6, 0.75 -> 8, 0.95 ->
    // 10, in line with what regulators ask (nursing CLB 7-8, medicine about 9); a flag, not a rule.
    const languageNeed = Math.min(12, Math.max(1, Math.round(2 + 8 * languageRequirement)));
    flags.languageNeed = languageNeed;
    if (languageLevel !== undefined) flags.languageGap = languageLevel < languageNeed;
  }
  return flags;
}

const ALL_JURISDICTIONS = Object.values(JURISDICTION_BITS).reduce((a, b) => a | b, 0) & ~JURISDICTION_BITS.CA;

/**
 * What the data says of regulation in the province (federal rules count everywhere), or anywhere
 * when no province is given. 'unknown' where it has no fact: never read as "not regulated".
 */
export function regulationStatus(index: CompiledIndex, o: number, province: Jurisdiction | undefined): RegulationStatus {
  const mask = index.regulatedMask[o]!;
  const known = index.regulationKnownMask[o]!;
  if (province === undefined) {
    if (mask !== 0) return 'regulated';
    return (known & JURISDICTION_BITS.CA) !== 0 || (known & ALL_JURISDICTIONS) === ALL_JURISDICTIONS ? 'not-regulated' : 'unknown';
  }
  const bits = JURISDICTION_BITS[province] | JURISDICTION_BITS.CA;
  if ((mask & bits) !== 0) return 'regulated';
  return (known & JURISDICTION_BITS[province]) !== 0 ? 'not-regulated' : 'unknown';
}

const regulatedInLists = new WeakMap<CompiledIndex, Jurisdiction[][]>();
/** The jurisdictions regulating each occupation, one shared list per occupation (results only read it). */
function regulatedInList(index: CompiledIndex, o: number): Jurisdiction[] {
  let lists = regulatedInLists.get(index);
  if (!lists) {
    lists = index.occupations.map((occupation) => Object.freeze(occupation.regulation.filter((r) => r.regulated).map((r) => r.jurisdiction)) as Jurisdiction[]);
    regulatedInLists.set(index, lists);
  }
  return lists[o]!;
}

/** Why an occupation is filtered out, or undefined to keep it. O(field path) per occupation when fields are filtered. */
export function filterReason(
  index: CompiledIndex,
  o: number,
  filters: Preferences,
  province: Jurisdiction | undefined,
  includeFields: ReadonlySet<string> | undefined,
  excludeFields: ReadonlySet<string> | undefined,
): 'regulated' | 'trainingMonths' | 'fields' | undefined {
  // Unknown regulation is kept (and counted by the caller): leaving it out would treat it as regulated.
  if (filters.excludeRegulated && regulationStatus(index, o, province) === 'regulated') return 'regulated';
  if (filters.maxTrainingMonths !== undefined && index.trainingMonths[o]! > filters.maxTrainingMonths) return 'trainingMonths';
  if (includeFields || excludeFields) {
    const path = index.occupations[o]!.fieldPath;
    if (includeFields && !path.some((f) => includeFields.has(f.code))) return 'fields';
    if (excludeFields && path.some((f) => excludeFields.has(f.code))) return 'fields';
  }
  return undefined;
}
