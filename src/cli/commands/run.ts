import { resolveRun, type CliInput } from '../../config/load.js';
import { bundleFromFlag } from '../../bundle/bundle.js';
import { executeRun } from '../execute.js';
import type { Io } from '../io.js';
import { catalogues, profile } from '../profiles.js';

/** The words a replay repeats: everything that shapes the requests, never the secret, seed or check. */
export function replayWords(command: string[], input: CliInput): string[] {
  const words = ['npx', 'hookcert', ...command];
  const add = (flag: string, value: string | undefined) => {
    if (value !== undefined) words.push(flag, value);
  };
  add('--url', input.url);
  add('--config', input.config);
  add('--profile', input.profile);
  add('--subscription-id', input.subscriptionId);
  add('--secret-encoding', input.secretEncoding);
  add('--events', input.events);
  add('--runs', input.runs);
  add('--level', input.level ?? input.failOn);
  add('--concurrency', input.concurrency);
  // --quick changes the number of cases: a replay needs it (an explicit --runs is repeated above and wins).
  if (input.quick) words.push('--quick');
  // The exploration phase runs before every check: its bound shapes what the checks start from.
  add('--explore', input.explore);
  // Limits that change verdicts (a timeout replays as a timeout only under the same budget).
  add('--budget', input.budget);
  add('--grace', input.grace);
  add('--max-body-bytes', input.maxBodyBytes);
  add('--callback-url', input.callbackUrl);
  for (const pair of input.topicUrl ?? []) add('--topic-url', pair);
  add('--max-polling-rounds', input.maxPollingRounds);
  add('--max-polling-time', input.maxPollingTime);
  add('--max-payment-polls', input.maxPaymentPolls);
  add('--max-payment-time', input.maxPaymentTime);
  return words;
}

/** `hookcert run`: certify an endpoint. */
export async function runCommand(input: CliInput & { verbose?: boolean; bundle?: string | boolean }, io: Io): Promise<number> {
  const resolved = resolveRun(input, catalogues, io.env);
  const { code, results } = await executeRun(resolved, profile(resolved.sub.profile).driver, replayWords(['run'], input), io, input.verbose);
  const bundle = bundleFromFlag(input.bundle, results, resolved.reportDir);
  if (bundle) io.stdout(`bundle: ${bundle}\n`);
  return code;
}
