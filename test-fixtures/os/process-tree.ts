/**
 * The host's processes as /proc shows them, for tests and benches that count or measure what a run left
 * behind (jails, sandbox runners, their CPU time).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** utime + stime + cutime + cstime: its CPU and that of its reaped children, in clock ticks (1/100 s). */
  readonly cpuTicks: number;
  /** The command line, arguments joined by spaces. */
  readonly args: string;
}

/** Every process readable now (one that exits while being read is left out). */
export function processTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const cpuTicks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter((a) => a !== '').join(' ');
      table.push({ pid: Number(entry), ppid: Number(fields[1]), cpuTicks, args });
    } catch {
      // exited while we looked
    }
  }
  return table;
}

/** `root` and every process below it. */
export function descendantsOf(root: number, table: readonly ProcessInfo[] = processTable()): ProcessInfo[] {
  const mine = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of table) {
      if (!mine.has(row.pid) && mine.has(row.ppid)) {
        mine.add(row.pid);
        grew = true;
      }
    }
  }
  return table.filter((row) => mine.has(row.pid));
}

/** True for a bubblewrap process: a Python jail (spawned as `/usr/bin/bwrap …`). */
export function isJail(row: ProcessInfo): boolean {
  return /(^|\/)bwrap /.test(row.args);
}
