// The numpy/scipy reference from ../shared/peers, run in the same session as our rank so the
// two can be compared as a ratio (machines are shared and noisy; absolute times are not).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BenchFigure } from './stats.ts';

export function runScipyPeer(script: string, relationsCsv: string, profiles: number): BenchFigure[] | { skipped: string } {
  if (!existsSync(script)) return { skipped: `peer script not found at ${script}` };
  const run = spawnSync('python3', [script, relationsCsv, String(profiles)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) return { skipped: `peer failed: ${(run.stderr || run.error?.message || '').slice(-500)}` };
  return run.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as BenchFigure);
}
