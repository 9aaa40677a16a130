// How alike two jobs are is judged per facet: one kind of descriptor (skills, knowledge, work
// activities, interests...) scored on its own, so that a close match in one kind cannot hide a
// mismatch in another. Built once per framework version from what its requirements hold.
//
// - Rated requirements (O*NET, OaSIS, the curated framework: a level per requirement) are scored
//   per kind: their levels make each kind's profile informative on its own.
// - Listed requirements (ESCO's skills and knowledge, O*NET's detailed work activities: a relation,
//   essential or core, and no level) form one facet per framework, whatever their kind: ESCO's split
//   of its list into skills and knowledge carried no signal of its own (precision@10 on the tuning
//   split fell from 0.304 to 0.279 when scored apart; docs/scoring.md).
// - A sparse facet (the average occupation asks for under a fifth of its competencies) also gets a
//   group facet: the same requirements rolled up to the competency's group (ESCO skill group,
//   O*NET intermediate work activity). Two jobs that ask for different skills of one small group
//   do alike work even when they name no skill in common.
// - In a sparse facet, competencies that always come together (the same set of occupations asks
//   for each: ESCO attaches a block of 24 generic research skills to 122 occupations) share one
//   weight, so a block counts as one competency and cannot carry a match on its own.
import { isTraitKind, type CompetencyKind } from '../schema/competency.ts';
import type { FrameworkData } from '../schema/framework-data.ts';

/**
 * The facet's kind: one kind of rated descriptor, 'listed' for unrated lists, or 'context' for what
 * practising in the framework's jurisdiction asks (its law and systems, the language of work).
 */
export type FacetKind = CompetencyKind | 'listed' | 'context';

export interface Facet {
  /** Stable key, e.g. "skill", "knowledge", "listed", "listed-groups". */
  key: string;
  /** The average rated occupation asks for less than a fifth of the facet's competencies. */
  sparse: boolean;
  kind: FacetKind;
  /** 'group' facets score the requirements of `of` rolled up to competency groups. */
  level: 'competency' | 'group';
  /** For a group facet, the competency facet it rolls up. */
  of?: number;
  /** Traits (attributes, interests, work context) describe the job; they are never gaps. */
  trait: boolean;
  /** The kinds of competency it holds (several for a listed facet). */
  kinds: CompetencyKind[];
  /** In words, for explanations: "skills", "detailed work activities", "skill areas"... */
  label: string;
}

export interface FacetTable {
  facets: Facet[];
  /** Facet of each competency; NO_FACET when it has no requirement. */
  competencyFacet: Uint8Array;
  /**
   * Weight of each competency inside its facet: 1 / its redundancy in a sparse facet (n competencies
   * always listed together weigh 1/n each), halved for a transversal competency.
   */
  specificity: Float32Array;
  /**
   * 0 for competencies of a dense facet (most occupations rate most of its competencies, as in
   * O*NET and OaSIS): there a missing requirement means "rated and found not relevant" rather than
   * "not named", so related competencies give it no partial credit. 1 elsewhere.
   */
  creditable: Uint8Array;
  /** Group terms: one per (group facet, competency group). */
  groupTermCount: number;
  /** The group term of each competency, -1 when its facet has no group facet or it has no group. */
  groupTermOf: Int32Array;
  groupTermFacet: Uint8Array;
  /**
   * Postings of group terms: occupation o asks for group term g with importance = the highest
   * importance among its requirements in the group, level = the highest level. Records of three
   * words (occupation; importance, level) from groupPostStart[g] * 3.
   */
  groupPostStart: Uint32Array;
  groupPostWords: Uint32Array;
  groupPostValues: Float32Array;
  /**
   * Per occupation and facet (o * facets + f, an occupation's facets side by side): 1 / the sum of
   * specificity x importance x level (0 when the occupation has none in the facet).
   */
  facetInvTotal: Float32Array;
  /** Per occupation and facet: number of requirements (how much evidence the facet holds). */
  facetCount: Float32Array;
  /** Per facet: the most requirements any occupation has in it. */
  facetMaxCount: Uint32Array;
}

export const NO_FACET = 255;
export const GROUP_POSTING_STRIDE = 3;

/** A facet is sparse when the average rated occupation asks for less than this share of its competencies. */
const SPARSE_SHARE = 0.2;
/** A facet is dense when the average rated occupation rates at least this share of its competencies (O*NET, OaSIS). */
const DENSE_SHARE = 0.8;
const TRANSVERSAL_WEIGHT = 0.5;
/** A facet of fewer competencies gets no group facet: rolling seven abilities up to groups adds noise, not evidence. */
const MIN_GROUPED_COMPETENCIES = 20;

interface CompileInput {
  data: FrameworkData;
  isTrait: Uint8Array;
  occupationCount: number;
  competencyIndex: ReadonlyMap<string, number>;
  reqStart: Uint32Array;
  reqCompetency: Uint32Array;
  reqImportance: Float32Array;
  reqLevel: Float32Array;
  postStart: Uint32Array;
  reqOccupation: Uint32Array;
  postRequirement: Uint32Array;
}

/** O(requirements + competencies), plus a sort of the postings of sparse facets' groups. */
export function buildFacets(input: CompileInput): FacetTable {
  const { data, isTrait, occupationCount: nOcc, competencyIndex, reqStart, reqCompetency, reqImportance, reqLevel, postStart, postRequirement, reqOccupation } = input;
  const nComp = data.competencies.length;

  // A competency is listed when its requirements carry a source relation (essential, core task)
  // instead of a rating.
  const listed = new Uint8Array(nComp);
  const required = new Uint8Array(nComp);
  for (const r of data.requirements) {
    const c = competencyIndex.get(r.competency)!;
    required[c] = 1;
    if (r.source?.relation !== undefined) listed[c] = 1;
  }

  const facets: Facet[] = [];
  const facetByKey = new Map<string, number>();
  const competencyFacet = new Uint8Array(nComp).fill(NO_FACET);
  data.competencies.forEach((competency, c) => {
    if (required[c] === 0) return;
    const trait = isTraitKind(competency.kind);
    // Context competencies (Canadian law and systems, the language of work) say how far a person
    // trained abroad is from practice, not how alike two jobs are; and only the curated occupations
    // of a catalogue name them, so inside the knowledge facet they would make it look sparse and
    // pull curated targets apart from the rest. They get a facet of their own (weight 0 by default).
    const kind: FacetKind = competency.jurisdictionSpecific === true || competency.kind === 'language' ? 'context' : listed[c] === 1 && !trait ? 'listed' : competency.kind;
    let f = facetByKey.get(kind);
    if (f === undefined) {
      f = facets.length;
      if (f >= NO_FACET - 1) throw new Error('too many facets');
      facets.push({ key: kind, sparse: false, kind, level: 'competency', trait, kinds: [], label: '' });
      facetByKey.set(kind, f);
    }
    if (!facets[f]!.kinds.includes(competency.kind)) facets[f]!.kinds.push(competency.kind);
    competencyFacet[c] = f;
  });
  // Facets in a fixed order (by key), so that results list them alike across versions.
  const order = facets.map((_, i) => i).sort((a, b) => (facets[a]!.key < facets[b]!.key ? -1 : 1));
  const renumber = new Uint8Array(facets.length);
  order.forEach((old, i) => (renumber[old] = i));
  const sorted = order.map((old) => facets[old]!);
  for (let c = 0; c < nComp; c++) if (competencyFacet[c] !== NO_FACET) competencyFacet[c] = renumber[competencyFacet[c]!]!;
  facets.length = 0;
  facets.push(...sorted);
  for (const facet of facets) facet.label = facetLabel(facet);

  // Density per competency facet: requirements / (rated occupations x competencies).
  const competencyFacets = facets.length;
  const facetRequirements = new Float64Array(competencyFacets);
  const facetCompetencies = new Float64Array(competencyFacets);
  for (let c = 0; c < nComp; c++) if (competencyFacet[c] !== NO_FACET) facetCompetencies[competencyFacet[c]!]!++;
  let rated = 0;
  for (let o = 0; o < nOcc; o++) if (reqStart[o + 1]! > reqStart[o]!) rated++;
  for (let k = 0; k < reqCompetency.length; k++) facetRequirements[competencyFacet[reqCompetency[k]!]!]!++;
  const sparse = new Uint8Array(competencyFacets);
  const dense = new Uint8Array(competencyFacets);
  for (let f = 0; f < competencyFacets; f++) {
    const density = rated > 0 && facetCompetencies[f]! > 0 ? facetRequirements[f]! / (rated * facetCompetencies[f]!) : 1;
    sparse[f] = density < SPARSE_SHARE ? 1 : 0;
    dense[f] = density >= DENSE_SHARE ? 1 : 0;
    facets[f]!.sparse = sparse[f] === 1;
  }

  const specificity = blockWeights(nComp, competencyFacet, sparse, postStart, postRequirement, reqOccupation, reqStart, reqCompetency);
  // A transversal competency (ESCO's reuse level; O*NET's basic and social skills) says little
  // about which work two jobs share: it counts half (O*NET 29 related, tuning split: 0.428 -> 0.434).
  data.competencies.forEach((c, i) => {
    if (c.reuse === 'transversal') specificity[i]! *= TRANSVERSAL_WEIGHT;
  });

  // Group facets for sparse competency facets that have groups.
  const groupTermOf = new Int32Array(nComp).fill(-1);
  const termFacet: number[] = [];
  const termKey = new Map<string, number>();
  for (let f = 0; f < competencyFacets; f++) {
    if (sparse[f] === 0 || facets[f]!.trait || facetCompetencies[f]! < MIN_GROUPED_COMPETENCIES) continue;
    let groupFacet = -1;
    data.competencies.forEach((competency, c) => {
      if (competencyFacet[c] !== f || competency.group === undefined) return;
      if (groupFacet < 0) {
        groupFacet = facets.length;
        const base = facets[f]!;
        facets.push({ key: `${base.key}-groups`, sparse: true, kind: base.kind, level: 'group', of: f, trait: false, kinds: base.kinds, label: `${base.label} by area` });
      }
      const key = `${groupFacet}\t${competency.group}`;
      let term = termKey.get(key);
      if (term === undefined) {
        term = termFacet.length;
        termKey.set(key, term);
        termFacet.push(groupFacet);
      }
      groupTermOf[c] = term;
    });
  }
  // Group postings: per occupation, the best importance and level among its requirements in each group.
  const best = new Map<number, { importance: number; level: number }>();
  const groupRows: { o: number; term: number; importance: number; level: number }[] = [];
  for (let o = 0; o < nOcc; o++) {
    best.clear();
    for (let k = reqStart[o]!; k < reqStart[o + 1]!; k++) {
      const term = groupTermOf[reqCompetency[k]!]!;
      if (term < 0) continue;
      const entry = best.get(term);
      if (entry === undefined) best.set(term, { importance: reqImportance[k]!, level: reqLevel[k]! });
      else {
        if (entry.importance < reqImportance[k]!) entry.importance = reqImportance[k]!;
        if (entry.level < reqLevel[k]!) entry.level = reqLevel[k]!;
      }
    }
    for (const [term, entry] of best) groupRows.push({ o, term, ...entry });
  }
  const groupTermCount = termFacet.length;
  const groupPostStart = new Uint32Array(groupTermCount + 1);
  for (const row of groupRows) groupPostStart[row.term + 1]!++;
  for (let g = 0; g < groupTermCount; g++) groupPostStart[g + 1]! += groupPostStart[g]!;
  const groupRecords = new ArrayBuffer(groupRows.length * GROUP_POSTING_STRIDE * 4);
  const groupPostWords = new Uint32Array(groupRecords);
  const groupPostValues = new Float32Array(groupRecords);
  const cursor = groupPostStart.slice(0, groupTermCount);
  for (const row of groupRows) {
    const at = cursor[row.term]!++ * GROUP_POSTING_STRIDE;
    groupPostWords[at] = row.o;
    groupPostValues[at + 1] = row.importance;
    groupPostValues[at + 2] = row.level;
  }

  const nFacets = facets.length;
  const facetTotal = new Float64Array(nFacets * nOcc);
  const facetCount = new Float32Array(nFacets * nOcc);
  for (let o = 0; o < nOcc; o++) {
    for (let k = reqStart[o]!; k < reqStart[o + 1]!; k++) {
      const c = reqCompetency[k]!;
      const at = o * nFacets + competencyFacet[c]!;
      const weight = isTrait[c] === 1 ? 1 : reqImportance[k]!;
      facetTotal[at]! += specificity[c]! * weight * reqLevel[k]!;
      facetCount[at]!++;
    }
  }
  for (const row of groupRows) {
    const at = row.o * nFacets + termFacet[row.term]!;
    facetTotal[at]! += row.importance * row.level;
    facetCount[at]!++;
  }
  const facetMaxCount = new Uint32Array(nFacets);
  for (let at = 0; at < facetCount.length; at++) facetMaxCount[at % nFacets] = Math.max(facetMaxCount[at % nFacets]!, facetCount[at]!);
  const facetInvTotal = new Float32Array(nFacets * nOcc);
  for (let at = 0; at < facetTotal.length; at++) if (facetTotal[at]! > 0) facetInvTotal[at] = 1 / facetTotal[at]!;

  const creditable = new Uint8Array(nComp);
  for (let c = 0; c < nComp; c++) creditable[c] = competencyFacet[c] === NO_FACET || dense[competencyFacet[c]!] === 0 ? 1 : 0;

  return {
    facets,
    competencyFacet,
    specificity,
    creditable,
    groupTermCount,
    groupTermOf,
    groupTermFacet: Uint8Array.from(termFacet),
    groupPostStart,
    groupPostWords,
    groupPostValues,
    facetInvTotal,
    facetCount,
    facetMaxCount,
  };
}

/**
 * How much independent evidence each competency of a sparse facet carries: 1 / sum over the
 * competencies c' of its facet of J(c, c')^POWER, J the Jaccard overlap of the two posting sets
 * (c itself counts 1). n competencies always listed together weigh 1/n each; a competency that
 * only sometimes comes with others keeps most of its weight. Dense facets (every occupation rates
 * every skill, as in O*NET) keep 1: there, equal posting sets say nothing about redundancy.
 * O(sum over occupations of (requirements in sparse facets)^2).
 */
function blockWeights(
  nComp: number,
  competencyFacet: Uint8Array,
  sparse: Uint8Array,
  postStart: Uint32Array,
  postRequirement: Uint32Array,
  reqOccupation: Uint32Array,
  reqStart: Uint32Array,
  reqCompetency: Uint32Array,
): Float32Array {
  const weights = new Float32Array(nComp).fill(1);
  const shared = new Uint32Array(nComp);
  const seen: number[] = [];
  for (let c = 0; c < nComp; c++) {
    const f = competencyFacet[c]!;
    if (f === NO_FACET || sparse[f] === 0) continue;
    const df = postStart[c + 1]! - postStart[c]!;
    if (df < 2) continue;
    seen.length = 0;
    for (let j = postStart[c]!; j < postStart[c + 1]!; j++) {
      const o = reqOccupation[postRequirement[j]!]!;
      for (let k = reqStart[o]!; k < reqStart[o + 1]!; k++) {
        const other = reqCompetency[k]!;
        if (other === c || competencyFacet[other] !== f) continue;
        if (shared[other] === 0) seen.push(other);
        shared[other]!++;
      }
    }
    let redundancy = 1;
    for (const other of seen) {
      const both = shared[other]!;
      const jaccard = both / (df + (postStart[other + 1]! - postStart[other]!) - both);
      redundancy += Math.pow(jaccard, POWER);
      shared[other] = 0;
    }
    weights[c] = 1 / redundancy;
  }
  return weights;
}
/** Near-identical posting sets count almost fully towards redundancy, partly overlapping ones little. */
const POWER = 4;

const KIND_LABELS: Record<CompetencyKind, string> = {
  skill: 'skills',
  knowledge: 'knowledge',
  ability: 'abilities',
  'work-activity': 'work activities',
  language: 'languages',
  attribute: 'work styles',
  interest: 'interests',
  'work-context': 'work context',
};

function facetLabel(facet: Facet): string {
  if (facet.kind === 'context') return 'Canadian context and language of work';
  if (facet.kind !== 'listed') return KIND_LABELS[facet.kind];
  if (facet.kinds.length === 1 && facet.kinds[0] === 'work-activity') return 'detailed work activities';
  return 'skills and knowledge';
}
