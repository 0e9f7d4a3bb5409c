// CPU time used by a process tree, read from /proc (Linux only), so the bench can say whether
// the app or Postgres was the busier side during the ingest.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

interface ProcessStat {
  pid: number;
  parentPid: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  ticks: number;
}

function readStat(pid: number): ProcessStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const number = (index: number) => Number(fields[index] ?? 0);
    return { pid, parentPid: number(1), ticks: number(11) + number(12) + number(13) + number(14) };
  } catch {
    return null;
  }
}

/** CPU seconds of `rootPid` and all of its live descendants; null where /proc is unavailable. */
export function cpuSecondsOfTree(rootPid: number | undefined): number | null {
  if (rootPid === undefined) return null;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }

  const stats = entries.flatMap((entry) => {
    const stat = /^\d+$/.test(entry) ? readStat(Number(entry)) : null;
    return stat ? [stat] : [];
  });
  const children = new Map<number, ProcessStat[]>();
  for (const stat of stats) {
    children.set(stat.parentPid, [...(children.get(stat.parentPid) ?? []), stat]);
  }

  let ticks = 0;
  const queue = stats.filter((stat) => stat.pid === rootPid);
  for (let stat = queue.pop(); stat; stat = queue.pop()) {
    ticks += stat.ticks;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}
