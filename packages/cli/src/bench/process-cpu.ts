// CPU time used by a process and its children (a server and its cluster workers), read from
// /proc on Linux: a steadier figure than requests per second on a shared machine, where other
// tenants and the load generator take cores away. Undefined where /proc is not available.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ); 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** Milliseconds of user + system CPU used so far by `pid` and its direct children. */
export function treeCpuMs(pid: number): number | undefined {
  const pids = [pid, ...childrenOf(pid)];
  let ticks = 0;
  for (const p of pids) {
    const fields = statFields(p);
    if (!fields) return p === pid ? undefined : ticks;
    // Fields 14 and 15 (utime, stime), counted after the ")" that ends the command name.
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
