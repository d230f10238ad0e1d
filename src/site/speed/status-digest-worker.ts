// Worker thread entry of the status digest (src/site/loaders/status-digest-compute.ts): computes, posts the result, exits.
import { parentPort, workerData } from 'node:worker_threads';
import { computeStatusEvidence, type DigestExclusions, type DigestInputs, type DigestOptions } from '../loaders/status-digest-compute.ts';

const { evaluationDir, inputs, nowMs, options, exclusions } = workerData as { evaluationDir: string; inputs: DigestInputs; nowMs: number; options: DigestOptions; exclusions: DigestExclusions };
parentPort!.postMessage(await computeStatusEvidence(evaluationDir, inputs, nowMs, options, exclusions));
