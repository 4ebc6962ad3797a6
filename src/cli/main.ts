import { Command, CommanderError, InvalidArgumentError, Option, type OptionValues } from 'commander';
import { HookcertError } from '../errors.js';
import { redact, Secret } from '../secret.js';
import { VERSION } from '../version.js';
import { processIo, type Io } from './io.js';
import { COMMANDS, EXIT, OPTIONS, type CommandName, type OptionSpec } from './options.js';

/** A command's work: the options as commander parsed them (each checked by its spec's rule), its positional arguments as `args`. */
type Action = (opts: OptionValues, io: Io) => Promise<number>;
/**
 * Each command loads its modules when it runs, not before: `--version` and `--help` load nothing heavy, and
 * only `demo` and `serve` load the reference receivers.
 */
const ACTIONS: Record<CommandName, Action> = {
  run: async (o, io) => (await import('./commands/run.js')).runCommand(o, io),
  demo: async (o, io) => (await import('./commands/demo.js')).demoCommand(o, io),
  serve: async (o, io) => (await import('./commands/serve.js')).serveCommand(o, io),
  list: async (o, io) => (await import('./commands/list.js')).listCommand(o, io),
  'list-mutants': async (o, io) => (await import('./commands/list.js')).listMutantsCommand(o, io),
  replay: async (o, io) => (await import('./commands/replay.js')).replayCommand(o, io),
  merge: async (o, io) => (await import('./commands/merge.js')).mergeCommand(o, io),
};

/** A message as one line with one `hookcert:` prefix: `hookcert: unknown option '--urll' (Did you mean --url?)`. */
export function oneLine(text: string): string {
  return `hookcert: ${text.trim().replace(/^(error|hookcert):\s*/i, '').replace(/^hookcert:\s*/i, '').split(/\s*\n\s*/).join(' ')}\n`;
}

/**
 * The commander option of a spec, on `cmd`: its value checked by the spec's rule as commander parses (a bad one
 * is a one-line usage error before the command runs), its choices listed in `--help`; a list flag joins its
 * repetitions, any other flag with a value may come once on the command line (a value from the environment
 * does not count: the flag overrides it).
 */
function optionOf(spec: OptionSpec, cmd: Command): Option {
  const option = new Option(spec.flags, spec.description);
  if (!/[<[]/.test(spec.flags)) return option;
  if (spec.value?.choices) option.choices(spec.value.choices);
  return option.argParser((value: string, previous: unknown) => {
    if (spec.repeatable === 'each') return [...((previous as string[] | undefined) ?? []), value];
    const repeated = typeof previous === 'string' && cmd.getOptionValueSource(option.attributeName()) === 'cli';
    if (repeated && spec.repeatable) return `${previous},${value}`;
    if (repeated) throw new InvalidArgumentError(`given twice ("${previous}", then "${value}"): give it once`);
    spec.value?.parse(value);
    return value;
  });
}

/** Builds the commander program from the options table; `done` receives each command's exit code. */
export function program(io: Io, done: (code: number) => void): Command {
  const output = { writeOut: io.stdout, writeErr: io.stderr, outputError: (text: string, write: (t: string) => void) => write(oneLine(text)) };
  const root = new Command('hookcert')
    .description('Certifies webhook receivers: plays the point of sale, fires signed randomized requests, judges the replies.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output);
  for (const [name, info] of Object.entries(COMMANDS) as Array<[CommandName, (typeof COMMANDS)[CommandName]]>) {
    const cmd = root.command(name).description(info.summary).exitOverride().showSuggestionAfterError(true);
    cmd.configureOutput(output);
    for (const spec of OPTIONS.filter((o) => o.commands.includes(name))) {
      const option = optionOf(spec, cmd);
      cmd.addOption(option);
      // commander's Option.env() reads process.env only; the CLI reads its Io's environment (a test's, or the
      // process's), so the value goes in as commander's own `env` source, which the flag overrides.
      const fromEnv = spec.env === undefined ? undefined : io.env[spec.env];
      if (fromEnv !== undefined) cmd.setOptionValueWithSource(option.attributeName(), fromEnv, 'env');
    }
    cmd.addHelpText('after', `\nExamples:\n${info.examples.map((e) => `  $ ${e}`).join('\n')}\n${info.exitCodes ? `\n${info.exitCodes}\n` : ''}`);
    if (info.arguments) cmd.arguments(info.arguments);
    // Commander passes the positional arguments first, then the options and the command: they travel as `args`.
    cmd.action(async (...params: unknown[]) => done(await ACTIONS[name]({ ...(params.at(-2) as OptionValues), args: params.slice(0, -2) as string[] }, io)));
  }
  return root;
}

/** Every secret the command line or environment carries, so no error message can print it. */
function knownSecrets(argv: string[], env: NodeJS.ProcessEnv): Secret[] {
  const out: Secret[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--secret' && argv[i + 1]) out.push(new Secret(argv[i + 1]));
    if (arg.startsWith('--secret=')) out.push(new Secret(arg.slice('--secret='.length)));
  });
  if (env.HOOKCERT_SECRET) out.push(new Secret(env.HOOKCERT_SECRET));
  return out;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. Everything it prints passes
 * the secret redactor; an internal error is one line (with `--debug`, its stack trace too, redacted).
 * `HOOKCERT_REPORT_RSS=1` (for the robustness tests) prints the peak memory at the end.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const code = await mainInner(argv, io);
  if (io.env.HOOKCERT_REPORT_RSS === '1') io.stderr(`hookcert: peak RSS ${process.resourceUsage().maxRSS} KiB\n`);
  return code;
}

async function mainInner(argv: string[], io: Io): Promise<number> {
  const secrets = knownSecrets(argv, io.env);
  const safeIo: Io = { ...io, stderr: (t) => io.stderr(redact(t, secrets)), stdout: (t) => io.stdout(redact(t, secrets)) };
  let code: number = EXIT.conformant;
  try {
    await program(safeIo, (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help asked for (`--help`, `hookcert help`) is a success; help shown because no command was given
      // (`commander.help`, a bare `hookcert`) is bad usage: a script that forgot its command must not pass.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : EXIT.usage;
    }
    if (err instanceof HookcertError) {
      safeIo.stderr(oneLine(err.message));
      return EXIT.usage;
    }
    safeIo.stderr(oneLine(`internal error: ${(err instanceof Error ? err.message : String(err)).replace(/^hookcert:\s*/i, '')}`));
    if (argv.includes('--debug') && err instanceof Error && err.stack) safeIo.stderr(`${err.stack}\n`);
    return EXIT.incomplete;
  }
  return code;
}
