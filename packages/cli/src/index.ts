export { main } from './main.ts';
export type { Io } from './output.ts';
export { runEvaluation, type EvaluationOptions, type Figure } from './eval/index.ts';
