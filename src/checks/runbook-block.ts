/** Pure judgement of one executed runbook block (issue 29): its exit code, and its output against what it expects. */
import type { RunbookBlock } from '../schemas/runbook.ts';
import type { FailureClass } from '../schemas/evidence.ts';
import type { RunbookBlockObservation } from '../schemas/observation.ts';
import { compileExpected, ExpectedOutputError, matchExpected } from './expected-output.ts';
import { condition, decide, ms, type CheckOutcome, type Condition } from './outcome.ts';
import { scrubOutput } from './scrub.ts';

/** What the judgement reads of a block: its id, deadline and expected output. */
export type JudgedBlock = Pick<RunbookBlock, 'id' | 'timeoutMs' | 'expected'>;

/** bash's code for a command it could not find. */
const COMMAND_NOT_FOUND = 127;

/** Why a non-zero exit happened, when the output says so. */
function classOfExit(obs: RunbookBlockObservation): FailureClass {
  if (obs.exitCode === COMMAND_NOT_FOUND) return 'command_not_found';
  // `set -u` stops the block at a key variable that was not given to it: the key is missing, not the gateway.
  if (obs.missingEnv.some((name) => obs.output.includes(`${name}: unbound variable`))) return 'auth_env_missing';
  if (/^curl: \(6\) /m.test(obs.output)) return 'dns';
  if (/^curl: \(7\) /m.test(obs.output)) return 'tcp_refused';
  if (/^curl: \((35|51|58|60)\) /m.test(obs.output)) return 'tls';
  if (/^curl: \(28\) /m.test(obs.output)) return 'timeout';
  if (/^curl: \(22\) /m.test(obs.output)) return 'http_status';
  return 'expectation';
}

function outputCondition(block: JudgedBlock, obs: RunbookBlockObservation): Condition | undefined {
  if (block.expected === undefined) return undefined;
  try {
    const mismatch = matchExpected(compileExpected(block.expected), scrubOutput(obs.output, { baseUrl: obs.baseUrl }));
    const actual = mismatch && `expected line ${mismatch.expectedLine} ${JSON.stringify(mismatch.expected)}, output line ${mismatch.actualLine} ${mismatch.actual === undefined ? 'is past the end' : JSON.stringify(mismatch.actual)}`;
    return condition('output matches the expected block (after scrubbing)', mismatch === undefined, actual ?? 'matches');
  } catch (error) {
    if (!(error instanceof ExpectedOutputError)) throw error;
    return condition('output matches the expected block (after scrubbing)', false, error.message, { failureClass: 'config_invalid' });
  }
}

/** Judges a block's execution: exit code 0, then (when the block has one) the expected output. */
export function evaluateRunbookBlock(block: JudgedBlock, obs: RunbookBlockObservation): CheckOutcome {
  const exitOk = obs.exitCode === 0;
  const exitActual = obs.timedOut ? `killed after ${ms(block.timeoutMs)} (timeout)` : obs.exitCode === null ? `ended by ${obs.signal ?? 'a signal'}` : obs.exitCode;
  const conditions = [condition('exit code == 0', exitOk, exitActual, { failureClass: classOfExit(obs) })];
  const output = outputCondition(block, obs);
  if (output) conditions.push(output);
  const lines = obs.output === '' ? 0 : obs.output.replace(/\n$/, '').split('\n').length;
  const measured = { latencyMs: Math.round(obs.latencyMs), bytes: obs.outputBytes, extra: { exitCode: obs.exitCode, ...(obs.truncated ? { truncated: true } : {}) } };
  return decide(conditions, obs.failure, measured, `exit 0 in ${ms(obs.latencyMs)}, ${lines} output line${lines === 1 ? '' : 's'}${output ? ' as expected' : ''}`);
}
