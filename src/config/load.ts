import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBaseline, type Baseline } from '../baseline/baseline.js';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import type { HookcertConfigJson } from '../generated/report/config.js';
import { decodeSecret } from '../protocol/signature.js';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../runner/options.js';
import { randomSeed } from '../runner/seed.js';
import type { ProfileName } from '../runner/types.js';
import { registry } from '../schema/registry.js';
import { redact, Secret } from '../secret.js';
import { suggest } from '../suggest.js';
import { catalogueOf } from '../runner/catalogue.js';
import type { EventCatalogue, EventConfig, Subscription } from '../runner/subscription.js';
import { readEventTypes, type EventTypeSchema } from './event-types.js';
import { valueOf, VALUES } from './values.js';

/** The config file's name, read from the working folder when `--config` is not given. */
export const CONFIG_FILE = 'hookcert.config.json';
/** Generated cases per property check under `--quick` (an explicit `--runs` wins). */
export const QUICK_RUNS = 3;
/** The environment variable that carries the secret. */
export const SECRET_ENV = 'HOOKCERT_SECRET';

/** The config file, as `schemas/report/config.schema.json` describes it. */
export type ConfigFile = HookcertConfigJson;

/** What the command line said (strings as typed; flags left out are undefined). */
export interface CliInput {
  url?: string;
  secret?: string;
  secretEncoding?: string;
  subscriptionId?: string;
  config?: string;
  profile?: string;
  events?: string;
  seed?: string;
  runs?: string;
  level?: string;
  reportDir?: string;
  concurrency?: string;
  check?: string;
  ca?: string;
  insecure?: boolean;
  maxBodyBytes?: string;
  connectTimeout?: string;
  budget?: string;
  grace?: string;
  maxRunTime?: string;
  debug?: boolean;
  /** `--shard K/N`. */
  shard?: string;
  /** `--quick`: fewer cases, for pre-commit hooks. */
  quick?: boolean;
  /** `--fail-on`: an alias of `--level`. */
  failOn?: string;
  /** `--baseline FILE`: the known failures. */
  baseline?: string;
  callbackUrl?: string;
  /** `--explore`: the exploration phase's request bound (0: none). */
  explore?: string;
  /** `--topic-url NAME=URL` (kopokopo), each time it is given: where that topic or callback is delivered. */
  topicUrl?: string[];
  maxPollingRounds?: string;
  maxPollingTime?: string;
  maxPaymentPolls?: string;
  maxPaymentTime?: string;
  /** `--keep-going`: run every check even when every request is refused alike before them. */
  keepGoing?: boolean;
  /** Library use (`certify`): read no `hookcert.config.json` unless `config` names one. */
  noDefaultConfig?: boolean;
}

/** A fully resolved run: what to test, how, and where to write. */
export interface ResolvedRun {
  sub: Subscription;
  options: RunOptions;
  reportDir: string;
  /** The config file that was read, if any. */
  configPath?: string;
  /** `--debug`: log every exchange to stderr. */
  debug?: boolean;
  /** `--baseline`: the known failures the gate ignores (the verdict stays as judged). */
  baseline?: Baseline;
}

const usage = (message: string) => new HookcertError(HookcertErrorCode.USAGE, message);

/** Reads and validates the config file; a problem is one line that says what to fix. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new HookcertError(HookcertErrorCode.CONFIG, `cannot read the config file ${path}: check the path given to --config`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new HookcertError(HookcertErrorCode.CONFIG, `${path} is not valid JSON (${syntaxError(text, err)}): fix the syntax`);
  }
  const issues = registry().validate('report/config.schema.json', json);
  if (issues.length > 0) {
    const extra = registry().validator('report/config.schema.json').errors?.find((e) => e.keyword === 'additionalProperties');
    if (extra) {
      const key = String((extra.params as { additionalProperty: string }).additionalProperty);
      const where = extra.instancePath || '(top level)';
      throw new HookcertError(HookcertErrorCode.CONFIG, `${path}: unknown key "${key}" at ${where}${suggest(key, knownKeys(extra.instancePath))}; see schemas/report/config.schema.json`);
    }
    throw new HookcertError(HookcertErrorCode.CONFIG, `${path}: ${issues[0].message}; see schemas/report/config.schema.json`);
  }
  return json as ConfigFile;
}

/**
 * Where a JSON syntax error is, without the text around it: V8 quotes the source, and the source may hold the
 * secret.
 */
function syntaxError(text: string, err: unknown): string {
  const message = String((err as Error).message).replace(/,? ".*" is not valid JSON$/s, '');
  const at = /at position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `${message.replace(/ in JSON at position \d+.*$/s, '')} at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

function knownKeys(instancePath: string): string[] {
  if (instancePath === '') return ['$schema', 'profile', 'endpointUrl', 'subscriptionId', 'secret', 'secretEncoding', 'events', 'topics', 'callbackUrl', 'run', 'catalogue'];
  if (instancePath === '/run') return ['seed', 'runs', 'level', 'concurrency', 'reportDir', 'budgetMs', 'graceMs', 'connectTimeoutMs', 'maxBodyBytes', 'maxRunMs', 'polling', 'externalPayment', 'exploreRequests'];
  if (instancePath === '/run/polling' || instancePath === '/run/externalPayment') return ['maxRounds', 'maxMs'];
  if (instancePath === '/catalogue') return ['articles', 'codes', 'relations', 'customActions', 'paymentMethods'];
  if (instancePath.startsWith('/catalogue/articles/')) return ['articleNumber', 'text', 'priceIncl', 'barcode', 'pluNumber', 'extArticleId', 'supplierArticleNumber'];
  if (instancePath.startsWith('/catalogue/codes/')) return ['code', 'codeType'];
  if (instancePath.startsWith('/catalogue/relations/')) return ['relationNumber', 'extRelationId', 'name', 'cardNumber', 'email', 'vatNumber'];
  if (instancePath.startsWith('/catalogue/customActions/')) return ['id', 'caption'];
  if (instancePath.startsWith('/catalogue/paymentMethods/')) return ['method', 'description'];
  if (instancePath.includes('/triggers/')) return ['codeType', 'pattern', 'reject'];
  if (instancePath.startsWith('/events/')) return ['blocking', 'polling', 'budgetMs', 'triggers'];
  return [];
}

/** Checks an endpoint URL: http(s), a host, no credentials in it. */
export function parseEndpointUrl(text: string, flag = '--url'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`${flag} must be a full http:// or https:// URL such as https://example.com/webhooks (got "${text}"${/^[\w.-]+(:\d+)?(\/|$)/.test(text) ? ': add the scheme' : ''})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usage(`${flag} must use http:// or https:// (got ${url.protocol.replace(':', '')}://)`);
  if (!url.hostname) throw usage(`${flag} has no host name (got "${text}")`);
  if (url.username || url.password) throw usage(`${flag} must not carry credentials; the secret goes in ${SECRET_ENV}`);
  return text;
}

/**
 * Resolves flags, the config file and the environment into a run. Flags win over the file, the file over
 * defaults; the secret comes from `--secret`, then `HOOKCERT_SECRET`, then the file.
 */
export function resolveRun(input: CliInput, catalogues: (profile: ProfileName) => EventCatalogue, env: NodeJS.ProcessEnv = process.env): ResolvedRun {
  const configPath = input.config ?? (!input.noDefaultConfig && existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  const file: ConfigFile = configPath ? readConfigFile(configPath) : {};
  try {
    return resolveWith(input, catalogues, env, file, configPath);
  } catch (err) {
    // A message may quote a value of the file (an endpointUrl, a pattern): keep the file's secret out of it.
    if (err instanceof HookcertError && file.secret) throw new HookcertError(err.code, redact(err.message, [new Secret(file.secret)]));
    throw err;
  }
}

function resolveWith(input: CliInput, catalogues: (profile: ProfileName) => EventCatalogue, env: NodeJS.ProcessEnv, file: ConfigFile, configPath: string | undefined): ResolvedRun {
  const profile = valueOf(VALUES.profile, input.profile) ?? file.profile ?? 'mplus';
  const urlText = input.url ?? file.endpointUrl;
  if (!urlText) throw usage('no endpoint: pass --url https://… (or set endpointUrl in hookcert.config.json)');
  const url = parseEndpointUrl(urlText, input.url ? '--url' : `endpointUrl in ${configPath}`);
  const secretText = input.secret ?? env[SECRET_ENV] ?? file.secret;
  if (secretText === undefined || secretText === '')
    throw new HookcertError(HookcertErrorCode.NO_SECRET, `no secret: set ${SECRET_ENV} (or pass --secret) to the endpoint's secret key`);
  const secretEncoding =
    valueOf(VALUES.secretEncoding, input.secretEncoding) ?? file.secretEncoding ?? (profile === 'kopokopo' ? 'utf8' : 'base64');
  if (profile === 'mplus') decodeSecret(secretText, secretEncoding);
  // Standard Webhooks: `whsec_` + base64 of the key (the libraries also take the base64 alone).
  if (profile === 'standard-webhooks') {
    if (secretEncoding === 'utf8') throw usage('--secret-encoding utf8 plays no part for standard-webhooks: the key is always the base64 after whsec_');
    decodeSecret(secretText.replace(/^whsec_/, ''), 'base64');
  }

  const eventTypes = file.eventTypes !== undefined ? readEventTypes(file.eventTypes, configPath) : undefined;
  if (eventTypes && profile !== 'standard-webhooks')
    throw new HookcertError(HookcertErrorCode.CONFIG, `eventTypes in ${configPath} names Standard Webhooks event types: it applies to --profile standard-webhooks only`);
  const catalogue = eventTypes ? integratorEvents(catalogues(profile), eventTypes) : catalogues(profile);
  const known = catalogue.names();
  const chosen = input.events !== undefined ? splitList(input.events) : file.events ? Object.keys(file.events) : known;
  if (chosen.length === 0) throw usage('--events names no event; give a comma-separated list such as scanCode,addSessionLine');
  for (const name of chosen) {
    if (!known.includes(name))
      throw new HookcertError(HookcertErrorCode.UNKNOWN_EVENT, `unknown ${profile === 'kopokopo' ? 'topic' : 'event'} "${name}"${suggest(name, known)}; \`hookcert list --events-catalogue${profile === 'mplus' ? '' : ` --profile ${profile}`}\` lists them`);
  }
  // Budgets: --budget, else the event's own in the file, else run.budgetMs of the file, else the catalogue's.
  const budget = valueOf(VALUES.budget, input.budget);
  const fileBudget = file.run?.budgetMs;
  const events: EventConfig[] = chosen
    .map((name) => ({ name, ...catalogue.defaults(name), ...(fileBudget ? { budgetMs: fileBudget } : {}), ...(file.events?.[name] ?? {}), ...(budget ? { budgetMs: budget } : {}) }))
    .map((e) => ({ ...e, triggers: e.triggers ?? [], pollingConfigured: file.events?.[e.name]?.polling !== undefined }));
  for (const e of events) for (const t of e.triggers) {
    try {
      new RegExp(t.pattern);
    } catch {
      throw new HookcertError(HookcertErrorCode.CONFIG, `the code trigger pattern of ${e.name} is not a valid regular expression: ${t.pattern}`);
    }
  }

  const subscriptionId = input.subscriptionId ?? file.subscriptionId;
  const sub: Subscription = {
    profile,
    url,
    subscriptionId: subscriptionId ?? 'hookcert',
    subscriptionIdKnown: subscriptionId !== undefined,
    secret: new Secret(secretText),
    secretEncoding,
    events,
    topicUrls: topicUrls(input, file, configPath, profile, known),
    ...(eventTypes ? { eventTypes } : {}),
    ...(file.catalogue ? { catalogue: catalogueOf(file.catalogue) } : {}),
  };
  if (file.catalogue && profile !== 'mplus')
    throw new HookcertError(HookcertErrorCode.CONFIG, `catalogue in ${configPath} is the POS's master data: it applies to the mplus profile only; remove it for ${profile}`);
  const checks = input.check !== undefined ? splitList(input.check) : undefined;
  const options: RunOptions = {
    ...DEFAULT_RUN_OPTIONS,
    seed: valueOf(VALUES.seed, input.seed) ?? file.run?.seed ?? randomSeed(),
    runs: valueOf(VALUES.runs, input.runs) ?? (input.quick ? QUICK_RUNS : undefined) ?? file.run?.runs ?? DEFAULT_RUN_OPTIONS.runs,
    level: failOn(input) ?? file.run?.level ?? DEFAULT_RUN_OPTIONS.level,
    concurrency: valueOf(VALUES.concurrency, input.concurrency) ?? file.run?.concurrency ?? DEFAULT_RUN_OPTIONS.concurrency,
    maxBodyBytes: valueOf(VALUES.maxBodyBytes, input.maxBodyBytes) ?? file.run?.maxBodyBytes ?? DEFAULT_RUN_OPTIONS.maxBodyBytes,
    connectTimeoutMs: valueOf(VALUES.connectTimeout, input.connectTimeout) ?? file.run?.connectTimeoutMs ?? DEFAULT_RUN_OPTIONS.connectTimeoutMs,
    graceMs: valueOf(VALUES.grace, input.grace) ?? file.run?.graceMs ?? DEFAULT_RUN_OPTIONS.graceMs,
    maxRunMs: valueOf(VALUES.maxRunTime, input.maxRunTime) ?? file.run?.maxRunMs ?? DEFAULT_RUN_OPTIONS.maxRunMs,
    ...(checks ? { checks } : {}),
    ...(exploreRequests(input, file) !== undefined ? { exploreRequests: exploreRequests(input, file) } : {}),
    ...(input.shard !== undefined ? { shard: VALUES.shard.parse(input.shard) } : {}),
    pollingBounds: {
      maxRounds: valueOf(VALUES.maxPollingRounds, input.maxPollingRounds) ?? file.run?.polling?.maxRounds ?? DEFAULT_RUN_OPTIONS.pollingBounds.maxRounds,
      maxMs: valueOf(VALUES.maxPollingTime, input.maxPollingTime) ?? file.run?.polling?.maxMs ?? DEFAULT_RUN_OPTIONS.pollingBounds.maxMs,
    },
    paymentBounds: {
      maxRounds: valueOf(VALUES.maxPaymentPolls, input.maxPaymentPolls) ?? file.run?.externalPayment?.maxRounds ?? DEFAULT_RUN_OPTIONS.paymentBounds.maxRounds,
      maxMs: valueOf(VALUES.maxPaymentTime, input.maxPaymentTime) ?? file.run?.externalPayment?.maxMs ?? DEFAULT_RUN_OPTIONS.paymentBounds.maxMs,
    },
    ...(callbackUrl(input, file, configPath) ?? {}),
    ...(input.quick ? { quick: true } : {}),
    ...(input.keepGoing ? { keepGoing: true } : {}),
    ...(input.ca ? { ca: readCa(input.ca) } : {}),
    ...(input.insecure ? { insecure: true } : {}),
  };
  return { sub, options, reportDir: resolve(input.reportDir ?? file.run?.reportDir ?? 'reports/latest'), configPath, ...(input.debug ? { debug: true } : {}), ...(input.baseline !== undefined ? { baseline: readBaseline(input.baseline) } : {}) };
}

/** The integrator's event types as the catalogue of names (their defaults: the profile's). */
function integratorEvents(profileEvents: EventCatalogue, types: Record<string, EventTypeSchema>): EventCatalogue {
  return { names: () => Object.keys(types), defaults: (name) => profileEvents.defaults(name) };
}

/**
 * Where each Kopo Kopo topic or callback goes: `topics` of the file, then `--topic-url NAME=URL` (which wins);
 * `NAME` may end in `*` (`callback_*=URL`: every result callback). Names are checked against the catalogue.
 */
function topicUrls(input: CliInput, file: ConfigFile, configPath: string | undefined, profile: ProfileName, known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, url: string, where: string) => {
    const names = name.endsWith('*') ? known.filter((k) => k.startsWith(name.slice(0, -1))) : known.includes(name) ? [name] : [];
    if (names.length === 0)
      throw new HookcertError(HookcertErrorCode.UNKNOWN_EVENT, `${where}: unknown topic "${name}"${suggest(name, known)}; \`hookcert list --events-catalogue --profile kopokopo\` lists them`);
    for (const n of names) out[n] = parseEndpointUrl(url, where);
  };
  for (const [name, url] of Object.entries(file.topics ?? {})) if (url !== undefined) put(name, url, `topics.${name} in ${configPath}`);
  if (input.topicUrl?.length && profile !== 'kopokopo') throw usage('--topic-url gives a Kopo Kopo topic or callback its own URL: add --profile kopokopo (mplus appends the event name to --url)');
  for (const pair of input.topicUrl ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usage(`--topic-url takes NAME=URL, e.g. --topic-url callback_incoming_payment=https://example.com/k2/stk-results (got "${pair}")`);
    put(pair.slice(0, at).trim(), pair.slice(at + 1).trim(), `--topic-url ${pair.slice(0, at).trim()}`);
  }
  return out;
}

/** `--callback-url`, else `callbackUrl` of the file: an http(s) URL without credentials. */
function callbackUrl(input: CliInput, file: ConfigFile, configPath: string | undefined): { callbackUrl: string } | undefined {
  const text = input.callbackUrl ?? file.callbackUrl;
  if (text === undefined) return undefined;
  return { callbackUrl: parseEndpointUrl(text, input.callbackUrl !== undefined ? '--callback-url' : `callbackUrl in ${configPath}`) };
}

/** `--explore`, else `run.exploreRequests` of the file. */
function exploreRequests(input: CliInput, file: ConfigFile): number | undefined {
  return valueOf(VALUES.explore, input.explore) ?? file.run?.exploreRequests;
}

/** `--fail-on` and `--level` (its alias); both given, they must agree. */
function failOn(input: CliInput): 'must' | 'should' | undefined {
  const a = valueOf(VALUES.failOn, input.failOn);
  const b = valueOf(VALUES.level, input.level);
  if (a && b && a !== b) throw usage(`--fail-on ${a} and --level ${b} disagree (--fail-on is an alias of --level): give one of them`);
  return a ?? b;
}

function readCa(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw usage(`--ca: cannot read the certificate file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw usage(`--ca: ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----): give the CA or server certificate in PEM form`);
  return text;
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
