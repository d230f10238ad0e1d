import type { CodexServer } from '../schemas/codex-run.ts';
import type { Unparseable } from './unparseable.ts';

const EMPTY_CONFIG = /^No MCP servers configured yet\./;
/** Lines Codex (or the user's saved transcript) puts around the tables: its stderr warnings, errors, the exit code. */
const NOT_A_ROW = /^(WARNING: |Error: |exit code:|\$ )/;

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
    const end = i + 1 < columns.length ? columns[i + 1]!.start : row.length;
    cells[col.name] = row.slice(col.start, end).trim();
  });
  return cells;
}

const dash = (value: string | undefined): string | undefined => (value && value !== '-' ? value : undefined);

/** Maps one table row to a server; both the current layout and the older one (`Has Bearer Token`). */
function serverOf(cells: Record<string, string>): CodexServer {
  const enabled = (cells.Status ?? 'enabled').startsWith('enabled');
  const auth = dash(cells.Auth) ?? dash(cells['Has Bearer Token']);
  if ('Url' in cells) {
    const bearerTokenEnvVar = dash(cells['Bearer Token Env Var']);
    return { name: cells.Name ?? '', transport: 'streamable_http', enabled, ...(dash(cells.Url) ? { url: cells.Url } : {}), ...(bearerTokenEnvVar ? { bearerTokenEnvVar } : {}), ...(auth ? { auth } : {}) };
  }
  return { name: cells.Name ?? '', transport: 'stdio', enabled, ...(dash(cells.Command) ? { command: cells.Command } : {}), ...(auth ? { auth } : {}) };
}

/**
 * Reads `codex mcp list` text: a stdio table and/or an HTTP table (two-space separated, widths set by the widest
 * cell), in the current layout or the older `Has Bearer Token` one; "No MCP servers configured yet." is an empty list.
 */
export function readCodexMcpList(lines: readonly string[]): { servers: CodexServer[]; line: number } | { unparseable: Unparseable } {
  const servers: CodexServer[] = [];
  const lineOf: number[] = [];
  let columns: { name: string; start: number }[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\s+$/, '');
    if (line === '' || NOT_A_ROW.test(line)) {
      columns = undefined;
      continue;
    }
    if (EMPTY_CONFIG.test(line)) return { servers: [], line: i + 1 };
    if (/^Name {2,}(Command|Url)\b/.test(line)) {
      columns = columnsOf(line);
      continue;
    }
    if (!columns) {
      if (servers.length) return { unparseable: { reason: `unexpected text outside a table: "${line.slice(0, 80)}"`, line: i + 1 } };
      continue; // the command line or a shell prompt before the output
    }
    const last = columns.at(-1);
    if (last && line.length <= last.start) return { unparseable: { reason: `row ends before the "${last.name}" column; the capture looks truncated`, line: i + 1 } };
    servers.push(serverOf(cellsOf(line, columns)));
    lineOf.push(i + 1);
  }
  if (servers.length === 0 && !lines.some((l) => /^Name {2,}(Command|Url)\b/.test(l))) {
    return { unparseable: { reason: 'no `codex mcp list` table header (`Name  Command …` or `Name  Url …`) found', line: 1 } };
  }
  // The line worth pointing at is the gateway's: the first enabled HTTP server, else the first row.
  const at = servers.findIndex((s) => s.transport === 'streamable_http' && s.enabled);
  return { servers, line: lineOf[at >= 0 ? at : 0] ?? 1 };
}
