import { resolveRun, type CliInput } from '../../config/load.js';
import { bundleFromFlag } from '../../bundle/bundle.js';
import { DEFAULT_RUN_OPTIONS } from '../../runner/options.js';
import { executeRun } from '../execute.js';
import type { Io } from '../io.js';
import { catalogues, profile } from '../../profiles.js';

/**
 * The words a replay repeats: everything that shapes the requests, never the secret, seed or check, and only
 * what differs from the defaults (`--profile mplus`, `--runs 25`, `--level must`… say nothing a replay needs).
 */
export function replayWords(command: string[], input: CliInput): string[] {
  const words = ['npx', 'hookcert', ...command];
  const profile = input.profile ?? 'mplus';
  const add = (flag: string, value: string | undefined, byDefault?: string | number) => {
    if (value === undefined) return;
    if (byDefault !== undefined && (value === String(byDefault) || (typeof byDefault === 'number' && /^\d+$/.test(value) && Number(value) === byDefault))) return;
    words.push(flag, value);
  };
  add('--url', input.url);
  add('--config', input.config);
  add('--profile', input.profile, 'mplus');
  add('--subscription-id', input.subscriptionId);
  add('--secret-encoding', input.secretEncoding, profile === 'kopokopo' ? 'utf8' : 'base64');
  add('--events', input.events);
  // Under --quick an explicit --runs wins over its 3 cases, so it is repeated even when it says 25.
  add('--runs', input.runs, input.quick ? undefined : DEFAULT_RUN_OPTIONS.runs);
  add('--level', input.level ?? input.failOn, DEFAULT_RUN_OPTIONS.level);
  add('--concurrency', input.concurrency, DEFAULT_RUN_OPTIONS.concurrency);
  // --quick changes the number of cases: a replay needs it (an explicit --runs is repeated above and wins).
  if (input.quick) words.push('--quick');
  if (input.keepGoing) words.push('--keep-going');
  // The exploration phase runs before every check: its bound shapes what the checks start from.
  add('--explore', input.explore);
  // Limits that change verdicts (a timeout replays as a timeout only under the same budget).
  add('--budget', input.budget);
  add('--grace', input.grace, DEFAULT_RUN_OPTIONS.graceMs);
  add('--max-body-bytes', input.maxBodyBytes, DEFAULT_RUN_OPTIONS.maxBodyBytes);
  add('--callback-url', input.callbackUrl);
  for (const pair of input.topicUrl ?? []) add('--topic-url', pair);
  add('--max-polling-rounds', input.maxPollingRounds, DEFAULT_RUN_OPTIONS.pollingBounds.maxRounds);
  add('--max-polling-time', input.maxPollingTime);
  add('--max-payment-polls', input.maxPaymentPolls, DEFAULT_RUN_OPTIONS.paymentBounds.maxRounds);
  add('--max-payment-time', input.maxPaymentTime);
  return words;
}

/** `hookcert run`: certify an endpoint. */
export async function runCommand(input: CliInput & { verbose?: boolean; bundle?: string | boolean }, io: Io): Promise<number> {
  const resolved = resolveRun(input, catalogues, io.env);
  const { code, results } = await executeRun(resolved, profile(resolved.sub.profile).driver, replayWords(['run'], input), io, input.verbose);
  const bundle = await bundleFromFlag(input.bundle, results, resolved.reportDir, resolved.sub.eventTypes);
  if (bundle) io.stdout(`bundle: ${bundle}\n`);
  return code;
}
