// Worker thread entry of the badge pool fill (fillBadgePool in src/status/badge-writer.ts): fills, posts how many
// files it created, exits.
import { parentPort, workerData } from 'node:worker_threads';
import { fillBadgePoolSync, type PoolRequest } from './badge-writer.ts';

parentPort!.postMessage(fillBadgePoolSync(workerData as PoolRequest));
