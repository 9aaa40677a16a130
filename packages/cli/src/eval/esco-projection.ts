// ESCO has no list of related occupations of its own: O*NET's lists are projected onto it
// through Nesta's ESCO -> O*NET-SOC 2010 crosswalk and O*NET's 2010 -> 2019 crosswalk.
//
// Codes of an ESCO occupation e, C(e): the O*NET-SOC 2010 code of Nesta's row for e, else of the
// nearest broader ESCO occupation that has a row (Nesta maps the level-5 occupations; those below
// inherit their parent's code), each mapped to its O*NET-SOC 2019 codes (one 2010 code may become
// several). For a source e: R = the union of O*NET's lists of the codes in C(e);
//   relevant(e)     = ESCO occupations with a code in R and no code in C(e);
//   undetermined(e) = ESCO occupations without any code, and those sharing a code with e: the
//                     projection cannot say whether they are a move from e, so they are removed
//                     from e's ranked lists before measuring.
// A source whose relevant set is empty is skipped. Split key: the smallest code in C(e), so an
// O*NET code is in the same split in every figure.
import type { SourceTruth } from './ground-truth.ts';

export interface EscoCodesInput {
  /** Every ESCO occupation id. */
  occupations: readonly string[];
  /** ESCO occupation -> its broader ESCO occupations (the import's `broader` links). */
  broader: ReadonlyMap<string, readonly string[]>;
  /** ESCO occupation -> O*NET-SOC 2010 codes (Nesta's rows). */
  nesta: ReadonlyMap<string, readonly string[]>;
  /** O*NET-SOC 2010 code -> O*NET-SOC 2019 codes. */
  soc2010to2019: ReadonlyMap<string, readonly string[]>;
}

export interface EscoCodes {
  /** ESCO occupation -> O*NET-SOC 2019 codes (empty when it has none). */
  codes: Map<string, Set<string>>;
  counts: { direct: number; inherited: number; none: number; unknown2010: number };
}

/** O(occupations x depth of the broader chain + rows). */
export function escoOnetCodes(input: EscoCodesInput): EscoCodes {
  const counts = { direct: 0, inherited: 0, none: 0, unknown2010: 0 };
  const unknown = new Set<string>();
  const codes = new Map<string, Set<string>>();
  for (const e of input.occupations) {
    let found = input.nesta.get(e);
    if (found) counts.direct++;
    else {
      found = nearestBroaderRows(e, input);
      if (found) counts.inherited++;
      else counts.none++;
    }
    const set = new Set<string>();
    for (const c2010 of found ?? []) {
      const mapped = input.soc2010to2019.get(c2010);
      if (mapped === undefined) unknown.add(c2010);
      for (const c of mapped ?? []) set.add(c);
    }
    codes.set(e, set);
  }
  counts.unknown2010 = unknown.size;
  return { codes, counts };
}

/** Breadth first up the broader links: the rows of the nearest level that has any. */
function nearestBroaderRows(e: string, input: EscoCodesInput): string[] | undefined {
  const seen = new Set([e]);
  let level = [...(input.broader.get(e) ?? [])];
  while (level.length > 0) {
    const rows = level.flatMap((b) => input.nesta.get(b) ?? []);
    if (rows.length > 0) return rows;
    const next: string[] = [];
    for (const b of level) {
      if (seen.has(b)) continue;
      seen.add(b);
      for (const up of input.broader.get(b) ?? []) if (!seen.has(up)) next.push(up);
    }
    level = next;
  }
  return undefined;
}

/**
 * The projected ground truth, one entry per source with a non-empty relevant set. `lists` maps
 * an O*NET-SOC 2019 code to the codes O*NET lists for it; `eligible` says which ESCO
 * occupations can be sources and relevant targets (those with requirements).
 * O(sources x (occupations sharing or reaching their codes)).
 */
export function projectLists(
  codes: ReadonlyMap<string, ReadonlySet<string>>,
  lists: ReadonlyMap<string, ReadonlySet<string>>,
  eligible: (id: string) => boolean = () => true,
): SourceTruth[] {
  const byCode = new Map<string, string[]>();
  const uncoded: string[] = [];
  for (const [e, set] of codes) {
    if (set.size === 0) uncoded.push(e);
    for (const c of set) {
      const list = byCode.get(c);
      if (list) list.push(e);
      else byCode.set(c, [e]);
    }
  }
  const truths: SourceTruth[] = [];
  for (const [e, own] of codes) {
    if (own.size === 0 || !eligible(e)) continue;
    const sharing = new Set<string>();
    for (const c of own) for (const f of byCode.get(c)!) if (f !== e) sharing.add(f);
    const relevant = new Set<string>();
    for (const c of own) {
      for (const r of lists.get(c) ?? []) {
        for (const f of byCode.get(r) ?? []) if (f !== e && !sharing.has(f) && eligible(f)) relevant.add(f);
      }
    }
    if (relevant.size === 0) continue;
    const undetermined = new Set<string>(sharing);
    for (const f of uncoded) if (f !== e) undetermined.add(f);
    truths.push({ source: e, key: [...own].sort()[0]!, relevant, undetermined });
  }
  return truths;
}
