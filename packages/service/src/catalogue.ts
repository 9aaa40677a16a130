// Browsing one compiled framework version: occupations and competencies by title or label (English
// and French, alternate titles included), paged, and one occupation with its requirements.
import {
  competencyRef,
  occupationRef,
  OccupationLookup,
  regulationStatus,
  type RegulationStatus,
  type CompetencyKind,
  type CompiledIndex,
  type Competency,
  type Locale,
  type LocalizedText,
  type Occupation,
  type OccupationCodes,
  type OccupationLinkType,
  type OccupationRef,
  type CompetencyRef,
  type ReuseLevel,
  type SourceRating,
  type TitleMatch,
} from '@bridgework/core';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface PageQuery {
  q?: string;
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  framework: { id: string; version: string };
  items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

export interface Match {
  /** The title or label that matched, as written in the framework. */
  text: string;
  locale: Locale;
  /** Whether the preferred title or label matched (not an alternate). */
  preferred: boolean;
  /** 4 exact, 3 prefix, 2 every word as a word prefix, 1 every word anywhere. */
  score: number;
}

export interface OccupationSummary {
  id: string;
  title: LocalizedText;
  codes: OccupationCodes;
  /** Known to be regulated in at least one jurisdiction. */
  regulated: boolean;
  /** 'not-regulated' only when the data says so for every province and territory (or federally). */
  regulation: RegulationStatus;
  /** How many competency requirements it has (0: cannot be scored). */
  requirements: number;
  match?: Match;
}

export interface CompetencySummary {
  id: string;
  label: LocalizedText;
  kind: CompetencyKind;
  group?: string;
  reuse?: ReuseLevel;
  /** How many occupations require it. */
  occupations: number;
  match?: Match;
}

export interface OccupationRequirement {
  competency: CompetencyRef & { kind: CompetencyKind; group?: string; jurisdictionSpecific?: true };
  importance: number;
  level: number;
  essential: boolean;
  source?: SourceRating;
}

export interface OccupationLinkView {
  direction: 'outgoing' | 'incoming';
  type: OccupationLinkType;
  occupation: OccupationRef;
  rank?: number;
  source?: string;
}

export interface OccupationDetail {
  framework: { id: string; version: string };
  occupation: Occupation;
  /** Most important first, ties by competency id. */
  requirements: OccupationRequirement[];
  links: OccupationLinkView[];
}

export class Catalogue {
  private readonly framework: { id: string; version: string };
  private readonly competencyLookup: OccupationLookup;
  private requirementsByOccupation?: Map<string, OccupationRequirement[]>;
  private linksByOccupation?: Map<string, OccupationLinkView[]>;

  constructor(private readonly index: CompiledIndex) {
    this.framework = { id: index.data.framework.id, version: index.data.framework.version };
    // Competency labels are searched with the very matcher of occupation titles: OccupationLookup
    // reads only ids, titles and alternate titles, so a competency maps onto it without loss.
    this.competencyLookup = new OccupationLookup(
      index.competencies.map((c) => ({
        id: c.id,
        title: c.label,
        ...(c.altLabels !== undefined ? { alternateTitles: c.altLabels } : {}),
        codes: {},
        fieldPath: [],
        regulation: [],
      })),
    );
  }

  /** Title search, best first; without `q`, every occupation in framework order. O(titles) per query. */
  occupations(query: PageQuery): Page<OccupationSummary> {
    return this.page(query, this.index.lookup, this.index.occupations, (o, match) => this.occupationSummary(o, match));
  }

  /** Label search, best first; without `q`, every competency in framework order. */
  competencies(query: PageQuery): Page<CompetencySummary> {
    return this.page(query, this.competencyLookup, this.index.competencies, (c, match) => this.competencySummary(c, match));
  }

  /** `reference` is an id, a code or a title (as the CLI's --from). */
  occupation(reference: string): OccupationDetail {
    const occupation = this.index.lookup.resolve(reference);
    return {
      framework: this.framework,
      occupation,
      requirements: this.requirementsOf(occupation.id),
      links: this.linksOf(occupation.id),
    };
  }

  private page<T extends { id: string }, S>(
    query: PageQuery,
    lookup: OccupationLookup,
    all: readonly T[],
    summarize: (item: T, match?: Match) => S,
  ): Page<S> {
    const offset = decodeCursor(query.cursor, this.framework.version);
    let items: S[];
    let more: boolean;
    if (query.q === undefined) {
      items = all.slice(offset, offset + query.limit).map((item) => summarize(item));
      more = offset + query.limit < all.length;
    } else {
      // One more than the page tells whether another page follows.
      const matches = lookup.searchTitles(query.q, offset + query.limit + 1);
      const byId = (match: TitleMatch) => all[this.positionOf(all, match.occupation.id)]!;
      items = matches.slice(offset, offset + query.limit).map((m) => summarize(byId(m), toMatch(m)));
      more = matches.length > offset + query.limit;
    }
    return {
      framework: this.framework,
      items,
      ...(more ? { nextCursor: encodeCursor({ version: this.framework.version, offset: offset + query.limit }) } : {}),
    };
  }

  private positionOf(all: readonly { id: string }[], id: string): number {
    return (all === this.index.occupations ? this.index.occupationIndex : this.index.competencyIndex).get(id)!;
  }

  private occupationSummary(o: Occupation, match?: Match): OccupationSummary {
    const i = this.index.occupationIndex.get(o.id)!;
    return {
      id: o.id,
      title: o.title,
      codes: o.codes,
      regulated: this.index.regulatedMask[i] !== 0,
      regulation: regulationStatus(this.index, i, undefined),
      requirements: this.index.reqStart[i + 1]! - this.index.reqStart[i]!,
      ...(match ? { match } : {}),
    };
  }

  private competencySummary(c: Competency, match?: Match): CompetencySummary {
    const i = this.index.competencyIndex.get(c.id)!;
    return {
      id: c.id,
      label: c.label,
      kind: c.kind,
      ...(c.group !== undefined ? { group: c.group } : {}),
      ...(c.reuse !== undefined ? { reuse: c.reuse } : {}),
      occupations: this.index.postStart[i + 1]! - this.index.postStart[i]!,
      ...(match ? { match } : {}),
    };
  }

  // Built on the first detail request: O(requirements + links) once per version.
  private requirementsOf(id: string): OccupationRequirement[] {
    if (!this.requirementsByOccupation) {
      const byOccupation = new Map<string, OccupationRequirement[]>();
      for (const r of this.index.data.requirements) {
        const c = this.index.competencies[this.index.competencyIndex.get(r.competency)!]!;
        let list = byOccupation.get(r.occupation);
        if (!list) byOccupation.set(r.occupation, (list = []));
        list.push({
          competency: { ...competencyRef(c), kind: c.kind, ...(c.group !== undefined ? { group: c.group } : {}), ...(c.jurisdictionSpecific ? { jurisdictionSpecific: true as const } : {}) },
          importance: r.importance,
          level: r.level,
          essential: r.essential,
          ...(r.source !== undefined ? { source: r.source } : {}),
        });
      }
      for (const list of byOccupation.values()) {
        list.sort((a, b) => b.importance - a.importance || (a.competency.id < b.competency.id ? -1 : 1));
      }
      this.requirementsByOccupation = byOccupation;
    }
    return this.requirementsByOccupation.get(id) ?? [];
  }

  private linksOf(id: string): OccupationLinkView[] {
    if (!this.linksByOccupation) {
      const links = new Map<string, OccupationLinkView[]>();
      const add = (key: string, view: OccupationLinkView) => {
        const list = links.get(key);
        if (list) list.push(view);
        else links.set(key, [view]);
      };
      const ref = (occupationId: string) => occupationRef(this.index.occupations[this.index.occupationIndex.get(occupationId)!]!);
      for (const l of this.index.data.occupationLinks) {
        const extra = { ...(l.rank !== undefined ? { rank: l.rank } : {}), ...(l.source !== undefined ? { source: l.source } : {}) };
        add(l.from, { direction: 'outgoing', type: l.type, occupation: ref(l.to), ...extra });
        add(l.to, { direction: 'incoming', type: l.type, occupation: ref(l.from), ...extra });
      }
      this.linksByOccupation = links;
    }
    return this.linksByOccupation.get(id) ?? [];
  }
}

function toMatch(m: TitleMatch): Match {
  return { text: m.matchedTitle, locale: m.locale, preferred: m.preferred, score: m.score };
}
