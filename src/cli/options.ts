import { VALUES, type ValueRule } from '../config/values.js';

/** The commands of the CLI. */
export type CommandName = 'run' | 'demo' | 'serve' | 'list' | 'list-mutants' | 'replay' | 'merge';

/** One option of the CLI: its flags, what it does, and the commands that take it. */
export interface OptionSpec {
  /** Commander flags, e.g. `--url <url>`. */
  flags: string;
  description: string;
  commands: readonly CommandName[];
  /**
   * The environment variable that may carry it: its value is the option's (commander's source `env`) unless
   * the flag is given.
   */
  env?: string;
  /** How its text becomes a value, checked as commander parses (src/config/values.ts); with `choices`, listed in `--help`. */
  value?: ValueRule<unknown>;
  /**
   * `true`: a comma-separated list; given twice, the lists join. `'each'`: every time it is given is one value
   * (an array). Any other flag that takes a value may be given once.
   */
  repeatable?: true | 'each';
}

const RUNS: readonly CommandName[] = ['run', 'demo'];

/**
 * Every option of every command, in one table (the fixed contracts of DESIGN.md, extended only by adding).
 * `src/cli/main.ts` builds the commander program from it; `--help` prints it.
 */
export const OPTIONS: readonly OptionSpec[] = [
  { flags: '--url <url>', description: 'the endpoint to certify (mplus: the base URL, the event name is appended; replay: instead of the one in results.json)', commands: ['run', 'replay'] },
  { flags: '--secret <secret>', description: 'the shared secret (better: the HOOKCERT_SECRET environment variable)', commands: ['run', 'serve', 'replay'], env: 'HOOKCERT_SECRET' },
  { flags: '--secret-encoding <encoding>', description: 'how the secret becomes the HMAC key: base64 (decoded, the default) or utf8', commands: ['run', 'serve'], value: VALUES.secretEncoding },
  { flags: '--subscription-id <id>', description: 'the X-Mplus-Subscription-Id the endpoint expects (given: other ids must be refused)', commands: ['run', 'serve'] },
  { flags: '--config <file>', description: 'a hookcert.config.json (default: ./hookcert.config.json when present)', commands: ['run', 'replay'] },
  { flags: '--profile <profile>', description: 'the protocol: mplus (default), kopokopo or standard-webhooks', commands: ['run', 'demo', 'serve', 'list', 'list-mutants'], value: VALUES.profile },
  { flags: '--events <list>', description: 'only these subscribed events (kopokopo: topics), comma-separated (default: the config file, else all; `hookcert list --events-catalogue` lists them)', commands: RUNS, repeatable: true },
  { flags: '--seed <n>', description: 'the seed; the same seed sends the same requests, byte for byte', commands: RUNS, value: VALUES.seed },
  { flags: '--runs <n>', description: 'generated cases per property check (default 25)', commands: RUNS, value: VALUES.runs },
  { flags: '--level <level>', description: 'what fails the run: must (default) or should (SHOULD checks gate too)', commands: RUNS, value: VALUES.level },
  { flags: '--report-dir <dir>', description: 'where the report files go (default reports/latest; replay: reports/replay; merge: reports/merged)', commands: [...RUNS, 'replay', 'merge'] },
  { flags: '--concurrency <n>', description: 'requests in flight at once, across checks that run side by side (default 16; 1: one check, one request at a time)', commands: RUNS, value: VALUES.concurrency },
  { flags: '--shard <k/n>', description: 'run only the K-th of N parts of the checks (split by id; `hookcert merge` joins the parts), e.g. 2/4 in a CI matrix', commands: RUNS, value: VALUES.shard },
  { flags: '--quick', description: 'a quick pass for pre-commit hooks: 3 generated cases per property check instead of 25, and 2 timed requests per event instead of 3 (--runs wins); finds fewer rare failures', commands: RUNS },
  { flags: '--explore <requests>', description: 'requests the exploration phase may send before the checks to find what opens each flow (default 240, 120 with --quick; 0: no exploration, the flow checks probe on their own)', commands: RUNS, value: VALUES.explore },
  { flags: '--check <ids>', description: 'run only these checks, comma-separated: ids (any case), areas (security) or id prefixes (MP-SIG-*); an unknown one is an error', commands: [...RUNS, 'replay'], repeatable: true },
  { flags: '--ca <file>', description: 'trust this CA certificate (PEM) for https endpoints, besides the usual roots', commands: ['run', 'replay'] },
  { flags: '--insecure', description: 'accept any TLS certificate (development only)', commands: ['run', 'replay'] },
  { flags: '--max-body-bytes <n>', description: 'largest reply body read; a larger one is cut there and reported as too large (default 1048576)', commands: RUNS, value: VALUES.maxBodyBytes },
  { flags: '--connect-timeout <ms>', description: 'time allowed to connect, TCP and TLS (default 5000; 2s, 500ms also work)', commands: ['run'], value: VALUES.connectTimeout },
  { flags: '--budget <ms>', description: "every event's reply budget (default: the catalogue's per event class, or events.<name>.budgetMs in the config)", commands: RUNS, value: VALUES.budget },
  { flags: '--grace <ms>', description: 'how long past its budget a reply is waited for before it is cut off as a timeout (default 2000)', commands: RUNS, value: VALUES.grace },
  { flags: '--max-run-time <duration>', description: 'time allowed for the whole run, e.g. 90s or 10m; then it ends incomplete with what was judged (default 30m)', commands: RUNS, value: VALUES.maxRunTime },
  { flags: '--keep-going', description: 'run every check even when every request is refused the same way before them (a wrong secret, subscription id or URL); by default the run stops there, naming the cause', commands: ['run'] },
  { flags: '--debug', description: 'log every exchange to stderr: headers (with the signature, never the secret), timings, the start of each body', commands: [...RUNS, 'replay'] },
  { flags: '--verbose', description: 'print every check, not only those that did not pass', commands: [...RUNS, 'replay'] },
  { flags: '--mutant <name>', description: 'serve a mutant (a receiver broken in one way) instead of the reference', commands: ['demo', 'serve'] },
  { flags: '--port <n>', description: 'the port to listen on, on 127.0.0.1 (default: a free one)', commands: ['serve'], value: VALUES.port },
  { flags: '--json', description: 'print JSON', commands: ['list', 'list-mutants'] },
  { flags: '--fail-on <level>', description: 'how strict the gate is: must (default: MUST failures fail the run) or should (SHOULD failures too); an alias of --level', commands: RUNS, value: VALUES.failOn },
  { flags: '--baseline <file>', description: 'known failures (a results.json, a JSON list [{"id","reason"}], or "ID reason" lines): reported as known, only new ones fail the gate (the verdict stays as judged)', commands: RUNS },
  { flags: '--bundle [file]', description: 'also write a certification bundle (.tar.gz: report, schemas and checks used, hashes, version, command line); default <report-dir>/hookcert-bundle.tar.gz', commands: RUNS },
  { flags: '--callback-url <url>', description: 'a URL the endpoint can reach, given as externalPayment.callbackUrl (default: a hookcert URL on 127.0.0.1 when the endpoint is on loopback, else MP-EXT-005 is skipped)', commands: RUNS },
  { flags: '--max-polling-rounds <n>', description: 'rounds a polling process may take in all before it counts as unfinished (default 60; each round has the event\'s budget)', commands: RUNS, value: VALUES.maxPollingRounds },
  { flags: '--max-polling-time <duration>', description: 'time a polling process may take in all, e.g. 5m (default 5m)', commands: RUNS, value: VALUES.maxPollingTime },
  { flags: '--max-payment-polls <n>', description: 'pollExternalPayment rounds an external payment may take before it counts as unfinished (default 60; each poll has its 60 s budget)', commands: RUNS, value: VALUES.maxPaymentPolls },
  { flags: '--max-payment-time <duration>', description: 'time an external payment may take in all, e.g. 10m (default 5m)', commands: RUNS, value: VALUES.maxPaymentTime },
  { flags: '--topic-url <name=url>', description: 'kopokopo: deliver this topic or callback to its own URL instead of --url, e.g. callback_incoming_payment=https://example.com/k2/stk (callback_*=URL: every callback); give it once per name', commands: RUNS, repeatable: 'each' },
  { flags: '--events-catalogue', description: 'list the events (mplus) or topics (kopokopo) instead of the checks', commands: ['list'] },
];

const RUN_EXITS = 'Exit codes (from the gate: the verdict, or with --baseline the failures it does not know): 0 the gate passed, 1 it failed, 2 bad usage or configuration, 3 the run could not complete (the report is written, marked incomplete).';

/** The commands, with what they do, an example each and, where they mean something, their exit codes. */
export const COMMANDS: Record<CommandName, { summary: string; examples: string[]; arguments?: string; exitCodes?: string }> = {
  run: {
    summary: 'certify an endpoint: fire signed randomized requests, judge the replies, write the report',
    examples: ['HOOKCERT_SECRET=… npx hookcert run --url https://example.com/webhooks --subscription-id my-sub', 'npx hookcert run --config hookcert.config.json --seed 42 --check MP-SIG-002'],
    exitCodes: RUN_EXITS,
  },
  demo: {
    summary: 'serve the reference receiver (or a mutant) on loopback and run the whole suite against it',
    examples: ['npx hookcert demo', 'npx hookcert demo --mutant no-signature-check'],
    exitCodes: RUN_EXITS,
  },
  serve: {
    summary: 'serve the reference receiver (or a mutant) on 127.0.0.1 until stopped',
    examples: ['npx hookcert serve --port 8080', 'npx hookcert serve --mutant unsigned-replies'],
    exitCodes: 'Exit codes: 0 stopped (Ctrl-C or SIGTERM), 2 bad usage (a port in use, an unknown mutant).',
  },
  list: { summary: 'print the checklist', examples: ['npx hookcert list', 'npx hookcert list --json'] },
  'list-mutants': { summary: 'print the mutants and the checks each must fail', examples: ['npx hookcert list-mutants --json'] },
  replay: {
    summary: 're-run exactly the failing checks of a results.json (same seed, same settings) and say which are fixed; exit 0 when all are',
    examples: ['HOOKCERT_SECRET=… npx hookcert replay reports/latest/results.json', 'npx hookcert replay results.json --check MP-SIG-002 --url http://localhost:8080/webhooks'],
    arguments: '<results>',
    exitCodes: 'Exit codes: 0 every replayed check is fixed, 1 some still fail, 2 bad usage, 3 the replay could not complete.',
  },
  merge: {
    summary: 'join the results.json of the shards of one run (--shard K/N) into one report: all four files, the verdict and the gate recomputed',
    examples: ['npx hookcert merge shard-1/results.json shard-2/results.json shard-3/results.json --report-dir reports/merged'],
    arguments: '<results...>',
    exitCodes: RUN_EXITS,
  },
};

/** Exit codes (DESIGN.md). `conformant` and `notConformant` are the gate's: passed and failed. */
export const EXIT = { conformant: 0, notConformant: 1, usage: 2, incomplete: 3 } as const;
