// `bridgework eval` (pnpm eval): ranking quality against ground truth no one here wrote, on a
// fixed tune split and test split of the source occupations, the model beside two baselines; one
// JSON line per figure: { name, value, n }. docs/evaluation.md says what each figure means.
//   --only <prefix,...>   ground truths by name prefix (onet29, esco.ccm, oasis, fqr)
//   --split tune|test|all the split(s) to measure (default all)
//   --options '<json>'    merged into the model's RankOptions (tuning runs)
//   --show <fw>:<occ>     one source's top 20 for the model and each baseline, relevant ones marked
//   --verbose             quartiles, derivation counts and per-source detail (stderr)
import { parseArgs } from 'node:util';
import { RankOptions, describeZodIssue, type RankOptionsInput } from '@bridgework/core';
import { frameworksDataDir, GROUND_TRUTHS, FRAMEWORK_OF, runEvaluation, selectGroundTruths, type SplitChoice } from '../eval/index.ts';
import { needsDataDir } from '../eval/frameworks.ts';
import { showSource } from '../eval/show.ts';
import { UsageError, type Io } from '../output.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      verbose: { type: 'boolean', default: false },
      only: { type: 'string' },
      split: { type: 'string', default: 'all' },
      options: { type: 'string' },
      show: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const split = values.split as SplitChoice;
  if (!['tune', 'test', 'all'].includes(split)) throw new UsageError(`--split must be tune, test or all, got "${values.split}"`);
  const only = values.only?.split(',').map((p) => p.trim()).filter((p) => p !== '') ?? [];
  let names;
  try {
    names = selectGroundTruths(only);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options = parseRankOptions(values.options);

  let dataDir = frameworksDataDir();
  if (!dataDir && names.some((n) => needsDataDir(FRAMEWORK_OF[n]))) {
    io.err('eval: ../shared/frameworks-data not found (set BRIDGEWORK_FRAMEWORKS_DATA); only fqr.named can run without it');
    if (only.length > 0 && !names.includes('fqr.named')) return 1;
    names = ['fqr.named'];
    dataDir = undefined;
  }

  if (values.show !== undefined) {
    for (const line of await showSource(values.show, { dataDir, options, only })) io.out(line);
    return 0;
  }

  const started = performance.now();
  const figures = await runEvaluation({
    only: names.length === GROUND_TRUTHS.length ? [] : names,
    split,
    options,
    ...(dataDir !== undefined ? { dataDir } : {}),
    quartiles: values.verbose,
    ...(values.verbose ? { log: (line: string) => io.err(line) } : {}),
  });
  for (const f of figures) io.out(JSON.stringify(f));
  if (values.verbose) io.err(`eval: ${figures.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

/** --options: JSON merged into RankOptions; checked here so a typo is a usage error, not a crash mid-run. */
function parseRankOptions(text: string | undefined): RankOptionsInput {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--options must be JSON: ${(error as Error).message}`);
  }
  const checked = RankOptions.safeParse(parsed);
  if (!checked.success || typeof parsed !== 'object' || parsed === null) {
    throw new UsageError(`--options is not a RankOptions object: ${checked.success ? 'expected an object' : checked.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${describeZodIssue(i)}`).join('; ')}`);
  }
  return parsed as RankOptionsInput;
}
