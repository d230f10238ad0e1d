import { spawn, type ChildProcess } from 'node:child_process';

/** A pipeline stage run as its own process, exactly as CI would run it. */
export interface StageCommand {
  name: string;
  /** Arguments after the Node binary, e.g. `['scripts/probe.ts', '--env', 'demo']`. */
  args: string[];
  /** Exit codes that still let the pipeline go on (a failing check is evidence, not a broken pipeline). */
  okCodes?: number[];
}

/** Starts `node <args>` with the running Node binary (Node 24 from the pinned devDependency) and inherited stdio. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  return spawn(process.execPath, args, { cwd, env, stdio: 'inherit' });
}

/** Runs one stage to completion; rejects with the stage name and exit code when it fails. */
export function runStage(stage: StageCommand, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const okCodes = stage.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = spawnNode(stage.args, env, cwd);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== null && okCodes.includes(code)) resolve(code);
      else reject(new Error(`${stage.name} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Resolves once `url` answers any HTTP response; rejects after `timeoutMs` or when `child` exits first. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering ${url}`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.body?.cancel().then(() => true) ?? true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
