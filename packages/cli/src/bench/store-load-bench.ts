// Load-from-store on PostgreSQL, beside the SQLite figure import-bench.ts takes: the framework
// already read is saved into the bench's PostgreSQL schema (BRIDGEWORK_BENCH_DATABASE_URL), loaded
// back on a fresh connection three times (median reported) and deleted again.
import type { FrameworkData } from '@bridgework/core';
import { openStore } from '@bridgework/store';
import { round, type BenchFigure } from './stats.ts';

export async function benchPostgresLoad(name: string, data: FrameworkData, database: string): Promise<BenchFigure[]> {
  const writer = await openStore(database);
  const saveStart = performance.now();
  const saved = await writer.saveFramework(data, { replace: true });
  const saveMs = performance.now() - saveStart;
  await writer.close();
  const reader = await openStore(database);
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await reader.loadFramework(saved.id, saved.version);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return [
      { name: `store.postgres.${name}.save_time`, value: round(saveMs, 1), unit: 'ms', driver: 'postgres' },
      { name: `store.postgres.${name}.load_time`, value: round(times[1]!, 1), unit: 'ms', driver: 'postgres', runs: 3, min: round(times[0]!, 1), max: round(times[2]!, 1) },
    ];
  } finally {
    await reader.deleteFrameworkVersion(saved.id, saved.version);
    await reader.close();
  }
}
