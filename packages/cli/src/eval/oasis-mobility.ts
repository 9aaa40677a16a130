// OaSIS mobility sentences as ground truth (rules in mobility-sentences.ts). What each rule makes
// relevant for a source profile p (never p itself; only profiles with requirements):
//   within-unit-group -> the other profiles of p's unit group;
//   supervisory       -> profiles of p's NOC major group (first 2 digits) whose label contains
//                        "supervisor";
//   management        -> TEER 0 profiles (second digit 0) of p's broad category (first digit);
//   senior-management -> the senior management profiles 0001x.
// oasis.mobility: the union over p's sentences; sources with an empty union are skipped.
// oasis.no-mobility: profiles with a negated within-unit-group sentence and no positive one,
// whose unit group has other profiles; the figure is the share of the top 10 in the unit group
// (lower is better). Split key: the 5-digit unit group.
import { join } from 'node:path';
import { openTable } from '@bridgework/importers';
import type { LoadedFramework } from './frameworks.ts';
import { byId, ratedIn, type GroundTruth, type SourceTruth } from './ground-truth.ts';
import { mentionsMobility, mobilityRules, MOBILITY_RULES, splitSentences, type MobilityRule } from './mobility-sentences.ts';
import { profileCode } from './oasis-exclusions.ts';

export const ADDITIONAL_INFORMATION_FILE = (dataDir: string) => join(dataDir, 'oasis-2023/additional-information_oasis_2023_v1.0.csv');

export interface Profile {
  code: string;
  label: string;
}

export interface MobilityTruths {
  mobility: SourceTruth[];
  noMobility: SourceTruth[];
  /** Sentences per rule (a sentence can match two), unparsed ones about mobility, and the rest. */
  sentences: Record<MobilityRule | 'unparsed' | 'other', number>;
  /** Sources per rule with a non-empty set. */
  sourcesByRule: Record<MobilityRule, number>;
}

/** `rows`: (profile code, additional information); `profiles`: those that can be sources and targets. */
export function mobilityTruths(rows: readonly { profile: string; text: string }[], profiles: readonly Profile[]): MobilityTruths {
  const sentences = { ...Object.fromEntries(MOBILITY_RULES.map((r) => [r, 0])), unparsed: 0, other: 0 } as MobilityTruths['sentences'];
  const rulesOf = new Map<string, Set<MobilityRule>>();
  for (const row of rows) {
    const code = profileCode(row.profile);
    for (const sentence of splitSentences(row.text)) {
      const rules = mobilityRules(sentence);
      if (rules.length === 0) sentences[mentionsMobility(sentence) ? 'unparsed' : 'other']++;
      for (const rule of rules) sentences[rule]++;
      if (code === undefined) continue;
      const set = rulesOf.get(code) ?? new Set<MobilityRule>();
      for (const rule of rules) set.add(rule);
      rulesOf.set(code, set);
    }
  }

  const known = new Map(profiles.map((p) => [p.code, p]));
  const targets: Record<MobilityRule, (p: Profile) => string[]> = {
    'within-unit-group': (p) => profiles.filter((q) => q.code.slice(0, 5) === p.code.slice(0, 5)).map((q) => q.code),
    'no-mobility': () => [],
    supervisory: (p) => profiles.filter((q) => q.code.slice(0, 2) === p.code.slice(0, 2) && /supervisor/i.test(q.label)).map((q) => q.code),
    management: (p) => profiles.filter((q) => q.code[0] === p.code[0] && q.code[1] === '0').map((q) => q.code),
    'senior-management': () => profiles.filter((q) => q.code.startsWith('0001')).map((q) => q.code),
  };
  const sourcesByRule = Object.fromEntries(MOBILITY_RULES.map((r) => [r, 0])) as Record<MobilityRule, number>;
  const mobility: SourceTruth[] = [];
  const noMobility: SourceTruth[] = [];
  for (const [code, rules] of rulesOf) {
    const p = known.get(code);
    if (p === undefined) continue;
    const relevant = new Set<string>();
    for (const rule of rules) {
      const set = targets[rule](p).filter((c) => c !== code);
      if (set.length > 0) sourcesByRule[rule]++;
      for (const c of set) relevant.add(c);
    }
    const key = code.slice(0, 5);
    if (relevant.size > 0) mobility.push({ source: code, key, relevant });
    if (rules.has('no-mobility') && !rules.has('within-unit-group')) {
      const unitGroup = new Set(targets['within-unit-group'](p).filter((c) => c !== code));
      if (unitGroup.size > 0) {
        sourcesByRule['no-mobility']++;
        noMobility.push({ source: code, key, relevant: unitGroup });
      }
    }
  }
  return { mobility: mobility.sort(byId), noMobility: noMobility.sort(byId), sentences, sourcesByRule };
}

export async function readAdditionalInformation(path: string): Promise<{ profile: string; text: string }[]> {
  const table = await openTable(path, { delimiter: ',', quote: '"' });
  const profile = table.column('OaSIS profile code');
  const text = table.column('Additional information (EN)', 'Additional information');
  const rows = [];
  for await (const row of table.rows()) rows.push({ profile: row.get(profile), text: row.get(text) });
  return rows;
}

export async function mobilityGroundTruths(oasis: LoadedFramework, dataDir: string): Promise<{ mobility: GroundTruth; noMobility: GroundTruth }> {
  const rows = await readAdditionalInformation(ADDITIONAL_INFORMATION_FILE(dataDir));
  const rated = ratedIn(oasis.index);
  const profiles = oasis.data.occupations.filter((o) => rated(o.id)).map((o) => ({ code: o.id, label: o.title.en }));
  const t = mobilityTruths(rows, profiles);
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
  const notes = [
    `oasis.mobility: sentences matched per rule: ${list(t.sentences)} (unparsed: about mobility but no rule; other: not about mobility)`,
    `oasis.mobility: sources with a non-empty set per rule: ${list(t.sourcesByRule)}; ${t.mobility.length} oasis.mobility sources, ${t.noMobility.length} oasis.no-mobility sources`,
  ];
  return {
    mobility: { name: 'oasis.mobility', framework: 'oasis', sources: t.mobility, measures: ['precision@10', 'recall@20'], notes },
    noMobility: { name: 'oasis.no-mobility', framework: 'oasis', sources: t.noMobility, measures: ['same-unit-group@10'], notes: [] },
  };
}
