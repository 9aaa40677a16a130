// The real evaluation, on the ground truth that needs no shared data (fqr.named, the alternatives
// the fqr-canada reports name): the figures it prints and the CLI around it.
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/index.ts';
import { runEvaluation } from '../src/eval/index.ts';
import { loadFramework } from '../src/eval/frameworks.ts';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, stdout, stderr };
}

const MEASURES = ['recall@10', 'recall@20', 'precision@10', 'median_rank', 'realism'];

describe('runEvaluation on fqr.named', () => {
  it('reports every measure for the model and both baselines on both splits', async () => {
    const figures = await runEvaluation({ only: ['fqr.named'] });
    const expected = ['tune', 'test'].flatMap((split) =>
      ['', 'baseline.cosine.', 'baseline.pearson.'].flatMap((method) => MEASURES.map((m) => `fqr.named.${split}.${method}${m}`)),
    );
    expect(figures.map((f) => f.name)).toEqual(expected);
    for (const f of figures) {
      expect(f.n).toBeGreaterThan(0);
      if (f.name.endsWith('median_rank')) expect(f.value).toBeGreaterThanOrEqual(1);
      else {
        expect(f.value).toBeGreaterThanOrEqual(0);
        expect(f.value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('measures only the split asked for, and the options change the model only', async () => {
    const tune = await runEvaluation({ only: ['fqr'], split: 'tune' });
    expect(tune.every((f) => f.name.startsWith('fqr.named.tune.'))).toBe(true);
    const other = await runEvaluation({ only: ['fqr'], split: 'tune', options: { weights: { field: 0 }, partialCredit: false } });
    const baselines = (fs: typeof tune) => fs.filter((f) => f.name.includes('.baseline.'));
    expect(baselines(other)).toEqual(baselines(tune));
  });

  it('ranks on an index compiled without the occupation links and notes ground truths come from', async () => {
    const fqr = await loadFramework('fqr', '');
    expect(fqr.data.occupationLinks.length).toBeGreaterThan(0);
    expect(fqr.data.occupations.some((o) => o.notes !== undefined)).toBe(true);
    expect(fqr.index.data.occupationLinks).toEqual([]);
    expect(fqr.index.data.occupations.filter((o) => o.notes !== undefined)).toEqual([]);
  });
});

describe('bridgework eval', () => {
  it('prints one JSON line per figure, and quartiles and detail with --verbose', async () => {
    const io = capture();
    expect(await main(['eval', '--only', 'fqr', '--split', 'test', '--verbose'], io)).toBe(0);
    const figures = io.stdout.map((line) => JSON.parse(line) as { name: string; value: number; n: number });
    expect(figures.map((f) => f.name)).toContain('fqr.named.test.recall@10.q1');
    expect(io.stderr.some((line) => /^fqr\.named test \S+: /.test(line))).toBe(true);
  });

  it('refuses an unknown ground truth, split or option as a usage error', async () => {
    for (const args of [['--only', 'onet30'], ['--split', 'train'], ['--options', '{"weights":{"fit":1}}'], ['--options', 'nope']]) {
      const io = capture();
      expect(await main(['eval', ...args], io)).toBe(2);
      expect(io.stdout).toEqual([]);
    }
  });

  it('shows one source with the relevant ones marked', async () => {
    const io = capture();
    expect(await main(['eval', '--show', 'fqr:physician'], io)).toBe(0);
    expect(io.stdout[0]).toBe('fqr physician Physician (family physician)');
    expect(io.stdout).toContain('model (fit)');
    expect(io.stdout.some((line) => /^\s+1 {2}\+ {2}[\d.]+ {2}physician-assistant {2}Physician assistant$/.test(line))).toBe(true);
  });
});
