import pkg from '../../package.json' with { type: 'json' };

/** Proofbook's version, recorded in every run. */
export const TOOL_VERSION: string = pkg.version;
