// Load generators for the HTTP figures: wrk (C, from Debian's package) when it is installed,
// autocannon (JavaScript, in this process) otherwise. On a 2-core machine the load generator
// shares the cores with the server, so its own cost is part of the figure: autocannon parses each
// 48 KiB ranking in JavaScript for about 0.35 ms of CPU, wrk for a small fraction of that.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { waitedChildrenCpuMs } from './process-cpu.ts';

export type LoadGeneratorName = 'wrk' | 'autocannon';

export interface LoadRequest {
  method: 'POST';
  path: string;
  body: string;
}

export interface LoadOptions {
  url: string;
  /** Sent in turn, each connection cycling through them. */
  requests: readonly LoadRequest[];
  connections: number;
  durationSeconds: number;
  /** A folder for wrk's script. */
  dir: string;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Response bytes received, headers included. */
  bytes: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failed: number;
  /** CPU the load generator used, when it can be read. */
  clientCpuMs: number | undefined;
}

export function wrkInstalled(): boolean {
  const probe = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  return probe.error === undefined && /wrk/.test(`${probe.stdout}${probe.stderr}`);
}

export function runLoad(generator: LoadGeneratorName, options: LoadOptions): Promise<LoadResult> {
  return generator === 'wrk' ? runWrk(options) : runAutocannon(options);
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const before = process.cpuUsage();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: options.requests.map((r) => ({ ...r, headers: { 'content-type': 'application/json' } })),
  });
  const cpu = process.cpuUsage(before);
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytes: result.throughput.total,
    failed: result.non2xx + result.errors + result.timeouts,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

const RESULT_PREFIX = 'BRIDGEWORK_WRK ';
const STAT_PREFIX = 'BRIDGEWORK_STAT ';

/**
 * One wrk thread (it drives far more requests than two cores can serve) with a Lua script that
 * sends the bodies in turn and prints its summary as JSON. wrk runs under sh, which prints its own
 * /proc stat after waiting for wrk: the cutime/cstime fields then hold wrk's CPU time.
 */
async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const script = join(options.dir, 'load.lua');
  writeFileSync(script, wrkScript(options.requests));
  const args = ['-t1', `-c${options.connections}`, `-d${options.durationSeconds}s`, '--timeout', '10s', '-s', script, options.url];
  const child = spawn('sh', ['-c', `wrk "$@"; status=$?; echo "${STAT_PREFIX}$(cat /proc/$$/stat 2>/dev/null)"; exit $status`, 'sh', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
  const summary = JSON.parse(line.slice(RESULT_PREFIX.length)) as WrkSummary;
  const shellStat = stdout.split('\n').find((l) => l.startsWith(STAT_PREFIX))?.slice(STAT_PREFIX.length);
  const seconds = summary.duration_us / 1e6;
  return {
    requests: summary.requests,
    requestsPerSecond: seconds > 0 ? summary.requests / seconds : 0,
    p50Ms: summary.p50_us / 1000,
    p99Ms: summary.p99_us / 1000,
    bytes: summary.bytes,
    failed: summary.errors + summary.status + summary.timeouts,
    clientCpuMs: shellStat ? waitedChildrenCpuMs(shellStat) : undefined,
  };
}

interface WrkSummary {
  requests: number;
  duration_us: number;
  bytes: number;
  errors: number;
  status: number;
  timeouts: number;
  p50_us: number;
  p99_us: number;
}

function wrkScript(requests: readonly LoadRequest[]): string {
  // Lua long strings need a closing bracket that occurs in no body.
  let level = 1;
  while (requests.some((r) => r.body.includes(`]${'='.repeat(level)}]`))) level++;
  const open = `[${'='.repeat(level)}[`;
  const close = `]${'='.repeat(level)}]`;
  const entries = requests.map((r) => `  { ${luaString(r.method)}, ${luaString(r.path)}, ${open}${r.body}${close} },`);
  return [
    'local bodies = {',
    ...entries,
    '}',
    'local requests = {}',
    'local i = 0',
    // Formatted once per thread, after wrk has set its host header.
    'init = function(_)',
    '  for n, b in ipairs(bodies) do',
    '    requests[n] = wrk.format(b[1], b[2], { ["content-type"] = "application/json" }, b[3])',
    '  end',
    'end',
    'request = function()',
    '  i = i % #requests + 1',
    '  return requests[i]',
    'end',
    'done = function(summary, latency, _)',
    '  local e = summary.errors',
    `  io.write(string.format('${RESULT_PREFIX}{"requests":%d,"duration_us":%d,"bytes":%d,"errors":%d,"status":%d,"timeouts":%d,"p50_us":%d,"p99_us":%d}\\n',`,
    '    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write, e.status, e.timeout,',
    '    latency:percentile(50), latency:percentile(99)))',
    'end',
    '',
  ].join('\n');
}

function luaString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
