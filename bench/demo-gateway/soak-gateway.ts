// The demo gateway alone in its own process for the soak (`soak.ts`): started with --expose-gc and an IPC channel,
// it answers { type: 'heap' } with its heap after a full GC, so the figures are the gateway's and not the client's.
// The key comes from PROOFBOOK_SOAK_KEY; the embedded PostgreSQL runs as under `npm start` unless PROOFBOOK_SOAK_NO_DB=1.
import { startDemoGateway } from '../../src/demo-gateway/index.ts';

/** What the parent receives. */
export type SoakGatewayMessage = { type: 'ready'; url: string } | { type: 'heap'; heapUsed: number; rss: number };

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined || process.send === undefined) {
  console.error('soak-gateway: start me with --expose-gc and an IPC channel (child_process.fork)');
  process.exit(2);
}
const masterKey = process.env.PROOFBOOK_SOAK_KEY;
if (!masterKey) {
  console.error('soak-gateway: PROOFBOOK_SOAK_KEY is unset');
  process.exit(2);
}

const gateway = await startDemoGateway({ masterKey, embeddedPostgres: process.env.PROOFBOOK_SOAK_NO_DB !== '1' });
const send = (message: SoakGatewayMessage): void => {
  process.send?.(message);
};
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'heap') return;
  // Two passes: the first can leave objects whose finalizers free more.
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  send({ type: 'heap', heapUsed, rss });
});
// The parent going away (or disconnecting) is the signal to stop.
process.once('disconnect', () => {
  void gateway.stop().then(() => process.exit(0));
});
send({ type: 'ready', url: gateway.url });
