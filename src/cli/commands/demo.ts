import { randomBytes } from 'node:crypto';
import { resolveRun, type CliInput } from '../../config/load.js';
import { findMutant } from '../../reference/mutants.js';
import { serveHandlers } from '../../reference/server.js';
import { bundleFromFlag } from '../../bundle/bundle.js';
import { executeRun } from '../execute.js';
import type { Io } from '../io.js';
import { valueOf, VALUES } from '../../config/values.js';
import { catalogues, profile } from '../../profiles.js';
import { replayWords } from './run.js';

/** The subscription id of the demo receiver. */
export const DEMO_SUBSCRIPTION_ID = 'hookcert-demo';

/**
 * `hookcert demo`: the embedded default. Serves the reference receiver (or a mutant) on loopback with a fresh
 * secret and runs the whole suite against it. With a mutant, SHOULD checks gate too (`--level should`),
 * so every mutant shows up in the exit code.
 */
export async function demoCommand(input: CliInput & { mutant?: string; verbose?: boolean; bundle?: string | boolean }, io: Io): Promise<number> {
  const name = valueOf(VALUES.profile, input.profile) ?? 'mplus';
  const entry = profile(name);
  // Standard Webhooks secrets are `whsec_` + base64 of the key; the others base64 (mplus) or text (kopokopo).
  const secret = `${name === 'standard-webhooks' ? 'whsec_' : ''}${randomBytes(32).toString('base64')}`;
  // A Kopo Kopo API key is used as text, never decoded: say so in the results.
  const secretEncoding = name === 'kopokopo' ? ('utf8' as const) : ('base64' as const);
  const setup = { secret, secretEncoding, subscriptionIds: [DEMO_SUBSCRIPTION_ID] };
  const handlers = input.mutant ? (await findMutant(name, input.mutant)).handlers(setup) : await entry.reference(setup);
  const served = await serveHandlers(handlers);
  // keepGoing: the demo's receiver is hookcert's own, set up with the right secret and id: a refusal of every
  // request is the mutant's bug to be judged by every check, not a mistake in the user's configuration.
  try {
    const resolved = resolveRun(
      { ...input, url: served.url, secret, secretEncoding, subscriptionId: DEMO_SUBSCRIPTION_ID, level: input.level ?? input.failOn ?? (input.mutant ? 'should' : undefined), config: undefined, keepGoing: true },
      catalogues,
      { ...io.env, HOOKCERT_SECRET: undefined },
    );
    const level = resolved.options.level === 'should' ? `level should: SHOULD checks decide the verdict too${input.mutant && !input.level && !input.failOn ? ', so every mutant shows in the exit code (--level must for MUST only)' : ''}` : 'level must: SHOULD checks warn';
    io.stdout(`serving the ${input.mutant ? `mutant ${input.mutant}` : 'reference receiver'} at ${served.url} · ${level}\n`);
    const words = replayWords(['demo'], { profile: input.profile, events: input.events, runs: input.runs, level: input.level ?? input.failOn, concurrency: input.concurrency, quick: input.quick });
    if (input.mutant) words.push('--mutant', input.mutant);
    const { code, results } = await executeRun(resolved, entry.driver, words, io, input.verbose);
    const bundle = await bundleFromFlag(input.bundle, results, resolved.reportDir);
    if (bundle) io.stdout(`bundle: ${bundle}\n`);
    return code;
  } finally {
    await served.close();
  }
}
