import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';
import { ProofbookInputError } from '../schemas/parse.ts';
import { didYouMean } from '../util/did-you-mean.ts';

/**
 * The commands' shared front door: node:util parseArgs (strict), plus what it lacks for a newcomer (issue 27):
 * `--help` with every option and an example, "did you mean" for a mistyped flag, and exit code 2 with the message
 * alone (no stack trace) for a usage or configuration error. Scripts stay thin: define, parse, call src/, exit.
 */

/** One option: parseArgs' descriptor plus the words `--help` shows. */
export interface OptionSpec extends ParseArgsOptionDescriptor {
  description: string;
  /** The value's placeholder in the help, e.g. `N` or `id…` (string options). */
  value?: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** The npm script, e.g. `probe`. */
  name: string;
  summary: string;
  /** Positional arguments as the usage line shows them, e.g. `<file>` or `[id…]`; none allowed when left out. */
  positionals?: string;
  options: O;
  /** Whole command lines a user can copy. */
  examples: string[];
  /** One line per exit code, e.g. `0 every check passed`. */
  exitCodes?: string[];
}

/** The help text: usage, summary, options with their defaults, examples and exit codes. */
export function helpText(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const flags = Object.entries(spec.options).map(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : '';
    const value = option.type === 'string' ? ` <${option.value ?? 'value'}>` : '';
    const fallback = option.default !== undefined && option.default !== false ? ` (default: ${String(option.default)})` : '';
    return [`${short}--${name}${value}${option.multiple ? ' …' : ''}`, `${option.description}${fallback}`] as const;
  });
  flags.push(['-h, --help', 'show this help']);
  const width = Math.max(...flags.map(([flag]) => flag.length)) + 2;
  return [
    `usage: npm run ${spec.name} --${spec.positionals ? ` ${spec.positionals}` : ''} [options]`,
    '',
    spec.summary,
    '',
    'options:',
    ...flags.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    '',
    'examples:',
    ...spec.examples.map((example) => `  ${example}`),
    ...(spec.exitCodes?.length ? ['', 'exit codes:', ...spec.exitCodes.map((line) => `  ${line}`)] : []),
  ].join('\n');
}

/** A command-line mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** parseArgs' message in a user's words, with the nearest of `flags` when an unknown one was mistyped. */
export function explainArgsError(message: string, flags: readonly string[]): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown) return `unknown option ${unknown}${didYouMean(unknown.replace(/=.*$/, ''), flags, (f) => f)}`;
  return message.split('. To specify')[0]!;
}

/** The message for parseArgs' error, with the nearest known flag and where to read every option. */
export function usageMessage(error: Error, spec: CommandSpec<Record<string, OptionSpec>>): string {
  const flags = Object.keys(spec.options).map((name) => `--${name}`);
  return `${spec.name}: ${explainArgsError(error.message, flags)}\nrun \`npm run ${spec.name} -- --help\` for every option`;
}

/** Prints a usage or configuration error alone on stderr and exits 2; anything else keeps Node's report. */
function exitOnInputError(error: unknown): void {
  if (error instanceof ProofbookInputError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}

/** Defines a command; `parse()` reads argv, answers `--help`, and turns input errors into exit code 2. */
export function defineCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>) {
  return {
    spec,
    help: () => helpText(spec),
    parse(argv: string[] = process.argv.slice(2)) {
      // A configuration error thrown later (top-level await included) is reported the same way, once.
      if (!process.listenerCount('uncaughtException')) process.on('uncaughtException', exitOnInputError);
      if (argv.includes('--help') || argv.includes('-h')) {
        console.log(helpText(spec));
        process.exit(0);
      }
      const options = Object.fromEntries(Object.entries(spec.options).map(([name, { description: _d, value: _v, ...descriptor }]) => [name, descriptor])) as { [K in keyof O]: Omit<O[K], 'description' | 'value'> };
      try {
        return parseArgs({ args: argv, options, allowPositionals: spec.positionals !== undefined, strict: true });
      } catch (error) {
        throw new UsageError(usageMessage(error as Error, spec));
      }
    },
  };
}
