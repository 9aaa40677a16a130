// runEvaluation(): every ground truth (or those `only` names), on the tune split, the test split
// or both, for the model with the given RankOptions and the two baselines. Frameworks and ground
// truths are built once per process, so a tuning script can call it in a loop.
import type { RankOptionsInput } from '@bridgework/core';
import { escoCodes, escoGroundTruth } from './esco-ground-truth.ts';
import type { EscoCodes } from './esco-projection.ts';
import { evaluateGroundTruth, ModelRankings } from './evaluate.ts';
import { onCatalogue } from './catalogue-truths.ts';
import { fqrGroundTruth } from './fqr-named.ts';
import { loadFramework, needsDataDir, type FrameworkKey, type LoadedFramework } from './frameworks.ts';
import type { GroundTruth } from './ground-truth.ts';
import type { Figure } from './metrics.ts';
import { exclusionsGroundTruth } from './oasis-exclusions.ts';
import { mobilityGroundTruths } from './oasis-mobility.ts';
import { careerChangerLists, onetGroundTruth, relatedLists } from './onet-lists.ts';
import { splitsOf, type SplitChoice } from './split.ts';

export const GROUND_TRUTHS = [
  'onet29.related',
  'onet29.ccm',
  'onet25.ccm',
  'esco.related',
  'esco.ccm',
  'oasis.exclusions',
  'oasis.mobility',
  'oasis.no-mobility',
  'fqr.named',
  'canada.exclusions',
  'canada.mobility',
  'canada.named',
] as const;
export type GroundTruthName = (typeof GROUND_TRUTHS)[number];

export const FRAMEWORK_OF: Record<GroundTruthName, FrameworkKey> = {
  'onet29.related': 'onet29',
  'onet29.ccm': 'onet29',
  'onet25.ccm': 'onet25',
  'esco.related': 'esco',
  'esco.ccm': 'esco',
  'oasis.exclusions': 'oasis',
  'oasis.mobility': 'oasis',
  'oasis.no-mobility': 'oasis',
  'fqr.named': 'fqr',
  'canada.exclusions': 'canada',
  'canada.mobility': 'canada',
  'canada.named': 'canada',
};

export interface EvaluationOptions {
  /** Name prefixes (`onet29`, `esco.ccm`, `oasis`); every ground truth when absent or empty. */
  only?: readonly string[];
  split?: SplitChoice;
  /** Merged into the model's RankOptions (top and explain are the evaluation's). */
  options?: RankOptionsInput;
  /** The shared frameworks-data folder; needed by every ground truth but fqr.named. */
  dataDir?: string;
  /** Also q1 / median / q3 of every mean. */
  quartiles?: boolean;
  /** Derivation counts and per-source detail lines (the CLI's --verbose). */
  log?: (line: string) => void;
}

/** Ground truths by a list of name prefixes; throws naming the known ones for a prefix that selects nothing. */
export function selectGroundTruths(only: readonly string[] = []): GroundTruthName[] {
  if (only.length === 0) return [...GROUND_TRUTHS];
  const matches = (name: string, prefix: string) => name === prefix || name.startsWith(`${prefix}.`);
  for (const prefix of only) {
    if (!GROUND_TRUTHS.some((n) => matches(n, prefix))) throw new Error(`unknown ground truth "${prefix}"; expected a prefix of ${GROUND_TRUTHS.join(', ')}`);
  }
  return GROUND_TRUTHS.filter((n) => only.some((p) => matches(n, p)));
}

export async function runEvaluation(evaluation: EvaluationOptions = {}): Promise<Figure[]> {
  const names = selectGroundTruths(evaluation.only);
  const splits = splitsOf(evaluation.split ?? 'all');
  const log = evaluation.log ?? (() => {});
  const rankings = new Map<FrameworkKey, ModelRankings>();
  const figures: Figure[] = [];
  for (const name of names) {
    const started = performance.now();
    const truth = await groundTruth(name, evaluation.dataDir);
    const framework = await loadFramework(truth.framework, evaluation.dataDir ?? '');
    let model = rankings.get(truth.framework);
    if (!model) rankings.set(truth.framework, (model = new ModelRankings(framework, evaluation.options ?? {})));
    const result = evaluateGroundTruth(truth, framework, model, splits, evaluation.quartiles ?? false);
    figures.push(...result.figures);
    for (const note of truth.notes) log(note);
    if (name === 'fqr.named' || name === 'canada.named') for (const d of result.detail) log(`${name} ${d.split} ${d.source}: ${d.ranks.map((r) => `${r.id}@${r.rank}`).join(' ')}`);
    log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return figures;
}

const truths = new Map<string, Promise<GroundTruth>>();

/** A ground truth, built once per process and data folder. */
export function groundTruth(name: GroundTruthName, dataDir: string | undefined): Promise<GroundTruth> {
  const key = `${name}\0${dataDir ?? ''}`;
  let pending = truths.get(key);
  if (!pending) {
    pending = buildGroundTruth(name, dataDir);
    truths.set(key, pending);
    pending.catch(() => truths.delete(key));
  }
  return pending;
}

async function buildGroundTruth(name: GroundTruthName, dataDir: string | undefined): Promise<GroundTruth> {
  const framework = FRAMEWORK_OF[name];
  if ((needsDataDir(framework) || name === 'canada.exclusions' || name === 'canada.mobility') && dataDir === undefined) throw new Error(`${name} needs the shared frameworks-data folder (dataDir)`);
  const dir = dataDir ?? '';
  const load = (key: FrameworkKey): Promise<LoadedFramework> => loadFramework(key, dir);
  switch (name) {
    case 'onet29.related':
      return onetGroundTruth(name, relatedLists((await load('onet29')).data), await load('onet29'));
    case 'onet29.ccm':
      return onetGroundTruth(name, careerChangerLists((await load('onet25')).data), await load('onet29'));
    case 'onet25.ccm':
      return onetGroundTruth(name, careerChangerLists((await load('onet25')).data), await load('onet25'));
    case 'esco.related':
      return escoGroundTruth(name, await load('esco'), await escoCodesOnce(dir), relatedLists((await load('onet29')).data), 'O*NET 29 Related Occupations, Index 1-10');
    case 'esco.ccm':
      return escoGroundTruth(name, await load('esco'), await escoCodesOnce(dir), careerChangerLists((await load('onet25')).data), 'the O*NET 25 Career Changers Matrix');
    case 'oasis.exclusions':
      return exclusionsGroundTruth(await load('oasis'), dir);
    case 'oasis.mobility':
      return (await mobilityOnce(dir)).mobility;
    case 'oasis.no-mobility':
      return (await mobilityOnce(dir)).noMobility;
    case 'fqr.named':
      return fqrGroundTruth(await load('fqr'));
    case 'canada.exclusions':
      return onCatalogue(await exclusionsGroundTruth(await load('oasis'), dir), await load('canada'), name);
    case 'canada.mobility':
      return onCatalogue((await mobilityOnce(dir)).mobility, await load('canada'), name);
    case 'canada.named':
      return fqrGroundTruth(await load('canada'), name);
  }
}

const escoCodeCache = new Map<string, Promise<EscoCodes>>();
function escoCodesOnce(dir: string): Promise<EscoCodes> {
  let pending = escoCodeCache.get(dir);
  if (!pending) escoCodeCache.set(dir, (pending = loadFramework('esco', dir).then((esco) => escoCodes(esco, dir))));
  return pending;
}

const mobilityCache = new Map<string, ReturnType<typeof mobilityGroundTruths>>();
function mobilityOnce(dir: string): ReturnType<typeof mobilityGroundTruths> {
  let pending = mobilityCache.get(dir);
  if (!pending) mobilityCache.set(dir, (pending = loadFramework('oasis', dir).then((oasis) => mobilityGroundTruths(oasis, dir))));
  return pending;
}
