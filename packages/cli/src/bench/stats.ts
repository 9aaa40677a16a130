// Timing helpers for `pnpm bench`: percentiles over repeated runs, and figures as JSON lines.

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  n?: number;
  [extra: string]: unknown;
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const i = Math.min(sortedAscending.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAscending.length) - 1));
  return sortedAscending[i]!;
}

/**
 * Runs fn once per input after an untimed pass over the same inputs (the JIT settles after a few
 * hundred calls; a server runs warm), and returns milliseconds per run, sorted.
 */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = inputs.length): number[] {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i]!);
  const times = new Array<number>(inputs.length);
  inputs.forEach((input, i) => {
    const start = performance.now();
    fn(input);
    times[i] = performance.now() - start;
  });
  return times.sort((a, b) => a - b);
}

export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export function latencyFigures(prefix: string, sortedMs: readonly number[]): BenchFigure[] {
  return [
    { name: `${prefix}.p50`, value: round(percentile(sortedMs, 50)), unit: 'ms', n: sortedMs.length },
    { name: `${prefix}.p99`, value: round(percentile(sortedMs, 99)), unit: 'ms', n: sortedMs.length },
  ];
}
