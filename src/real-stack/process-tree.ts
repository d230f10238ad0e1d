/**
 * Which processes a started program left behind. LiteLLM spawns its stdio MCP servers in sessions of their own, so
 * killing its process group is not enough: the starter walks the tree from /proc before stopping and checks each
 * pid afterwards. The tree walk is pure; reading /proc is the one I/O function here.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One row of the process table. */
export interface ProcessRow {
  pid: number;
  ppid: number;
}

/** Every descendant of `root` (not `root` itself), breadth first. */
export function descendantsOf(root: number, table: readonly ProcessRow[]): number[] {
  const children = new Map<number, number[]>();
  for (const row of table) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row.pid]);
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (found.includes(pid)) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** The ppid field of `/proc/<pid>/stat` (after the parenthesised command, which may hold spaces). */
export function parseStatPpid(stat: string): number | undefined {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(rest[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** The process table from /proc (Linux); processes that exit while it is read are skipped. */
export function readProcessTable(): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') continue;
      throw error;
    }
    const ppid = parseStatPpid(stat);
    if (ppid !== undefined) rows.push({ pid: Number(name), ppid });
  }
  return rows;
}

/** Whether a pid still names a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
