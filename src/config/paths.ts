// Where the team's configuration lives, relative to the project root. In a module of its own so that the Astro
// integration and the content config can name them without loading the config parsers.

/** The gateway definition: environments, MCP servers, client guide settings. */
export const GATEWAY_PATH = 'content/gateway.yaml';
/** The check catalog, one YAML file per group. */
export const CHECKS_DIR = 'content/checks';
