// The evaluation's public surface: runEvaluation for scripts (a tuning loop calls it with
// different RankOptions on the tune split), and the pieces the CLI and the tests use.
export { runEvaluation, selectGroundTruths, groundTruth, GROUND_TRUTHS, FRAMEWORK_OF, type EvaluationOptions, type GroundTruthName } from './run-evaluation.ts';
export { splitOf, splitsOf, SPLITS, type Split, type SplitChoice } from './split.ts';
export { frameworksDataDir } from './frameworks-data.ts';
export type { Figure } from './metrics.ts';
