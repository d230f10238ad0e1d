// Worker thread entry of the status digest (src/site/loaders/status-digest-compute.ts): computes, posts the result, exits.
import { parentPort, workerData } from 'node:worker_threads';
import { computeStatusEvidence, type DigestInputs, type DigestOptions } from '../loaders/status-digest-compute.ts';

const { evaluationDir, inputs, nowMs, options } = workerData as { evaluationDir: string; inputs: DigestInputs; nowMs: number; options: DigestOptions };
parentPort!.postMessage(await computeStatusEvidence(evaluationDir, inputs, nowMs, options));
