// A framework version compiled once into typed arrays for scoring: requirements as CSR rows per
// occupation, postings per competency, per-occupation totals, the related-competency matrix,
// and per-occupation attributes the filters read. Ranking never walks the graph.
import { OccupationLookup } from '../occupation-lookup.ts';
import type { Jurisdiction } from '../schema/common.ts';
import { isTraitKind, type Competency } from '../schema/competency.ts';
import type { FrameworkData } from '../schema/framework-data.ts';
import type { Occupation } from '../schema/occupation.ts';
import { buildFacets, type FacetTable } from './facets.ts';
import { PREPARATION_SCALES, preparationOf } from './preparation.ts';
import { buildRelatedMatrix, DEFAULT_SIMILARITY, type RelatedMatrix, type SimilarityOptions } from './related-competencies.ts';

export const JURISDICTION_BITS: Record<Jurisdiction, number> = {
  CA: 1 << 0, AB: 1 << 1, BC: 1 << 2, MB: 1 << 3, NB: 1 << 4, NL: 1 << 5, NS: 1 << 6,
  NT: 1 << 7, NU: 1 << 8, ON: 1 << 9, PE: 1 << 10, QC: 1 << 11, SK: 1 << 12, YT: 1 << 13,
};

/** Words per posting record in postWords / postValues. */
export const POSTING_STRIDE = 4;

export interface CompiledIndex extends RelatedMatrix, FacetTable {
  data: FrameworkData;
  lookup: OccupationLookup;
  occupations: readonly Occupation[];
  competencies: readonly Competency[];
  occupationIndex: ReadonlyMap<string, number>;
  competencyIndex: ReadonlyMap<string, number>;
  occupationCount: number;
  competencyCount: number;

  /**
   * Requirements of occupation o: positions reqStart[o]..reqStart[o+1], competencies first, then
   * from traitStart[o] its traits (attributes, interests, work context), which are matched for
   * similarity but never covered, listed as transferring or missing.
   */
  reqStart: Uint32Array;
  traitStart: Uint32Array;
  reqCompetency: Uint32Array;
  reqImportance: Float32Array;
  reqLevel: Float32Array;
  reqEssential: Uint8Array;

  /** Postings of competency c: requirement positions postStart[c]..postStart[c+1] (into req*). */
  postStart: Uint32Array;
  postRequirement: Uint32Array;
  /**
   * The same postings as one record of four 32-bit words each, in posting order: occupation
   * (postWords), importance, level, and importance again when the requirement is essential else 0
   * (postValues). The rank pass reads one record per posting from one cache line instead of four
   * arrays, and adds essential credit without a branch.
   */
  postWords: Uint32Array;
  postValues: Float32Array;
  /** Occupation indices sorted by id, for deterministic tie-breaking among untouched occupations. */
  occupationsById: Uint32Array;
  /** Each competency's position in id order: ties in explanation lists break on it. */
  competencyIdRank: Uint32Array;
  /** Each occupation's position in id order: ties in fit break on it (no string comparison). */
  occupationIdRank: Uint32Array;
  /** The occupation of each requirement position (so a posting needs no search). */
  reqOccupation: Uint32Array;

  /** Occupations with at least one requirement. */
  ratedCount: number;
  /** Per occupation, over its competencies (not traits): sum of w*L, of w*L over essential requirements, and of w. */
  totalWeightedLevel: Float64Array;
  essentialWeightedLevel: Float64Array;
  totalImportance: Float64Array;

  /** Per occupation: jurisdictions where it is regulated (bit set), and anywhere-regulated flag. */
  regulatedMask: Uint16Array;
  /** Per occupation: jurisdictions where the data says whether it is regulated (bit set). Elsewhere it is unknown. */
  regulationKnownMask: Uint16Array;
  /** Typical entry training in months; NaN when unknown. */
  trainingMonths: Float32Array;
  /** NOC TEER 0-5; -1 when unknown. */
  teer: Int8Array;
  /** Preparation step on the occupation's scale (preparation.ts); -1 when unknown. */
  preparationStep: Int8Array;
  /** Index of that scale in PREPARATION_SCALES; 255 when unknown. Steps compare within one scale only. */
  preparationScale: Uint8Array;
  /** Field path as interned codes: fieldCodes[d][o] is level d's code id, -1 past the path's end. */
  fieldCodes: Int32Array[];
  /** Length of each occupation's field path. */
  fieldDepth: Uint8Array;
  /** Competency kind 'language' marker, for the language-need flag. */
  isLanguage: Uint8Array;
  /** Competency reuse: 1 when transversal (kept apart when judging fields). */
  isTransversal: Uint8Array;
  /** 1 for competencies specific to practising in the framework's jurisdiction. */
  isJurisdictionSpecific: Uint8Array;
  /** 1 for traits (isTraitKind): similarity only, never a gap. */
  isTrait: Uint8Array;

  similarity: SimilarityOptions;
}

export interface CompileOptions {
  similarity?: Partial<SimilarityOptions>;
}

/** O(occupations + competencies + requirements + relations). Expects checked FrameworkData. */
export function compileIndex(data: FrameworkData, options: CompileOptions = {}): CompiledIndex {
  const similarity = { ...DEFAULT_SIMILARITY, ...options.similarity };
  const occupations = data.occupations;
  const competencies = data.competencies;
  const nOcc = occupations.length;
  const nComp = competencies.length;
  const occupationIndex = new Map<string, number>();
  occupations.forEach((o, i) => occupationIndex.set(o.id, i));
  const competencyIndex = new Map<string, number>();
  competencies.forEach((c, i) => competencyIndex.set(c.id, i));

  const isTrait = new Uint8Array(nComp);
  competencies.forEach((c, i) => (isTrait[i] = isTraitKind(c.kind) ? 1 : 0));

  // CSR by occupation: count, prefix-sum, fill (stable: keeps each occupation's file order), with
  // each row's competencies first and its traits after them, from traitStart[o].
  const reqStart = new Uint32Array(nOcc + 1);
  const traitCount = new Uint32Array(nOcc);
  for (const r of data.requirements) {
    const o = occupationIndex.get(r.occupation)!;
    reqStart[o + 1]!++;
    if (isTrait[competencyIndex.get(r.competency)!] === 1) traitCount[o]!++;
  }
  for (let o = 0; o < nOcc; o++) reqStart[o + 1]! += reqStart[o]!;
  const traitStart = new Uint32Array(nOcc);
  for (let o = 0; o < nOcc; o++) traitStart[o] = reqStart[o + 1]! - traitCount[o]!;
  const nnz = data.requirements.length;
  const reqCompetency = new Uint32Array(nnz);
  const reqImportance = new Float32Array(nnz);
  const reqLevel = new Float32Array(nnz);
  const reqEssential = new Uint8Array(nnz);
  const reqOccupation = new Uint32Array(nnz);
  const cursor = reqStart.slice(0, nOcc);
  const traitCursor = traitStart.slice();
  for (const r of data.requirements) {
    const o = occupationIndex.get(r.occupation)!;
    const k = isTrait[competencyIndex.get(r.competency)!] === 1 ? traitCursor[o]!++ : cursor[o]!++;
    reqCompetency[k] = competencyIndex.get(r.competency)!;
    reqImportance[k] = r.importance;
    reqLevel[k] = r.level;
    reqEssential[k] = r.essential ? 1 : 0;
    reqOccupation[k] = o;
  }

  // Postings by competency.
  const postStart = new Uint32Array(nComp + 1);
  for (let k = 0; k < nnz; k++) postStart[reqCompetency[k]! + 1]!++;
  for (let c = 0; c < nComp; c++) postStart[c + 1]! += postStart[c]!;
  const postRequirement = new Uint32Array(nnz);
  const postCursor = postStart.slice(0, nComp);
  for (let k = 0; k < nnz; k++) postRequirement[postCursor[reqCompetency[k]!]!++] = k;
  const postRecords = new ArrayBuffer(nnz * POSTING_STRIDE * 4);
  const postWords = new Uint32Array(postRecords);
  const postValues = new Float32Array(postRecords);
  for (let j = 0; j < nnz; j++) {
    const k = postRequirement[j]!;
    const at = j * POSTING_STRIDE;
    postWords[at] = reqOccupation[k]!;
    // A trait has one rating, given as both its importance and its level: it weighs 1 in its
    // facet, else its rating would count squared.
    const trait = isTrait[reqCompetency[k]!] === 1;
    postValues[at + 1] = trait ? 1 : reqImportance[k]!;
    postValues[at + 2] = reqLevel[k]!;
    postValues[at + 3] = reqEssential[k] === 1 && !trait ? reqImportance[k]! : 0;
  }
  const competencyIdRank = new Uint32Array(nComp);
  competencies
    .map((_, i) => i)
    .sort((a, b) => (competencies[a]!.id < competencies[b]!.id ? -1 : competencies[a]!.id > competencies[b]!.id ? 1 : 0))
    .forEach((c, rank) => (competencyIdRank[c] = rank));
  const occupationsById = Uint32Array.from(occupations.map((_, i) => i).sort((a, b) => (occupations[a]!.id < occupations[b]!.id ? -1 : occupations[a]!.id > occupations[b]!.id ? 1 : 0)));
  const occupationIdRank = new Uint32Array(nOcc);
  occupationsById.forEach((o, rank) => (occupationIdRank[o] = rank));

  const totalWeightedLevel = new Float64Array(nOcc);
  const essentialWeightedLevel = new Float64Array(nOcc);
  const totalImportance = new Float64Array(nOcc);
  for (let o = 0; o < nOcc; o++) {
    for (let k = reqStart[o]!; k < traitStart[o]!; k++) {
      const wl = reqImportance[k]! * reqLevel[k]!;
      totalWeightedLevel[o]! += wl;
      totalImportance[o]! += reqImportance[k]!;
      if (reqEssential[k]) essentialWeightedLevel[o]! += wl;
    }
  }

  let ratedCount = 0;
  for (let o = 0; o < nOcc; o++) if (traitStart[o]! > reqStart[o]!) ratedCount++;
  const regulatedMask = new Uint16Array(nOcc);
  const regulationKnownMask = new Uint16Array(nOcc);
  const trainingMonths = new Float32Array(nOcc);
  const teer = new Int8Array(nOcc);
  const preparationStep = new Int8Array(nOcc).fill(-1);
  const preparationScale = new Uint8Array(nOcc).fill(255);
  occupations.forEach((o, i) => {
    const preparation = preparationOf(o);
    if (preparation) {
      preparationStep[i] = preparation.step;
      preparationScale[i] = PREPARATION_SCALES.indexOf(preparation.scale);
    }
    let mask = 0;
    let known = 0;
    for (const r of o.regulation) {
      known |= JURISDICTION_BITS[r.jurisdiction];
      if (r.regulated) mask |= JURISDICTION_BITS[r.jurisdiction];
    }
    regulatedMask[i] = mask;
    regulationKnownMask[i] = known;
    trainingMonths[i] = o.entry?.trainingMonths ?? Number.NaN;
    teer[i] = o.codes.teer ?? -1;
  });
  const depth = occupations.reduce((m, o) => Math.max(m, o.fieldPath.length), 0);
  const interned = new Map<string, number>();
  const fieldCodes = Array.from({ length: depth }, () => new Int32Array(nOcc).fill(-1));
  const fieldDepth = new Uint8Array(nOcc);
  occupations.forEach((o, i) => {
    fieldDepth[i] = Math.min(255, o.fieldPath.length);
    o.fieldPath.forEach((f, d) => {
      let code = interned.get(f.code);
      if (code === undefined) interned.set(f.code, (code = interned.size));
      fieldCodes[d]![i] = code;
    });
  });
  const isLanguage = new Uint8Array(nComp);
  const isTransversal = new Uint8Array(nComp);
  const isJurisdictionSpecific = new Uint8Array(nComp);
  competencies.forEach((c, i) => {
    isJurisdictionSpecific[i] = c.jurisdictionSpecific ? 1 : 0;
    isLanguage[i] = c.kind === 'language' ? 1 : 0;
    isTransversal[i] = c.reuse === 'transversal' || c.kind === 'language' ? 1 : 0;
  });

  return {
    data,
    lookup: new OccupationLookup(occupations),
    occupations,
    competencies,
    occupationIndex,
    competencyIndex,
    occupationCount: nOcc,
    competencyCount: nComp,
    reqStart,
    traitStart,
    reqCompetency,
    reqImportance,
    reqLevel,
    reqEssential,
    reqOccupation,
    postStart,
    postRequirement,
    postWords,
    postValues,
    occupationsById,
    competencyIdRank,
    occupationIdRank,
    ratedCount,
    totalWeightedLevel,
    essentialWeightedLevel,
    totalImportance,
    regulatedMask,
    regulationKnownMask,
    trainingMonths,
    teer,
    preparationStep,
    preparationScale,
    fieldCodes,
    fieldDepth,
    isLanguage,
    isTransversal,
    isJurisdictionSpecific,
    isTrait,
    similarity,
    ...buildRelatedMatrix(data, competencyIndex, similarity),
    ...buildFacets({ data, isTrait, occupationCount: nOcc, competencyIndex, reqStart, reqCompetency, reqImportance, reqLevel, postStart, postRequirement, reqOccupation }),
  };
}
