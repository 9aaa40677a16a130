// Store figures at ESCO size (3,000 occupations, 14,000 competencies, 124,000 requirements),
// printed as JSON lines: generate, save, first load on a fresh connection, repeated loads
// (median), delete, and what a per-row zod parse of the requirements would add to a load.
// Wall times suffer when other processes share the cores; cpu_ms is this process's own work.
// Run: node --import tsx packages/store/test/bench-store.ts [loads=5]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Requirement } from '@bridgework/core';
import { countRecords } from '../src/index.ts';
import { openSqliteStore } from '../src/sqlite/index.ts';
import { ESCO_SIZE, generateFullFramework } from './generate-full-framework.ts';

const loads = Number(process.argv[2] ?? 5);
const print = (name: string, figures: Record<string, number | string>): void => console.log(JSON.stringify({ name, ...figures }));
const round = (ms: number): number => Math.round(ms);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Wall time; CPU time of this process (user + system) is kept in `cpu` for the last call. */
let cpu = 0;
async function time<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(startedCpu);
  cpu = (used.user + used.system) / 1_000;
  return [result, performance.now() - started];
}

const dir = mkdtempSync(join(tmpdir(), 'bw-bench-'));
try {
  const path = join(dir, 'bench.db');
  const [data, generateMs] = await time(() => generateFullFramework(ESCO_SIZE, { id: 'esco-size' }));
  const counts = countRecords(data);
  print('store.generate', { ms: round(generateMs), ...counts });

  const writer = openSqliteStore(path);
  const [, saveMs] = await time(() => writer.saveFramework(data));
  await writer.close();
  print('store.save', { ms: round(saveMs), cpu_ms: round(cpu), bytes: statSync(path).size });

  const reader = openSqliteStore(path);
  const [loaded, firstLoadMs] = await time(() => reader.loadFramework('esco-size'));
  print('store.load.first', { ms: round(firstLoadMs), cpu_ms: round(cpu) });
  const loadTimes: number[] = [];
  const loadCpu: number[] = [];
  for (let run = 0; run < loads; run++) {
    loadTimes.push((await time(() => reader.loadFramework('esco-size')))[1]);
    loadCpu.push(cpu);
  }
  print('store.load', {
    median_ms: round(median(loadTimes)),
    min_ms: round(Math.min(...loadTimes)),
    max_ms: round(Math.max(...loadTimes)),
    median_cpu_ms: round(median(loadCpu)),
    runs: loads,
  });

  const [, parseMs] = await time(() => loaded.requirements.forEach((r) => Requirement.parse(r)));
  print('store.load.requirements_zod_parse_would_add', { ms: round(parseMs) });

  const [, deleteMs] = await time(() => reader.deleteFrameworkVersion('esco-size', data.framework.version));
  print('store.delete', { ms: round(deleteMs) });
  await reader.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
