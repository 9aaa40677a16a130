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

/** utime + stime of one process in clock ticks, or undefined when it (or /proc) is not there. */
function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 14 and 15 (utime, stime), counted after the ")" that ends the command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
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
