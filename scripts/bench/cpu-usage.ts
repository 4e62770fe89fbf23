import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time from /proc (Linux), to say whether a phase was bound by the machine's cores or by waiting:
 * a process's user+system time, and the whole machine's busy and total time. Elsewhere: undefined.
 */
export interface CpuReading {
  at: number;
  /** Seconds of CPU each named process had used, by label; undefined when its /proc entry is gone. */
  processes: Record<string, number | undefined>;
  /** CPU seconds by pid of each group of processes sharing a command name (e.g. every PostgreSQL backend). */
  groups: Record<string, Map<number, number>>;
  machine?: { busy: number; total: number };
}

/** USER_HZ: 100 on every Linux this runs on (Node cannot ask sysconf). */
const TICKS = 100;

function processSeconds(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS; // utime, stime (fields 14, 15)
  } catch {
    return undefined;
  }
}

function machineSeconds(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1, 9).map(Number); // user nice system idle iowait irq softirq steal
    const total = v.reduce((s, x) => s + x, 0);
    return { busy: (total - v[3] - v[4]) / TICKS, total: total / TICKS };
  } catch {
    return undefined;
  }
}

/** CPU seconds by pid of every process whose command name is `comm` (e.g. all backends of a local PostgreSQL). */
function groupSeconds(comm: string): Map<number, number> {
  const found = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return found;
  }
  for (const e of entries) {
    try {
      if (readFileSync(`/proc/${e}/comm`, 'utf8').trim() !== comm) continue;
    } catch {
      continue; // gone meanwhile
    }
    const s = processSeconds(Number(e));
    if (s !== undefined) found.set(Number(e), s);
  }
  return found;
}

/** `pids`: single processes by label; `groups`: label -> command name of a set of processes (summed). */
export function readCpu(pids: Record<string, number | undefined>, groups: Record<string, string> = {}): CpuReading {
  const processes = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid === undefined ? undefined : processSeconds(pid)]));
  const byGroup = Object.fromEntries(Object.entries(groups).map(([k, comm]) => [k, groupSeconds(comm)]));
  return { at: performance.now(), processes, groups: byGroup, machine: machineSeconds() };
}

/** `nfvo 92 %, subscriber 6 %, machine 97 % of 2 cores` over the interval: % of one core per process. */
export function describeCpu(from: CpuReading, to: CpuReading): string {
  const wall = (to.at - from.at) / 1000;
  if (wall <= 0) return 'n/a';
  const parts = Object.keys(from.processes).map((k) => {
    const a = from.processes[k];
    const b = to.processes[k];
    return `${k} ${a === undefined || b === undefined ? 'n/a' : `${Math.round((100 * (b - a)) / wall)} %`}`;
  });
  for (const [k, later] of Object.entries(to.groups)) {
    const earlier = from.groups[k] ?? new Map<number, number>();
    if (later.size === 0 && earlier.size === 0) {
      parts.push(`${k} n/a`);
      continue;
    }
    // Processes that started in between count whole; those that exited in between are lost (hence "at least").
    let used = 0;
    for (const [pid, s] of later) used += s - (earlier.get(pid) ?? 0);
    const exited = [...earlier.keys()].filter((pid) => !later.has(pid)).length;
    parts.push(`${k} ${exited ? '>= ' : ''}${Math.round((100 * used) / wall)} % (${later.size} processes${exited ? `, ${exited} exited meanwhile` : ''})`);
  }
  if (from.machine && to.machine) {
    const total = to.machine.total - from.machine.total;
    parts.push(`machine ${total > 0 ? Math.round((100 * (to.machine.busy - from.machine.busy)) / total) : 0} % of ${cpus().length} cores`);
  }
  return `${parts.join(', ')} (process figures in % of one core)`;
}
