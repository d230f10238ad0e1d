// Running the real tools for the capture corpus: one bounded child per capture, its streams kept byte for byte.
import { spawn } from 'node:child_process';
import net from 'node:net';

/** What one tool run left behind: exactly what a capture folder records. */
export interface ToolRun {
  argv: string[];
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  startedAt: string;
  stdout: Buffer;
  stderr: Buffer;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Hard deadline: the child is killed with SIGKILL after it (the tools' own limits should end it first). */
  timeoutMs: number;
  /** Each stream keeps at most this many bytes; a runaway tool cannot fill the corpus. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 256 * 1024;

function collect(stream: NodeJS.ReadableStream, max: number): () => Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size >= max) return;
    const part = chunk.subarray(0, max - size);
    chunks.push(part);
    size += part.length;
  });
  return () => Buffer.concat(chunks);
}

/** Runs `argv` to completion (or its deadline) and returns its exit status and both streams. */
export function runTool(argv: readonly string[], options: RunOptions): Promise<ToolRun> {
  const [command, ...args] = argv;
  const startedAt = new Date();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = collect(child.stdout, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const stderr = collect(child.stderr, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ argv: [...argv], exitCode: code, signal, durationMs: Math.round(performance.now() - started), startedAt: startedAt.toISOString(), stdout: stdout(), stderr: stderr() });
    });
  });
}

/** A long-running helper process (server, gate) started for the captures. */
export interface Service {
  name: string;
  stop: () => Promise<void>;
  /** What it printed, for the error message when it would not start. */
  log: () => string;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts `argv` and waits until `port` on 127.0.0.1 accepts connections (10 s at most). */
export async function startService(name: string, argv: readonly string[], port: number, options: { env: NodeJS.ProcessEnv; cwd: string }): Promise<Service> {
  const [command, ...args] = argv;
  const child = spawn(command!, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (gone) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not listen on 127.0.0.1:${port}${gone ? ' (it exited)' : ' within 10 s'}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name, stop, log: () => output };
}
