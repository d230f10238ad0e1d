/** Reads the request a generated command line makes: URL argument plus `--header` / `-H` values. */
import { shellWords } from './shell-words.ts';
import { ClientConfigError, type ClientRequest, type SecretSource } from './types.ts';

/** Parses the first command of a bash snippet and collects its URL and headers, as the program would. */
export function requestFromCommand(script: string, secrets: SecretSource, headerFlags: readonly string[]): ClientRequest {
  const argv = shellWords(script, secrets.env);
  const url = argv.find((arg) => /^https?:\/\//.test(arg));
  if (url === undefined) throw new ClientConfigError('the command has no http(s) URL');
  const headers: Record<string, string> = {};
  argv.forEach((arg, index) => {
    if (!headerFlags.includes(argv[index - 1] ?? '')) return;
    const colon = arg.indexOf(':');
    if (colon < 1) throw new ClientConfigError(`header "${arg}" is not "Name: value"`);
    headers[arg.slice(0, colon).trim()] = arg.slice(colon + 1).trim();
  });
  return { url, headers };
}
