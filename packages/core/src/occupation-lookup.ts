// Finding occupations by id, by code (NOC, O*NET-SOC, ISCO, ESCO URI) and by title, where
// title search covers alternate titles in English and French.
import { BridgeworkError } from './errors.ts';
import { foldText } from './normalize-text.ts';
import type { Locale } from './schema/common.ts';
import type { Occupation } from './schema/occupation.ts';

export interface TitleMatch {
  occupation: Occupation;
  /** The title that matched, as written in the framework. */
  matchedTitle: string;
  locale: Locale;
  /** Whether the preferred title (not an alternate) matched. */
  preferred: boolean;
  /** Higher is better: 4 exact, 3 prefix, 2 all words as word prefixes, 1 all words anywhere. */
  score: number;
}

interface TitleEntry {
  occupationIndex: number;
  title: string;
  folded: string;
  words: string[];
  locale: Locale;
  preferred: boolean;
}

export class OccupationLookup {
  private readonly occupations: readonly Occupation[];
  private readonly byIdMap = new Map<string, Occupation>();
  private readonly byCodeMap = new Map<string, Occupation[]>();
  private readonly titles: TitleEntry[] = [];

  constructor(occupations: readonly Occupation[]) {
    this.occupations = occupations;
    occupations.forEach((occupation, occupationIndex) => {
      this.byIdMap.set(occupation.id, occupation);
      const { noc, onetSoc, isco, esco, oasis } = occupation.codes;
      for (const code of [noc, onetSoc, isco, esco, oasis]) {
        if (code === undefined) continue;
        const key = code.toLowerCase();
        const list = this.byCodeMap.get(key);
        if (list) list.push(occupation);
        else this.byCodeMap.set(key, [occupation]);
      }
      const add = (title: string, locale: Locale, preferred: boolean) => {
        const folded = foldText(title);
        if (folded !== '') this.titles.push({ occupationIndex, title, folded, words: folded.split(' '), locale, preferred });
      };
      add(occupation.title.en, 'en', true);
      if (occupation.title.fr) add(occupation.title.fr, 'fr', true);
      for (const title of occupation.alternateTitles?.en ?? []) add(title, 'en', false);
      for (const title of occupation.alternateTitles?.fr ?? []) add(title, 'fr', false);
    });
  }

  get size(): number {
    return this.occupations.length;
  }

  byId(id: string): Occupation | undefined {
    return this.byIdMap.get(id);
  }

  /** All occupations carrying this code in any classification (a NOC unit group may hold several). */
  byCode(code: string): Occupation[] {
    return this.byCodeMap.get(code.trim().toLowerCase()) ?? [];
  }

  /**
   * Title search, best first: one result per occupation (its best-matching title).
   * O(number of titles) per query; ties broken by preferred title, then shorter title, then id.
   */
  searchTitles(query: string, limit = 20): TitleMatch[] {
    const q = foldText(query);
    if (q === '') return [];
    const qWords = q.split(' ');
    const best = new Map<number, TitleMatch & { length: number }>();
    for (const entry of this.titles) {
      const score = matchScore(entry, q, qWords);
      if (score === 0) continue;
      const current = best.get(entry.occupationIndex);
      const candidate = {
        occupation: this.occupations[entry.occupationIndex]!,
        matchedTitle: entry.title,
        locale: entry.locale,
        preferred: entry.preferred,
        score,
        length: entry.folded.length,
      };
      if (!current || compareMatches(candidate, current) < 0) best.set(entry.occupationIndex, candidate);
    }
    return [...best.values()]
      .sort(compareMatches)
      .slice(0, limit)
      .map(({ length: _length, ...match }) => match);
  }

  /**
   * Resolve what a person typed (id, code or title) to one occupation.
   * Throws occupation.not_found with suggestions, or occupation.ambiguous when a code or
   * an equally good title names several.
   */
  resolve(reference: string): Occupation {
    const trimmed = reference.trim();
    const byId = this.byIdMap.get(trimmed);
    if (byId) return byId;
    const byCode = this.byCode(trimmed);
    if (byCode.length === 1) return byCode[0]!;
    if (byCode.length > 1) {
      throw new BridgeworkError(
        'occupation.ambiguous',
        `code "${trimmed}" names ${byCode.length} occupations; use one of their ids`,
        byCode.slice(0, 10).map((o) => ({ where: o.id, message: o.title.en })),
      );
    }
    // Only an exact title (preferred or alternate, either language) names an occupation on its
    // own, or a query that matches one occupation and no other. A prefix is not enough: "teacher"
    // must not quietly become "Teacher assistant" when several teaching occupations exist.
    const matches = this.searchTitles(trimmed, 6);
    const top = matches[0];
    const exact = matches.filter((m) => m.score === 4);
    if (exact.length === 1 || (top && matches.length === 1)) return (exact[0] ?? top)!.occupation;
    if (matches.length > 1) {
      throw new BridgeworkError(
        'occupation.ambiguous',
        `"${trimmed}" matches several occupations; use an id, a code or a full title`,
        (exact.length > 1 ? exact : matches).slice(0, 5).map((m) => ({ where: m.occupation.id, message: m.matchedTitle })),
      );
    }
    throw new BridgeworkError(
      'occupation.not_found',
      `no occupation with id, code or title "${trimmed}"`,
      matches.map((m) => ({ where: m.occupation.id, message: `did you mean "${m.matchedTitle}"?` })),
    );
  }
}

function matchScore(entry: TitleEntry, q: string, qWords: string[]): number {
  if (entry.folded === q) return 4;
  if (entry.folded.startsWith(q + ' ') || (qWords.length > 1 && entry.folded.startsWith(q))) return 3;
  let allPrefix = true;
  for (const w of qWords) {
    if (!entry.words.some((word) => word.startsWith(w))) {
      allPrefix = false;
      break;
    }
  }
  if (allPrefix) return 2;
  return qWords.every((w) => entry.folded.includes(w)) ? 1 : 0;
}

function compareMatches(a: TitleMatch & { length: number }, b: TitleMatch & { length: number }): number {
  return (
    b.score - a.score ||
    Number(b.preferred) - Number(a.preferred) ||
    a.length - b.length ||
    (a.occupation.id < b.occupation.id ? -1 : a.occupation.id > b.occupation.id ? 1 : 0)
  );
}

