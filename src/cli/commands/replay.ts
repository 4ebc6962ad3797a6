import { readFileSync } from 'node:fs';
import { resolveRun, type CliInput } from '../../config/load.js';
import { suggest } from '../../suggest.js';
import { HookcertError, HookcertErrorCode } from '../../errors.js';
import type { Baseline } from '../../baseline/baseline.js';
import type { RunResults } from '../../runner/results.js';
import type { CheckResult } from '../../runner/types.js';
import { executeRun } from '../execute.js';
import type { Io } from '../io.js';
import { EXIT } from '../options.js';
import { catalogues, profile } from '../../profiles.js';
import { replayWords } from './run.js';

/** What `hookcert replay` was given: the results.json (first argument) and the flags. */
export type ReplayInput = Pick<CliInput, 'url' | 'secret' | 'config' | 'check' | 'reportDir' | 'ca' | 'insecure' | 'debug'> & { args?: string[]; verbose?: boolean };

/** What became of one replayed failure. */
export type ReplayOutcome = 'still failing' | 'fixed' | 'now erroring' | 'still erroring' | 'now skipped' | 'not judged';

const usage = (message: string) => new HookcertError(HookcertErrorCode.USAGE, message);

/** Reads a results.json written by hookcert; anything else is a usage error. */
export function readResults(path: string | undefined): RunResults {
  if (!path) throw usage('replay needs the results.json of a run: hookcert replay reports/latest/results.json');
  let json: Partial<RunResults>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Partial<RunResults>;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? 'not valid JSON';
    throw usage(`cannot read ${path} (${why}): give the results.json a run wrote into its report folder`);
  }
  if (json.tool?.name !== 'hookcert' || !Array.isArray(json.checks) || typeof json.seed !== 'number' || !json.profile)
    throw usage(`${path} is not a hookcert results.json: give the results.json a run wrote into its report folder`);
  return json as RunResults;
}

/** The value of `flag` in a replay command line such as `npx hookcert run --concurrency 8 --seed 1`. */
export function flagOf(command: string, flag: string): string | undefined {
  return flagsOf(command, flag)[0];
}

/** Every value of a flag given more than once (`--topic-url a=… --topic-url b=…`). */
export function flagsOf(command: string, flag: string): string[] {
  const words = [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]));
  return words.flatMap((w, i) => (w === flag && words[i + 1] !== undefined ? [words[i + 1]] : []));
}

/**
 * The baseline a run was gated with, as far as its results.json tells (the ids it knew or saw fixed, with
 * their reasons), so `replay` gates the replayed checks the same way; none when the run had no baseline.
 */
export function baselineOf(prior: RunResults): Baseline | undefined {
  const b = prior.baseline;
  if (!b) return undefined;
  const reason = (id: string) => prior.checks.find((c) => c.id === id)?.baselineReason ?? '';
  return { source: b.source, entries: [...b.known, ...b.fixed].map((id) => ({ id, reason: reason(id) })) };
}

/** What became of a check that failed in the original run. */
export function outcomeOf(before: CheckResult, now: CheckResult | undefined): ReplayOutcome {
  if (!now) return 'not judged';
  if (now.status === 'fail') return 'still failing';
  if (now.status === 'error') return before.status === 'error' ? 'still erroring' : 'now erroring';
  if (now.status === 'skip') return 'now skipped';
  return 'fixed';
}

/**
 * `hookcert replay results.json [--check IDS] [--url URL]`: re-runs exactly the checks that failed or errored
 * in a run, with its seed, profile, subscription id, events (and their budgets), runs and level, so each sends
 * the same requests; the secret comes from `--secret` or `HOOKCERT_SECRET`. Says for each whether it is still
 * failing, fixed or now erroring. Exit 0 when every one is fixed, 1 otherwise, 3 when the replay could not complete.
 */
export async function replayCommand(input: ReplayInput, io: Io): Promise<number> {
  const file = input.args?.[0];
  const prior = readResults(file);
  const failed = prior.checks.filter((c) => c.status === 'fail' || c.status === 'error');
  const asked = input.check?.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const id of asked ?? []) {
    if (!failed.some((c) => c.id === id)) {
      const was = prior.checks.find((c) => c.id === id);
      throw usage(`--check ${id}: ${was ? `it did not fail in ${file} (${was.status})` : `${file} has no check ${id}${suggest(id, prior.checks.map((c) => c.id))}`}; replay re-runs failing checks: ${failed.map((c) => c.id).join(', ') || 'none failed'}`);
    }
  }
  const targets = asked ? failed.filter((c) => asked.includes(c.id)) : failed;
  if (targets.length === 0) {
    io.stdout(`nothing to replay: no check failed or errored in ${file}\n`);
    return EXIT.conformant;
  }
  // A demo's receiver lived only as long as the demo: say where to point the replay instead.
  if (!input.url && /^npx hookcert demo\b/.test(prior.replay))
    throw usage(`${file} comes from \`hookcert demo\`, whose receiver is gone: pass --url (and the secret) of a receiver, e.g. one \`hookcert serve\` runs`);
  const sub = prior.subscription;
  const runInput: CliInput = {
    url: input.url ?? prior.target.url,
    secret: input.secret,
    config: input.config ?? flagOf(prior.replay, '--config'),
    profile: prior.profile,
    secretEncoding: sub?.secretEncoding,
    subscriptionId: sub?.subscriptionId,
    events: sub?.events.map((e) => e.name).join(','),
    seed: String(prior.seed),
    runs: prior.runs !== undefined ? String(prior.runs) : undefined,
    level: prior.level,
    concurrency: flagOf(prior.replay, '--concurrency'),
    explore: flagOf(prior.replay, '--explore') ?? (prior.coverage?.exploration ? String(prior.coverage.exploration.limits.requests) : undefined),
    topicUrl: flagsOf(prior.replay, '--topic-url'),
    check: targets.map((c) => c.id).join(','),
    reportDir: input.reportDir ?? 'reports/replay',
    ca: input.ca,
    insecure: input.insecure,
    debug: input.debug,
  };
  const resolved = resolveRun(runInput, catalogues, io.env);
  // The run's baseline goes with it: the replay's results.json keeps verdict and gate apart as the run did.
  const baseline = baselineOf(prior);
  if (baseline) resolved.baseline = baseline;
  // The events as the run had them (budgets from a config file or --budget included).
  for (const e of resolved.sub.events) {
    const was = sub?.events.find((x) => x.name === e.name);
    if (was) Object.assign(e, { blocking: was.blocking ?? e.blocking, polling: was.polling ?? e.polling, budgetMs: was.budgetMs ?? e.budgetMs });
  }
  io.stdout(`replaying ${targets.length} failing check${targets.length === 1 ? '' : 's'} of ${file} (seed ${prior.seed}) against ${resolved.sub.url}\n`);
  const { code, results } = await executeRun(resolved, profile(resolved.sub.profile).driver, replayWords(['run'], runInput), io, input.verbose);
  const outcomes = targets.map((before) => {
    const now = results.checks.find((c) => c.id === before.id);
    return { id: before.id, outcome: outcomeOf(before, now), detail: now?.failure?.message ?? now?.reason ?? '' };
  });
  io.stdout('\nreplay:\n');
  for (const o of outcomes) io.stdout(`  ${o.id}: ${o.outcome}${o.detail && o.outcome !== 'fixed' ? ` (${o.detail})` : ''}\n`);
  const fixed = outcomes.filter((o) => o.outcome === 'fixed').length;
  io.stdout(`${fixed} of ${outcomes.length} fixed\n`);
  if (code === EXIT.incomplete) return EXIT.incomplete;
  return fixed === outcomes.length ? EXIT.conformant : EXIT.notConformant;
}
