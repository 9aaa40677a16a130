// Measures one ground truth on one split: the model's ranking of each source and the two
// baselines' on the same candidates, undetermined occupations removed from all three before
// measuring, then the figures (means over sources, or the pooled median for median_rank).
import { Profile, rank, type RankOptionsInput } from '@bridgework/core';
import { BASELINES, baselineScores, topByScore, type Baseline } from './baselines.ts';
import type { LoadedFramework } from './frameworks.ts';
import type { GroundTruth, Measure, SourceTruth } from './ground-truth.ts';
import { hitsAt, precisionAt, ranksOf, recallAt, summaryFigures, type Figure } from './metrics.ts';
import { stepUpShare } from './realism.ts';
import { splitOf, type Split } from './split.ts';

export type Method = 'model' | Baseline;
export const METHODS: readonly Method[] = ['model', ...BASELINES];

/** rank() returns at most this many results (RankOptions.top). */
const MAX_TOP = 500;

/**
 * The model's ranked lists for one framework and one set of options, shared by every ground
 * truth on that framework in one run, so a source is ranked once. Each list is rank()'s own
 * top K, K large enough to leave the measured length once undetermined occupations are removed.
 */
export class ModelRankings {
  private readonly lists = new Map<string, string[]>();

  constructor(
    private readonly framework: LoadedFramework,
    private readonly options: RankOptionsInput,
  ) {}

  /** The first `length` results (all when undefined) of `source`, without `skip`. */
  ranked(source: string, length: number | undefined, skip?: ReadonlySet<string>): string[] {
    const candidates = this.framework.index.ratedCount - 1;
    const k = Math.min(MAX_TOP, candidates, length === undefined ? candidates : length + (skip?.size ?? 0));
    let list = this.lists.get(source);
    if (!list || (list.length < k && list.length < candidates)) {
      const profile = Profile.parse({ occupations: [{ occupation: source }] });
      list = rank(this.framework.index, profile, { ...this.options, top: k, explain: 0 }).results.map((r) => r.occupation.id);
      this.lists.set(source, list);
    }
    const kept = skip ? list.filter((id) => !skip.has(id)) : list;
    // rank() stops at 500: a source with more undetermined occupations than that leaves would be
    // measured on a shorter list than the baselines. None of today's ground truths comes close
    // (ESCO: at most 169); fail loudly rather than measure unequally.
    if (length !== undefined && kept.length < length && list.length < candidates && k === MAX_TOP) {
      throw new Error(`${source}: ${skip?.size ?? 0} undetermined occupations leave fewer than ${length} of rank()'s ${MAX_TOP} results`);
    }
    return length === undefined ? kept : kept.slice(0, length);
  }
}

/** Baseline lists depend on the framework and the ground truth only: kept for the whole process. */
const baselineLists = new WeakMap<LoadedFramework, Map<string, string[]>>();

function baselineRanked(framework: LoadedFramework, baseline: Baseline, truthName: string, truth: SourceTruth, length: number | undefined): string[] {
  let cache = baselineLists.get(framework);
  if (!cache) baselineLists.set(framework, (cache = new Map()));
  const key = `${baseline}\0${truthName}\0${truth.source}\0${length ?? 'all'}`;
  let list = cache.get(key);
  if (!list) {
    const { index } = framework;
    const s = index.occupationIndex.get(truth.source)!;
    list = topByScore(index, baselineScores(index, baseline, s), s, length ?? index.occupationCount, truth.undetermined);
    cache.set(key, list);
  }
  return list;
}

export interface SourceDetail {
  source: string;
  split: Split;
  /** 1-based rank of each relevant occupation in the model's list (after removing undetermined ones). */
  ranks: { id: string; rank: number }[];
}

export interface GroundTruthResult {
  figures: Figure[];
  detail: SourceDetail[];
}

export function evaluateGroundTruth(truth: GroundTruth, framework: LoadedFramework, model: ModelRankings, splits: readonly Split[], quartiles: boolean): GroundTruthResult {
  const figures: Figure[] = [];
  const detail: SourceDetail[] = [];
  const full = truth.measures.includes('median_rank');
  const length = full ? undefined : 20;
  for (const split of splits) {
    const sources = truth.sources.filter((s) => splitOf(s.key) === split);
    for (const method of METHODS) {
      const perMeasure = new Map<Measure, number[]>(truth.measures.map((m) => [m, []]));
      const realism: number[] = [];
      for (const t of sources) {
        const list = method === 'model' ? model.ranked(t.source, length, t.undetermined) : baselineRanked(framework, method, truth.name, t, length);
        for (const measure of truth.measures) perMeasure.get(measure)!.push(...measureValues(measure, list, t.relevant));
        const share = stepUpShare(framework.index, framework.preparation, t.source, list);
        if (!Number.isNaN(share)) realism.push(share);
        if (method === 'model' && full) {
          const ranks = list.flatMap((id, i) => (t.relevant.has(id) ? [{ id, rank: i + 1 }] : []));
          detail.push({ source: t.source, split, ranks });
        }
      }
      const prefix = method === 'model' ? `${truth.name}.${split}` : `${truth.name}.${split}.baseline.${method}`;
      for (const [measure, values] of perMeasure) {
        figures.push(...summaryFigures(`${prefix}.${measure}`, values, quartiles, measure === 'median_rank' ? 'median' : 'mean'));
      }
      figures.push(...summaryFigures(`${prefix}.realism`, realism, quartiles));
    }
  }
  return { figures, detail };
}

/** One value per source, except median_rank: one per relevant occupation, pooled over sources. */
function measureValues(measure: Measure, list: readonly string[], relevant: ReadonlySet<string>): number[] {
  switch (measure) {
    case 'precision@10':
      return [precisionAt(list, relevant, 10)];
    case 'recall@10':
      return [recallAt(list, relevant, 10)];
    case 'recall@20':
      return [recallAt(list, relevant, 20)];
    case 'same-unit-group@10':
      return [hitsAt(list, relevant, 10) / Math.max(1, Math.min(10, list.length))];
    case 'median_rank':
      return ranksOf(list, relevant);
  }
}
