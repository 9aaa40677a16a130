// CPU time used by a process and its children (a server and its cluster workers), read from
// /proc on Linux: a steadier figure than requests per second on a shared machine, where other
// tenants and the load generator take cores away. Undefined where /proc is not available.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ); 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** Milliseconds of user + system CPU used so far by `pid` and its direct children. */
export function treeCpuMs(pid: number): number | undefined {
  const own = processTicks(pid);
  if (own === undefined) return undefined;
  let ticks = own;
  // A child that exits between the listing and the read has nothing left to count.
  for (const child of childrenOf(pid)) ticks += processTicks(child) ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Milliseconds of CPU used by the children a process has waited for (cutime + cstime), from its
 * /proc/<pid>/stat line: a shell that ran a program and waited reports the program's CPU here.
 */
export function waitedChildrenCpuMs(stat: string): number | undefined {
  const fields = statFields(stat);
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}

/** utime + stime of one process in clock ticks, or undefined when it (or /proc) is not there. */
function processTicks(pid: number): number | undefined {
  try {
    const fields = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * The fields of a /proc/<pid>/stat line after the ")" that ends the command name (which may hold
 * spaces): [0] is field 3 (state), [11] and [12] fields 14 and 15 (utime, stime), [13] and [14]
 * fields 16 and 17 (cutime, cstime).
 */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
