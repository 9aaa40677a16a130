// `bridgework eval --show <framework>:<occupation>`: one source's top 20 for the model and each
// baseline, with titles, marking what each ground truth on that framework counts as relevant
// (and what it leaves undetermined). For looking at cases, not for measuring.
import { Profile, rank, type RankOptionsInput } from '@bridgework/core';
import { BASELINES, baselineScores, topByScore } from './baselines.ts';
import { FRAMEWORK_KEYS, loadFramework, type FrameworkKey } from './frameworks.ts';
import type { SourceTruth } from './ground-truth.ts';
import { FRAMEWORK_OF, groundTruth, selectGroundTruths } from './run-evaluation.ts';
import { splitOf } from './split.ts';

export interface ShowOptions {
  dataDir: string | undefined;
  options?: RankOptionsInput;
  only?: readonly string[];
}

/** `reference` is `<framework>:<occupation id, code or title>`, e.g. `onet29:29-1141.00`. */
export async function showSource(reference: string, show: ShowOptions): Promise<string[]> {
  const at = reference.indexOf(':');
  const key = reference.slice(0, at) as FrameworkKey;
  if (at < 0 || !FRAMEWORK_KEYS.includes(key)) throw new Error(`--show takes <framework>:<occupation>, framework one of ${FRAMEWORK_KEYS.join(', ')}; got "${reference}"`);
  const framework = await loadFramework(key, show.dataDir ?? '');
  const { index } = framework;
  const occupation = index.lookup.resolve(reference.slice(at + 1));
  const s = index.occupationIndex.get(occupation.id)!;

  const names = selectGroundTruths(show.only).filter((n) => FRAMEWORK_OF[n] === key);
  const truths: { name: string; truth: SourceTruth | undefined }[] = [];
  for (const name of names) {
    const truth = (await groundTruth(name, show.dataDir)).sources.find((t) => t.source === occupation.id);
    truths.push({ name, truth });
  }
  const lines = [`${key} ${occupation.id} ${occupation.title.en}`];
  for (const { name, truth } of truths) {
    lines.push(
      truth
        ? `  ${name}: ${truth.relevant.size} relevant, ${truth.undetermined?.size ?? 0} undetermined, split ${splitOf(truth.key)} (key ${truth.key})`
        : `  ${name}: not a source`,
    );
  }
  lines.push(`  marks: the ground truths above in order, + relevant, ? undetermined (removed before measuring), . neither`);

  const top = 20;
  const model = rank(index, Profile.parse({ occupations: [{ occupation: occupation.id }] }), { ...show.options, top, explain: 0 }).results.map((r) => ({
    id: r.occupation.id,
    score: r.fit,
  }));
  const lists = [
    { method: 'model (fit)', results: model },
    ...BASELINES.map((b) => {
      const scores = baselineScores(index, b, s);
      return { method: b, results: topByScore(index, scores, s, top).map((id) => ({ id, score: scores[index.occupationIndex.get(id)!]! })) };
    }),
  ];
  for (const { method, results } of lists) {
    lines.push('', method);
    results.forEach((r, i) => {
      const marks = truths.map(({ truth }) => (!truth ? ' ' : truth.relevant.has(r.id) ? '+' : truth.undetermined?.has(r.id) ? '?' : '.')).join('');
      const title = index.occupations[index.occupationIndex.get(r.id)!]!.title.en;
      lines.push(`  ${String(i + 1).padStart(2)}  ${marks}  ${r.score.toFixed(3)}  ${r.id}  ${title}`);
    });
  }
  return lines;
}
