// OaSIS exclusions as ground truth: for each profile, the occupations NOC names as related but
// classified elsewhere ("Exclusions": work that looks alike and belongs to another code). The
// file gives an OaSIS profile code (NNNNN.NN) or a bare 5-digit NOC unit group per row; a
// code that is not a profile but whose unit group has profiles stands for all of them.
import { join } from 'node:path';
import { openTable } from '@bridgework/importers';
import type { LoadedFramework } from './frameworks.ts';
import { byId, ratedIn, type GroundTruth, type SourceTruth } from './ground-truth.ts';

export const EXCLUSIONS_FILE = (dataDir: string) => join(dataDir, 'oasis-2023/exclusions_oasis_2023_v1.0.csv');

export interface ExclusionRow {
  profile: string;
  excluded: string;
}

export interface ExclusionCounts {
  /** Rows whose excluded code is a profile. */
  profile: number;
  /** Rows whose excluded code is not a profile and stands for its unit group's profiles (bare 5-digit codes among them). */
  unitGroup: number;
  bareUnitGroup: number;
  /** Bare 5-digit codes of a unit group with several profiles (the others are one profile either way). */
  bareSeveral: number;
  /** Rows naming neither a profile nor a unit group with profiles, or a source that is not a profile. */
  unknown: number;
  /** Rows (or unit-group expansions) naming the source itself: dropped. */
  self: number;
}

/** `profiles`: the profile codes that can be sources and targets. O(rows x profiles per unit group). */
export function exclusionTruth(rows: readonly ExclusionRow[], profiles: readonly string[]): { sources: SourceTruth[]; counts: ExclusionCounts } {
  const known = new Set(profiles);
  const byUnitGroup = new Map<string, string[]>();
  for (const p of profiles) byUnitGroup.set(p.slice(0, 5), [...(byUnitGroup.get(p.slice(0, 5)) ?? []), p]);
  const counts: ExclusionCounts = { profile: 0, unitGroup: 0, bareUnitGroup: 0, bareSeveral: 0, unknown: 0, self: 0 };
  const relevant = new Map<string, Set<string>>();
  for (const { profile, excluded } of rows) {
    const source = profileCode(profile);
    const code = excluded.trim();
    if (source === undefined || !known.has(source)) {
      counts.unknown++;
      continue;
    }
    const asProfile = profileCode(code);
    let targets: string[];
    if (asProfile !== undefined && known.has(asProfile)) {
      counts.profile++;
      targets = [asProfile];
    } else if (byUnitGroup.has(code.slice(0, 5)) && /^\d{5}(\.\d{1,2})?$/.test(code)) {
      counts.unitGroup++;
      targets = byUnitGroup.get(code.slice(0, 5))!;
      if (code.length === 5) counts.bareUnitGroup++;
      if (code.length === 5 && targets.length > 1) counts.bareSeveral++;
    } else {
      counts.unknown++;
      continue;
    }
    const set = relevant.get(source) ?? new Set<string>();
    for (const t of targets) {
      if (t === source) counts.self++;
      else set.add(t);
    }
    relevant.set(source, set);
  }
  const sources: SourceTruth[] = [];
  for (const [source, set] of relevant) if (set.size > 0) sources.push({ source, key: source.slice(0, 5), relevant: set });
  return { sources: sources.sort(byId), counts };
}

/** NNNNN.NN from NNNNN.NN or NNNNN.N (a spreadsheet dropped the trailing zero); else undefined. */
export function profileCode(text: string): string | undefined {
  const m = /^(\d{5})\.(\d{1,2})$/.exec(text.trim());
  return m ? `${m[1]}.${m[2]!.padEnd(2, '0')}` : undefined;
}

export async function readExclusions(path: string): Promise<ExclusionRow[]> {
  const table = await openTable(path, { delimiter: ',', quote: '"' });
  const profile = table.column('OaSIS profile code');
  const excluded = table.column('Excluded code');
  const rows: ExclusionRow[] = [];
  for await (const row of table.rows()) rows.push({ profile: row.get(profile), excluded: row.get(excluded) });
  return rows;
}

export async function exclusionsGroundTruth(oasis: LoadedFramework, dataDir: string): Promise<GroundTruth> {
  const rows = await readExclusions(EXCLUSIONS_FILE(dataDir));
  const rated = ratedIn(oasis.index);
  const { sources, counts } = exclusionTruth(rows, oasis.data.occupations.map((o) => o.id).filter(rated));
  return {
    name: 'oasis.exclusions',
    framework: 'oasis',
    sources,
    measures: ['precision@10', 'recall@20'],
    notes: [
      `oasis.exclusions: ${rows.length} rows: ${counts.profile} name a profile, ${counts.unitGroup} a unit group's profiles ` +
        `(${counts.bareUnitGroup} bare 5-digit codes, ${counts.bareSeveral} of them of a unit group with several profiles; ` +
        `${counts.unitGroup - counts.bareUnitGroup} profile codes not in the labels), ` +
        `${counts.unknown} neither; ${counts.self} self-references dropped; ${sources.length} sources`,
    ],
  };
}
