// The shapes scoring returns: plain data, ready for JSON, the CLI table and the web app.
import type { Jurisdiction, Locale } from '../schema/common.ts';
import type { Competency } from '../schema/competency.ts';
import type { Occupation } from '../schema/occupation.ts';
import type { Evidence } from '../schema/profile.ts';

export interface OccupationRef {
  id: string;
  /** The most useful code: NOC, else O*NET-SOC, else ISCO. */
  code?: string;
  title: string;
  titleFr?: string;
}

export interface CompetencyRef {
  id: string;
  label: string;
  labelFr?: string;
}

export type Category = 'similar-scope' | 'same-field' | 'related-field' | 'unrelated-field';
export type PathType = 'closer-match' | 'parallel' | 'interim' | 'stepping-stone';

export interface MatchedCompetency {
  competency: CompetencyRef;
  importance: number;
  required: number;
  level: number;
  evidence: Evidence;
}

export interface PartialCredit {
  competency: CompetencyRef;
  importance: number;
  required: number;
  /** Level credited: the source competency's level times the similarity. */
  level: number;
  from: CompetencyRef;
  fromLevel: number;
  similarity: number;
}

export interface Gap {
  competency: CompetencyRef;
  importance: number;
  required: number;
  /** The person's effective level (own or partial credit). */
  level: number;
  deficit: number;
  essential: boolean;
  /** Essential and nearly absent: needs training, not just practice. */
  hard: boolean;
  /**
   * Where the level comes from: the person's own (their occupation or an assessment), a related
   * competency they hold (partial credit: an estimate, to confirm), or nothing they hold.
   */
  basis: 'own' | 'related' | 'none';
  /**
   * 'jurisdiction': specific to practising here (law, health system, codes): closed through the
   * licensing route or a bridging program, not by more practice. 'transversal': a general
   * competency the person's occupation does not name: it may well be held, so check with the person.
   */
  context?: 'jurisdiction' | 'transversal';
}

/** One facet of how alike the work is (a kind of descriptor scored on its own; facets.ts). */
export interface FacetScore {
  /** Facet key: a kind ("skill", "knowledge", "work-activity", "interest"...), "listed" for unrated lists, with "-groups" for their rolled-up groups. */
  facet: string;
  kind: string;
  /** In words: "skills", "detailed work activities", "skills and knowledge by area"... */
  label: string;
  level: 'competency' | 'group';
  /** The facet describes the job (attributes, interests, work context), not a competency. */
  trait: boolean;
  coverage: number;
  utilization: number;
  similarity: number;
  /** Share of the overall similarity this facet carries (its weight over all weights), 0..1. */
  share: number;
}

export interface Explanation {
  /** Why this result ranks where it does, in words: how alike the work is and how far the move is. */
  why: string;
  summary: string;
  /** How alike the work is, facet by facet. */
  facets: FacetScore[];
  matched: MatchedCompetency[];
  partial: PartialCredit[];
  /** Sorted by importance x deficit, largest first. */
  gaps: Gap[];
  hardGaps: number;
  levelGaps: number;
  /** Competencies beyond maxMatched that were left out of `matched` and `partial`. */
  moreMatched: number;
  morePartial: number;
  /** Gaps beyond maxGaps that were left out of `gaps`. */
  moreGaps: number;
}

/** What the data says of an occupation's regulation in a province: unknown is never "not regulated". */
export type RegulationStatus = 'regulated' | 'not-regulated' | 'unknown';

export interface Flags {
  /** Known to be regulated in the profile's province, or anywhere when no province is given. */
  regulated: boolean;
  /** The same with what is not known: 'not-regulated' only where the data says so. */
  regulation: RegulationStatus;
  regulatedIn: Jurisdiction[];
  regulator?: string;
  /** Language in which the province's regulator requires a working knowledge (Quebec's orders: French). */
  language?: Locale;
  teer?: number;
  /** Target TEER minus the source occupation's TEER (positive: less formal training). */
  teerChange?: number;
  trainingMonths?: number;
  /** Entry training the target asks for beyond the person's own occupation, in months, when both are known. */
  addedTrainingMonths?: number;
  /**
   * Entry training the person would still need, estimated: the target's entry training times the
   * share of its essential needs the person does not meet, or addedTrainingMonths when larger.
   */
  estimatedTrainingMonths?: number;
  /** Preparation the target asks for on the framework's scale (O*NET job zone, NOC TEER, ISCO skill level), and the change from the person's occupation. */
  preparation?: { scale: 'job-zone' | 'teer' | 'isco-skill-level'; step: number; change?: number };
  /** Canadian Language Benchmark the target's language requirements suggest. */
  languageNeed?: number;
  /** The profile's language level is below that need. */
  languageGap?: boolean;
}

export interface Scores {
  /** The score results are ordered by: similarity x reach x hierarchy x essential coverage^c. */
  fit: number;
  /** How alike the work is, over the facets (kinds of descriptor) either side has, 0..1. */
  similarity: number;
  /** How reachable the move is: 1 when it asks for no more entry training than the person has. */
  reach: number;
  coverage: number;
  gap: number;
  utilization: number;
  essentialCoverage: number;
}

export interface RankResult extends Scores {
  rank: number;
  occupation: OccupationRef;
  category: Category;
  pathType: PathType;
  flags: Flags;
  explanation?: Explanation;
}

export interface SourceReport extends Scores {
  occupation: OccupationRef;
  /** What stands between the person and practising this occupation here. */
  explanation: Explanation;
  flags: Flags;
}

export interface Ranking {
  framework: { id: string; version: string };
  from: { occupations: OccupationRef[]; competencies: number; languageLevel?: number; province?: Jurisdiction };
  /** The occupations the person trained for, reported apart: the gap to licensure. */
  source: SourceReport[];
  results: RankResult[];
  /** Occupations scored, and how many each filter removed. */
  considered: number;
  excluded: { regulated: number; trainingMonths: number; fields: number; minCoverage: number; unrated: number };
  /** Occupations a filter could not decide on and kept: regulation not known in the province. */
  undecided: { regulated: number };
}

export function occupationRef(o: Occupation): OccupationRef {
  const code = o.codes.noc ?? o.codes.onetSoc ?? o.codes.isco;
  return {
    id: o.id,
    ...(code !== undefined ? { code } : {}),
    title: o.title.en,
    ...(o.title.fr !== undefined ? { titleFr: o.title.fr } : {}),
  };
}

const occupationRefCache = new WeakMap<readonly Occupation[], OccupationRef[]>();
/** One shared, frozen reference object per occupation of a framework, built on first use. */
export function occupationRefs(index: { occupations: readonly Occupation[] }): readonly OccupationRef[] {
  let refs = occupationRefCache.get(index.occupations);
  if (!refs) occupationRefCache.set(index.occupations, (refs = index.occupations.map((o) => Object.freeze(occupationRef(o)))));
  return refs;
}

const refCache = new WeakMap<readonly Competency[], CompetencyRef[]>();
/**
 * One shared, frozen reference object per competency of a framework, built on first use:
 * explanations list dozens of competencies and need not allocate a reference for each.
 */
export function competencyRefs(index: { competencies: readonly Competency[] }): readonly CompetencyRef[] {
  let refs = refCache.get(index.competencies);
  if (!refs) refCache.set(index.competencies, (refs = index.competencies.map((c) => Object.freeze(competencyRef(c)))));
  return refs;
}

export function competencyRef(c: Competency): CompetencyRef {
  return { id: c.id, label: c.label.en, ...(c.label.fr !== undefined ? { labelFr: c.label.fr } : {}) };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** One gap entry, as explanations and pathway steps list them. */
export function gapEntry(
  competency: CompetencyRef,
  importance: number,
  required: number,
  level: number,
  essential: boolean,
  hardGapShare: number,
  basis: Gap['basis'],
  context?: Gap['context'],
): Gap {
  const gap: Gap = {
    competency,
    importance: round3(importance),
    required: round3(required),
    level: round3(level),
    deficit: round3(required - level),
    essential,
    hard: essential && level < hardGapShare * required,
    basis,
  };
  if (context !== undefined) gap.context = context;
  return gap;
}
