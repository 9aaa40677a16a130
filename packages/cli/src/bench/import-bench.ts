// Import time and peak memory per real framework (each in its own child process), and the time
// to load a stored version back (SQLite; PostgreSQL too when the bench has one) and compile its index.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileIndex, type CompiledIndex } from '@bridgework/core';
import { openStore } from '@bridgework/store';
import { round, type BenchFigure } from './stats.ts';
import { benchPostgresLoad } from './store-load-bench.ts';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

export interface RealFramework {
  name: string;
  kind: string;
  path: string;
}

/**
 * `postgres`: a database URL where the bench may write; the framework kept (ESCO) is then also
 * saved to and loaded from PostgreSQL (store-load-bench.ts).
 */
export async function benchImport(framework: RealFramework, keepIndex: boolean, postgres?: string): Promise<{ figures: BenchFigure[]; index?: CompiledIndex }> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-'));
  try {
    const db = join(dir, 'bench.db');
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, framework.kind, framework.path, db], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`import of ${framework.name} failed: ${child.stderr.slice(-2000)}`);
    const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as { id: string; version: string; importMs: number; saveMs: number; peakRssMb: number; counts: Record<string, number> };
    const p = `import.${framework.name}`;
    const figures: BenchFigure[] = [
      { name: `${p}.time`, value: round(out.importMs, 1), unit: 'ms', requirements: out.counts.requirements, occupations: out.counts.occupations },
      { name: `${p}.save_time`, value: round(out.saveMs, 1), unit: 'ms' },
      { name: `${p}.peak_rss`, value: round(out.peakRssMb, 1), unit: 'MiB' },
    ];
    const store = await openStore(`sqlite:${db}`);
    const loadStart = performance.now();
    const data = await store.loadFramework(out.id, out.version);
    const loadMs = performance.now() - loadStart;
    await store.close();
    if (keepIndex && postgres !== undefined) figures.push(...(await benchPostgresLoad(framework.name, data, postgres)));
    const compileStart = performance.now();
    const index = compileIndex(data);
    const compileMs = performance.now() - compileStart;
    figures.push({ name: `store.${framework.name}.load_time`, value: round(loadMs, 1), unit: 'ms', driver: 'sqlite' });
    figures.push({ name: `index.${framework.name}.build_time`, value: round(compileMs, 1), unit: 'ms' });
    return keepIndex ? { figures, index } : { figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
