// `bridgework bench` (pnpm bench): performance figures as JSON lines { name, value, unit }.
// Scoring on a generated framework of 3,000 occupations x 14,000 competencies x 150,000
// requirements and on full ESCO (with the numpy/scipy peer in the same run, as a ratio);
// import time, peak memory and load-from-store time per real framework; the latency of a cheap
// request during an ESCO import and a held lock, and the cost bounds at their worst (stall-bench);
// HTTP rank throughput.
// With BRIDGEWORK_BENCH_DATABASE_URL (a PostgreSQL database the bench may write to), load-from-store
// and HTTP rank are measured on PostgreSQL too, with one and with two server processes.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileIndex, fitRow, generateFramework, Profile, type CompiledIndex } from '@bridgework/core';
import { benchImport, type RealFramework } from '../bench/import-bench.ts';
import { wrkInstalled, type LoadGeneratorName } from '../bench/load-generators.ts';
import { runScipyPeer } from '../bench/peer-bench.ts';
import { benchRank, benchScoring } from '../bench/scoring-bench.ts';
import { round, timeOnce, type BenchFigure } from '../bench/stats.ts';
import { frameworksDataDir, REPO_ROOT } from '../eval/frameworks-data.ts';
import { UsageError, type Io } from '../output.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      'skip-imports': { type: 'boolean', default: false },
      'skip-http': { type: 'boolean', default: false },
      'load-generator': { type: 'string' },
    },
  });
  // Chosen before any timing, so a wrong flag does not cost a whole run.
  const loadGenerator = values['skip-http'] ? undefined : chooseLoadGenerator(values['load-generator'], io);
  const emit = (figures: BenchFigure[]) => figures.forEach((f) => io.out(JSON.stringify(f)));
  // PostgreSQL figures need a database the bench may write to; without one they are skipped.
  const postgres = process.env.BRIDGEWORK_BENCH_DATABASE_URL?.trim() || undefined;
  if (!postgres) io.err('bench: BRIDGEWORK_BENCH_DATABASE_URL not set; PostgreSQL figures (load from store, HTTP) skipped');
  const profiles = values.quick ? 200 : 1000;

  emit(benchGenerated(profiles));

  const data = frameworksDataDir();
  if (!data) {
    io.err('bench: ../shared/frameworks-data not found; real-framework figures skipped');
    return 0;
  }
  const real: RealFramework[] = [
    { name: 'esco-1.1.1', kind: 'esco', path: join(data, 'esco-1.1.1') },
    { name: 'onet-29', kind: 'onet', path: join(data, 'onet-29') },
    { name: 'onet-25', kind: 'onet', path: join(data, 'onet-25') },
    { name: 'oasis-2023', kind: 'oasis', path: join(data, 'oasis-2023') },
    { name: 'noc-2021', kind: 'noc', path: join(data, 'noc-2021-csv') },
    { name: 'esco-tabiya-sample', kind: 'tabiya', path: join(data, 'esco-sample-tabiya') },
    { name: 'esco-tabiya-1.1.2', kind: 'tabiya', path: join(data, 'esco-1.1.2-tabiya') },
    { name: 'fqr-canada', kind: 'native', path: join(REPO_ROOT, 'frameworks/fqr-canada') },
  ];
  let esco: CompiledIndex | undefined;
  for (const framework of values['skip-imports'] ? real.slice(0, 1) : real) {
    const { figures, index } = await benchImport(framework, framework.name === 'esco-1.1.1', postgres);
    emit(figures);
    if (index) esco = index;
  }
  if (!esco) return 0;

  // Same work as the peer: rank every occupation for a profile, keep the top 20; we also build
  // explanations for the top 10.
  const ours = benchScoring('esco', esco, { profiles, top: 20, explain: 10 });
  emit(ours);
  // The peer's own work (no partial credit, no explanation), for a like-for-like ratio as well.
  const plain = benchRank('esco.scores_only', esco, { top: 20, explain: 0, partialCredit: false }, profiles);
  emit(plain);
  const peer = runScipyPeer(join(REPO_ROOT, '../shared/peers/rank_scipy.py'), join(data, 'esco-1.1.1/occupationSkillRelations.csv'), profiles);
  if ('skipped' in peer) io.err(`bench: scipy peer skipped: ${peer.skipped}`);
  else {
    emit(peer);
    const peerP50 = peer.find((f) => f.name === 'peer.rank.p50_ms')?.value;
    const peerP99 = peer.find((f) => f.name === 'peer.rank.p99_ms')?.value;
    const ourP50 = ours.find((f) => f.name === 'esco.rank.p50')!.value;
    const ourP99 = ours.find((f) => f.name === 'esco.rank.p99')!.value;
    if (peerP50 !== undefined) emit([{ name: 'esco.rank.speedup_vs_scipy.p50', value: round(peerP50 / ourP50, 1), unit: 'x' }]);
    if (peerP99 !== undefined) emit([{ name: 'esco.rank.speedup_vs_scipy.p99', value: round(peerP99 / ourP99, 1), unit: 'x' }]);
    const plainP50 = plain.find((f) => f.name === 'esco.scores_only.rank.p50')!.value;
    if (peerP50 !== undefined) emit([{ name: 'esco.scores_only.rank.speedup_vs_scipy.p50', value: round(peerP50 / plainP50, 1), unit: 'x' }]);
  }

  emit(benchTransitionTable(esco));
  // What a cheap request waits for during an ESCO import and a held lock; the cost bounds at their worst.
  if (!values['skip-http']) {
    const { benchStalls } = await import('../bench/stall-bench.ts');
    emit(await benchStalls({ path: join(data, 'esco-1.1.1'), data: esco.data }));
  }

  if (loadGenerator) {
    const { benchHttp } = await import('../bench/http-bench.ts');
    const source = `esco:${join(data, 'esco-1.1.1')}`;
    emit(await benchHttp(esco.data, { quick: values.quick, source, workers: [...new Set([1, availableParallelism()])], loadGenerator, ...(postgres ? { postgres } : {}) }));
  }
  return 0;
}

/** wrk when installed (its own CPU per request is a fraction of autocannon's), else autocannon. */
function chooseLoadGenerator(asked: string | undefined, io: Io): LoadGeneratorName {
  if (asked !== undefined && asked !== 'wrk' && asked !== 'autocannon') {
    throw new UsageError(`--load-generator must be wrk or autocannon, not "${asked}"`);
  }
  if (asked === 'autocannon') return 'autocannon';
  if (wrkInstalled()) return 'wrk';
  if (asked === 'wrk') throw new UsageError('--load-generator wrk: wrk is not installed (Debian: apt-get install wrk)');
  io.err('bench: wrk not found, HTTP figures use autocannon in this process (apt-get install wrk for a lighter load generator)');
  return 'autocannon';
}

/**
 * The whole asymmetric transition table of a framework, scores only: every occupation as the
 * profile, the fit of every other occupation (ESCO: 3,007 x 3,007). Nesta's Career Causeways
 * computes this batch offline; here it is one pass per row.
 */
function benchTransitionTable(index: CompiledIndex): BenchFigure[] {
  const row = new Float32Array(index.occupationCount);
  const sources = index.occupations.filter((_, o) => index.totalWeightedLevel[o]! > 0).map((o) => Profile.parse({ occupations: [{ occupation: o.id }] }));
  for (const p of sources.slice(0, 200)) fitRow(index, p, { partialCredit: false }, row);
  const timed = timeOnce(() => {
    let checksum = 0;
    for (const p of sources) checksum += fitRow(index, p, { partialCredit: false }, row)[0]!;
    return checksum;
  });
  return [
    { name: 'esco.transition_table.time', value: round(timed.ms, 1), unit: 'ms', rows: sources.length, columns: index.occupationCount },
    { name: 'esco.transition_table.per_row', value: round(timed.ms / sources.length, 4), unit: 'ms' },
  ];
}

/** Scoring on a generated framework; returned figures only, so the framework can be collected before ESCO is timed. */
function benchGenerated(profiles: number): BenchFigure[] {
  const generated = generateFramework({ occupations: 3000, competencies: 14000, requirements: 150000 });
  const built = timeOnce(() => compileIndex(generated));
  return [
    { name: 'index.generated.build_time', value: round(built.ms, 1), unit: 'ms', requirements: generated.requirements.length },
    ...benchScoring('generated', built.value, { profiles }),
  ];
}
