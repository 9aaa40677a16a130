// rank(): alternative careers for one profile, best first, each with scores, category, path
// type, flags and (for the top ones) an explanation. The source occupations are reported apart.
import type { Preferences, Profile } from '../schema/profile.ts';
import { categorize, filterReason, flagsFor, pathType, regulationStatus } from './classify.ts';
import type { CompiledIndex } from './compiled-index.ts';
import { explainTarget, targetTraits, type TargetDetail } from './explain.ts';
import { RankOptions, type FitWeights, type RankOptionsInput } from './options.ts';
import { resolveProfile, type ProfileVector } from './profile-vector.ts';
import { occupationRef, occupationRefs, type Ranking, type RankResult, type Scores, type SourceReport } from './results.ts';
import { accumulate, loadProfile, workspaceFor, type Workspace } from './workspace.ts';
import { facetScoresOf, facetWeights, reachFactor, reachOf, similarities } from './fit.ts';
import { PREPARATION_SCALES } from './preparation.ts';
import { whyText } from './why.ts';

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Cost: O(postings of the profile's competencies + occupations + explained requirements).
 * Deterministic: ties in fit are broken by occupation id.
 */
export function rank(index: CompiledIndex, profile: Profile, optionsInput: RankOptionsInput = {}): Ranking {
  const options = parseRankOptions(optionsInput);
  const vector = resolveProfile(index, profile);
  const ws = workspaceFor(index);
  loadProfile(index, ws, vector, options.partialCredit);
  // Plain coverage (met) is read only by the coverage floor and the essential exponent; results
  // compute theirs from their own rows.
  accumulate(index, ws, options.minCoverage > 0 || options.weights.essential > 0);

  const filters: Preferences = { ...profile.preferences, ...options.filters };
  const includeFields = filters.includeFields?.length ? new Set(filters.includeFields) : undefined;
  const excludeFields = filters.excludeFields?.length ? new Set(filters.excludeFields) : undefined;
  const filtering = filters.excludeRegulated === true || filters.maxTrainingMonths !== undefined || includeFields !== undefined || excludeFields !== undefined;
  const province = profile.province;
  const excluded = { regulated: 0, trainingMonths: 0, fields: 0, minCoverage: 0, unrated: 0 };
  const undecided = { regulated: 0 };
  const sources = vector.sources;
  const { occupations } = index;

  const top = new TopList(options.top, index.occupationIdRank);
  const n = options.top;
  const { indices: topIndex, fits: topFit } = top;

  let considered = 0;
  const weights = facetWeights(index.facets, options.weights);
  const scorer: Scorer = { index, ws, vector, w: options.weights, weights };
  const similarity = similarities(index, ws, options.weights, weights);
  // Similarity over the occupations scored: its mean and spread tell a similar-scope alternative
  // from one merely alike, whatever the framework's density.
  let sum = 0;
  let sumSquares = 0;
  const { totalWeightedLevel } = index;
  // The person's occupations are skipped by index: one or two, compared directly.
  const s0 = sources.length > 0 ? sources[0]! : -1;
  const s1 = sources.length > 1 ? sources[1]! : -1;
  const more = sources.length > 2;
  for (let o = 0; o < index.occupationCount; o++) {
    if (o === s0 || o === s1 || (more && sources.includes(o))) continue;
    const total = totalWeightedLevel[o]!;
    if (total <= 0) {
      excluded.unrated++;
      continue;
    }
    if (filtering) {
      const reason = filterReason(index, o, filters, province, includeFields, excludeFields);
      if (reason) {
        excluded[reason]++;
        continue;
      }
      if (filters.excludeRegulated && regulationStatus(index, o, province) === 'unknown') undecided.regulated++;
    }
    considered++;
    const s = similarity[o]!;
    sum += s;
    sumSquares += s * s;
    if (options.minCoverage > 0 && ws.met[o]! / total < options.minCoverage) {
      excluded.minCoverage++;
      continue;
    }
    // fit <= similarity, as every other factor is at most 1: once the list is full, an occupation
    // whose similarity is below the worst kept fit cannot enter it, and its field proximity,
    // reach and essential share are not computed.
    if (top.count === n && s < topFit[n - 1]!) continue;
    top.offer(o, s > 0 ? fitFrom(scorer, o, s) : 0);
  }

  const scored = Math.max(1, considered);
  const mean = sum / scored;
  const spread = { mean, sd: Math.sqrt(Math.max(0, sumSquares / scored - mean * mean)) };

  // Explanations for every result by default, but never more than the schema allows asking for.
  const explainCount = Math.min(options.explain ?? MAX_EXPLAINED, top.count);
  const results: RankResult[] = [];
  const refs = occupationRefs(index);
  for (let r = 0; r < top.count; r++) {
    const o = topIndex[r]!;
    const scores = scoresOf(index, ws, vector, o, options.weights, weights);
    // An explained result reads its traits off the explanation pass: one walk over the row, not two.
    let detail: TargetDetail | undefined;
    const reach = reachOf(index, sources, o, options.weights, unmetShare(index, ws, o));
    if (r < explainCount) {
      const facets = facetScoresOf(index, ws, o, options.weights);
      const scale = index.preparationScale[o]!;
      const from = closest(index, sources, o);
      const why = whyText({
        fit: scores.fit,
        similarity: scores.similarity,
        facets,
        reach,
        ...(from !== undefined ? { from: occupations[from]!.title.en } : {}),
        ...(scale !== 255 ? { scaleName: PREPARATION_SCALES[scale]! } : {}),
      });
      detail = explainTarget(index, ws, o, options, { why, facets });
    }
    const traits = detail ?? targetTraits(index, ws, o);
    const category = categorize(index, sources, o, scores, traits.specificCoverage, spread);
    const result: RankResult = {
      rank: r + 1,
      occupation: refs[o]!,
      ...roundScores(scores),
      category,
      pathType: pathType(index, sources, o, scores, category),
      flags: flagsFor(index, sources, o, province, profile.languageLevel, traits.languageLevel),
    };
    if (reach.estimatedTrainingMonths !== undefined) result.flags.estimatedTrainingMonths = reach.estimatedTrainingMonths;
    if (detail) result.explanation = detail.explanation;
    results.push(result);
  }

  return {
    framework: { id: index.data.framework.id, version: index.data.framework.version },
    from: {
      occupations: vector.sources.map((s) => occupationRef(occupations[s]!)),
      competencies: vector.competencies.length,
      ...(profile.languageLevel !== undefined ? { languageLevel: profile.languageLevel } : {}),
      ...(province !== undefined ? { province } : {}),
    },
    source: sourceReports(index, ws, vector, options),
    results,
    considered,
    excluded,
    undecided,
  };
}

/**
 * The fit of every occupation for one profile, scores only: the row of the asymmetric transition
 * table (row = from, column = to) that Nesta's Career Causeways computes as a batch. Unrated
 * occupations and the profile's own occupations get 0. No filters, no explanations.
 * O(postings of the profile + occupations x facets). `out` is reused when given.
 */
export function fitRow(index: CompiledIndex, profile: Profile, optionsInput: RankOptionsInput = {}, out = new Float32Array(index.occupationCount)): Float32Array {
  const options = parseRankOptions(optionsInput);
  const vector = resolveProfile(index, profile);
  const ws = workspaceFor(index);
  loadProfile(index, ws, vector, options.partialCredit);
  accumulate(index, ws, options.weights.essential > 0);
  const weights = facetWeights(index.facets, options.weights);
  const similarity = similarities(index, ws, options.weights, weights);
  const scorer: Scorer = { index, ws, vector, w: options.weights, weights };
  for (let o = 0; o < index.occupationCount; o++) {
    const s = similarity[o]!;
    out[o] = s > 0 && index.totalWeightedLevel[o]! > 0 && !vector.sources.includes(o) ? fitFrom(scorer, o, s) : 0;
  }
  return out;
}

interface Scorer {
  index: CompiledIndex;
  ws: Workspace;
  vector: ProfileVector;
  w: FitWeights;
  weights: Float64Array;
}

/**
 * fit = similarity x reach x hierarchy x essentialCoverage^c (fit.ts). O(facets + sources).
 * Essential coverage from the postings pass unless given (it is not accumulated when c = 0).
 */
function fitFrom(scorer: Scorer, o: number, similarity: number, essentialCoverage?: number): number {
  const { index, ws, vector, w } = scorer;
  if (similarity <= 0) return 0;
  let essential = 1;
  if (w.essential > 0) {
    const essentialTotal = index.essentialWeightedLevel[o]!;
    essential = essentialCoverage ?? (essentialTotal > 0 ? Math.min(1, ws.essentialMet[o]! / essentialTotal) : 1);
  }
  const proximity = w.field > 0 ? fieldProximity(index, vector.sources, o) : -1;
  const hierarchy = proximity >= 0 ? (1 + w.field * proximity) / (1 + w.field) : 1;
  const reach = vector.sources.length > 0 ? reachFactor(index, vector.sources, o, w, unmetShare(index, ws, o)) : 1;
  const essentialFactor = w.essential === 0 ? 1 : w.essential === 0.5 ? Math.sqrt(essential) : Math.pow(essential, w.essential);
  return similarity * reach * hierarchy * essentialFactor;
}

/**
 * The best N occupations so far, best first, by insertion into a small sorted buffer: O(N) per
 * offer in the worst case, O(1) for the many offers that do not enter a full list. Ties in fit go
 * to the lower occupation id rank, so results are deterministic. A class, not a closure: closures
 * created per call cost a name definition each under tsx.
 */
class TopList {
  readonly indices: Int32Array;
  readonly fits: Float64Array;
  count = 0;

  constructor(
    readonly size: number,
    private readonly idRank: Uint32Array,
  ) {
    this.indices = new Int32Array(size);
    this.fits = new Float64Array(size);
  }

  offer(o: number, fit: number): void {
    const { indices, fits, idRank, size } = this;
    if (this.count === size) {
      const worst = indices[size - 1]!;
      if (fit < fits[size - 1]! || (fit === fits[size - 1] && idRank[o]! > idRank[worst]!)) return;
    } else this.count++;
    let i = this.count - 1;
    while (i > 0 && (fits[i - 1]! < fit || (fits[i - 1] === fit && idRank[indices[i - 1]!]! > idRank[o]!))) {
      fits[i] = fits[i - 1]!;
      indices[i] = indices[i - 1]!;
      i--;
    }
    fits[i] = fit;
    indices[i] = o;
  }
}

const MAX_EXPLAINED = RankOptions.shape.explain.unwrap().maxValue ?? 100;

const parsedOptions = new Map<string, RankOptions>();
/**
 * zod-parses the options once per distinct shape and reuses the result: parsing costs several
 * times more than a rank pass on ESCO, and callers (the API, benchmarks) repeat the same options.
 * The cache is small and bounded; a parsed object is never mutated.
 */
function parseRankOptions(input: RankOptionsInput): RankOptions {
  const key = JSON.stringify(input);
  let options = parsedOptions.get(key);
  if (!options) {
    options = RankOptions.parse(input);
    if (parsedOptions.size >= 256) parsedOptions.clear();
    parsedOptions.set(key, options);
  }
  return options;
}

/**
 * Share of the field path (broadest first) that o shares with the closest source occupation:
 * 1 for the same leaf group, 0 for different broadest groups, -1 when there is nothing to
 * compare (no source occupation, or no field path on either side). O(sources x depth).
 */
export function fieldProximity(index: CompiledIndex, sources: readonly number[], o: number): number {
  const levels = index.fieldCodes;
  const depthO = index.fieldDepth[o]!;
  let best = -1;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const depthS = index.fieldDepth[s]!;
    if (depthS === 0 || depthO === 0) continue;
    const depth = depthS > depthO ? depthS : depthO;
    const common = depthS < depthO ? depthS : depthO;
    let shared = 0;
    while (shared < common && levels[shared]![s] === levels[shared]![o]) shared++;
    if (shared / depth > best) best = shared / depth;
  }
  return best;
}

/** Every score of o for the profile loaded in the workspace; similarities() has run for it. */
export function scoresOf(index: CompiledIndex, ws: Workspace, vector: ProfileVector, o: number, w: FitWeights, weights: Float64Array = facetWeights(index.facets, w)): Scores {
  const total = index.totalWeightedLevel[o]!;
  const essentialTotal = index.essentialWeightedLevel[o]!;
  const row = rowSums(index, ws, o);
  const similarity = total > 0 ? ws.similarity[o]! : 0;
  const essentialCoverage = essentialTotal > 0 ? Math.min(1, row.essentialMet / essentialTotal) : 1;
  return {
    fit: total > 0 ? fitFrom({ index, ws, vector, w, weights }, o, similarity, essentialCoverage) : 0,
    similarity,
    reach: vector.sources.length > 0 ? reachFactor(index, vector.sources, o, w, unmetShare(index, ws, o)) : 1,
    coverage: total > 0 ? Math.min(1, row.met / total) : 0,
    gap: Math.max(0, total - row.met),
    utilization: vector.totalLevel > 0 ? Math.min(1, row.used / vector.totalLevel) : 0,
    essentialCoverage,
  };
}

/**
 * What the postings pass gives every occupation, for one: sums over o's competencies of w x
 * min(p', L), of the same over essentials, and of salience x min(p, L) over the person's own.
 * O(requirements of o): only results and filters need it.
 */
function rowSums(index: CompiledIndex, ws: Workspace, o: number): { met: number; essentialMet: number; used: number } {
  const { reqStart, traitStart, reqCompetency, reqLevel, reqImportance, reqEssential } = index;
  const { own, salience, effective } = ws;
  let met = 0;
  let essentialMet = 0;
  let used = 0;
  for (let k = reqStart[o]!; k < traitStart[o]!; k++) {
    const c = reqCompetency[k]!;
    const l = reqLevel[k]!;
    const p = effective[c]!;
    const x = reqImportance[k]! * (p < l ? p : l);
    met += x;
    if (reqEssential[k] === 1) essentialMet += x;
    const q = own[c]!;
    if (q > 0) used += salience[c]! * (q < l ? q : l);
  }
  return { met, essentialMet, used };
}

export function roundScores(s: Scores): Scores {
  return {
    fit: round(s.fit),
    similarity: round(s.similarity),
    reach: round(s.reach),
    coverage: round(s.coverage),
    gap: round(s.gap),
    utilization: round(s.utilization),
    essentialCoverage: round(s.essentialCoverage),
  };
}

function sourceReports(index: CompiledIndex, ws: Workspace, vector: ProfileVector, options: RankOptions): SourceReport[] {
  return vector.sources.map((s) => {
    const detail = explainTarget(index, ws, s, options);
    return {
      occupation: occupationRef(index.occupations[s]!),
      ...roundScores(scoresOf(index, ws, vector, s, options.weights)),
      explanation: detail.explanation,
      flags: flagsFor(index, [s], s, vector.profile.province, vector.profile.languageLevel, detail.languageLevel),
    };
  });
}

/** The source occupation a move is measured from: the one whose training is closest to o's. */
function closest(index: CompiledIndex, sources: readonly number[], o: number): number | undefined {
  if (sources.length <= 1) return sources[0];
  const target = index.trainingMonths[o]!;
  let best = sources[0]!;
  for (const s of sources) if (Math.abs(index.trainingMonths[s]! - target) < Math.abs(index.trainingMonths[best]! - target)) best = s;
  return best;
}

/**
 * The share of o's essential needs (all its needs when none is essential) the person does not
 * meet: how much of o's entry training is still ahead (fit.ts, Reach). O(requirements of o), and
 * only when o records its training months: it runs for candidates only.
 */
function unmetShare(index: CompiledIndex, ws: Workspace, o: number): number {
  if (Number.isNaN(index.trainingMonths[o]!)) return 0;
  const { reqStart, traitStart, reqCompetency, reqLevel, reqImportance, reqEssential } = index;
  const { effective } = ws;
  let met = 0;
  let total = 0;
  let essentialMet = 0;
  let essentialTotal = 0;
  for (let k = reqStart[o]!; k < traitStart[o]!; k++) {
    const l = reqLevel[k]!;
    const p = effective[reqCompetency[k]!]!;
    const need = reqImportance[k]! * l;
    const x = reqImportance[k]! * (p < l ? p : l);
    met += x;
    total += need;
    if (reqEssential[k] === 1) {
      essentialMet += x;
      essentialTotal += need;
    }
  }
  if (essentialTotal > 0) return Math.max(0, 1 - essentialMet / essentialTotal);
  return total > 0 ? Math.max(0, 1 - met / total) : 0;
}
