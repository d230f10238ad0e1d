// `npm start`: the embedded default. Starts the demo gateway on loopback, runs probe → runbooks → ingest → build against it,
// then serves the site until Ctrl-C, and stops everything it started.
import { defineCommand } from '../src/cli/command.ts';
import { startDemoGateway } from '../src/demo-gateway/index.ts';
import { DEMO_ADMIN_KEY_ENV, DEMO_KEY_ENV, demoGatewayOptions, demoKey, pipelineStages, previewCommand } from '../src/pipeline/embedded-default.ts';
import { runStage, spawnNode, waitForHttp } from '../src/pipeline/run-command.ts';

const { values } = defineCommand({
  name: 'start',
  summary: 'The embedded default: start the demo gateway on loopback, probe it, ingest, build the site and serve it until Ctrl-C.',
  options: {
    port: { type: 'string', value: 'N', default: '4321', description: 'port of the served site on 127.0.0.1' },
    origin: { type: 'string', value: 'id', default: 'local', description: 'where the probe runs, recorded in the evidence' },
    config: { type: 'string', value: 'file', description: 'Astro config to build with (default: astro.config.mjs)' },
    'no-serve': { type: 'boolean', default: false, description: 'stop after the build instead of serving the site' },
  },
  examples: ['npm start', 'npm start -- --port 8080', 'npm start -- --no-serve'],
  exitCodes: ['0 stopped with Ctrl-C (or built, with --no-serve)', '1 a stage failed', '2 a usage error'],
}).parse();

const root = process.cwd();
const key = demoKey(process.env);
const env = { ...process.env, [DEMO_KEY_ENV]: key, [DEMO_ADMIN_KEY_ENV]: key, ASTRO_TELEMETRY_DISABLED: '1' };
const gateway = await startDemoGateway(demoGatewayOptions(process.env, key));
console.log(`demo gateway (a stand-in for LiteLLM + Traefik) at ${gateway.url}; its key is in $${DEMO_KEY_ENV}`);

let preview: ReturnType<typeof spawnNode> | undefined;
let stopping: Promise<never> | undefined;
// The first reason to stop wins: the preview's own exit during a Ctrl-C must not cut the gateway's stop short.
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    preview?.kill('SIGTERM');
    await gateway.stop();
    process.exit(code);
  })();
  return stopping;
}
process.once('SIGINT', () => void stop(130));
process.once('SIGTERM', () => void stop(143));

try {
  for (const stage of pipelineStages({ root, baseUrl: gateway.url, origin: values.origin, astroConfig: values.config })) {
    console.log(`\n▶ ${stage.name}`);
    await runStage(stage, env, root);
  }
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  await stop(1);
}

if (values['no-serve']) await stop(0);
const site = `http://127.0.0.1:${values.port}`;
preview = spawnNode(previewCommand(root, values.port, values.config), env, root);
preview.once('exit', (code) => void stop(code ?? 0));
await waitForHttp(`${site}/`, preview).catch(async (error: Error) => {
  console.error(error.message);
  await stop(1);
});
console.log(`\nsite:    ${site}/\nstatus:  ${site}/status/\ngateway: ${gateway.url}/mcp/\nPress Ctrl-C to stop.`);
