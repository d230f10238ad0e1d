import { judgeCodexServers, type CodexServer } from './codex-servers.ts';
import { unparseable, type ParseOutcome } from './finding.ts';
import { splitLines } from './lines.ts';

const EMPTY_CONFIG = /^No MCP servers configured yet\./;

/** Column start offsets taken from a header line: cells are left-aligned under their header. */
function columnsOf(header: string): { name: string; start: number }[] {
  const columns: { name: string; start: number }[] = [];
  const re = /\S+(?: \S+)*/g; // labels contain single spaces ("Bearer Token Env Var"); columns are 2+ apart
  for (let m = re.exec(header); m; m = re.exec(header)) columns.push({ name: m[0], start: m.index });
  return columns;
}

function cellsOf(row: string, columns: { name: string; start: number }[]): Record<string, string> {
  const cells: Record<string, string> = {};
  columns.forEach((col, i) => {
    const end = i + 1 < columns.length ? columns[i + 1].start : row.length;
    cells[col.name] = row.slice(col.start, end).trim();
  });
  return cells;
}

const dash = (value: string | undefined): string | undefined => (value && value !== '-' ? value : undefined);

/** Maps one table row to a server; both the current and the older (`Has Bearer Token`) layouts. */
function serverOf(cells: Record<string, string>, line: number): CodexServer {
  const status = cells.Status ?? 'enabled';
  const auth = cells.Auth ?? '';
  if ('Url' in cells) {
    const bearerEnvVar = dash(cells['Bearer Token Env Var']);
    const hasBearer = Boolean(bearerEnvVar) || /^true$/i.test(cells['Has Bearer Token'] ?? '') || /bearer/i.test(auth);
    return { name: cells.Name, transport: 'http', enabled: status.startsWith('enabled'), url: dash(cells.Url), bearerEnvVar, hasBearer, line };
  }
  return { name: cells.Name, transport: 'stdio', enabled: status.startsWith('enabled'), hasBearer: false, line };
}

/**
 * Parses `codex mcp list` text: a stdio table and/or an HTTP table (two-space separated, widths set by
 * the widest cell), in the current layout or the older `Has Bearer Token` one.
 */
export function parseCodexMcpList(text: string): ParseOutcome {
  const split = splitLines(text);
  if ('unparseable' in split) return split;
  const { lines } = split;
  const servers: CodexServer[] = [];
  let columns: { name: string; start: number }[] | undefined;
  let sawTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s+$/, '');
    if (line === '') {
      columns = undefined;
      continue;
    }
    if (EMPTY_CONFIG.test(line)) return { findings: [judgeCodexServers([], 'codex mcp list', i + 1)] };
    if (/^Name {2,}(Command|Url)\b/.test(line)) {
      columns = columnsOf(line);
      sawTable = true;
      continue;
    }
    if (!columns) {
      if (sawTable || servers.length) return unparseable(`unexpected text outside a table: "${line.slice(0, 80)}"`, i + 1);
      continue; // a shell prompt or the command line before the output
    }
    const last = columns.at(-1);
    if (last && line.length <= last.start) return unparseable(`row ends before the "${last.name}" column; the capture looks truncated`, i + 1);
    servers.push(serverOf(cellsOf(line, columns), i + 1));
  }
  if (!sawTable) return unparseable('no `codex mcp list` table header (`Name  Command …` or `Name  Url …`) found', 1);
  return { findings: [judgeCodexServers(servers, 'codex mcp list')] };
}
