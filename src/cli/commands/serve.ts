import { randomBytes } from 'node:crypto';
import { HookcertError, HookcertErrorCode } from '../../errors.js';
import { decodeSecret } from '../../protocol/signature.js';
import { findMutant } from '../../reference/mutants.js';
import { serveHandlers } from '../../reference/server.js';
import { shellWord } from '../../runner/replay.js';
import type { ProfileName } from '../../runner/types.js';
import type { Io } from '../io.js';
import { profile } from '../../profiles.js';
import { valueOf, VALUES } from '../../config/values.js';

/** `hookcert serve`: the reference receiver (or a mutant) alone, on 127.0.0.1, until stopped. */
export async function serveCommand(
  input: { profile?: string; port?: string; mutant?: string; secret?: string; secretEncoding?: string; subscriptionId?: string },
  io: Io,
): Promise<number> {
  // The values as commander checked them (src/config/values.ts); the secret from --secret or HOOKCERT_SECRET.
  const name = valueOf(VALUES.profile, input.profile) ?? 'mplus';
  const entry = profile(name);
  const port = valueOf(VALUES.port, input.port) ?? 0;
  const encoding = valueOf(VALUES.secretEncoding, input.secretEncoding) ?? 'base64';
  const given = input.secret;
  // Standard Webhooks secrets are `whsec_` + base64 of the key, as `hookcert run` wants them (the same checks).
  const secret = given ?? `${name === 'standard-webhooks' ? 'whsec_' : ''}${randomBytes(32).toString('base64')}`;
  if (name === 'mplus') decodeSecret(secret, encoding);
  if (name === 'standard-webhooks') {
    if (encoding === 'utf8') throw new HookcertError(HookcertErrorCode.USAGE, '--secret-encoding utf8 plays no part for standard-webhooks: the key is always the base64 after whsec_');
    decodeSecret(secret.replace(/^whsec_/, ''), 'base64');
  }
  const setup = { secret, secretEncoding: encoding, subscriptionIds: input.subscriptionId ? [input.subscriptionId] : [] };
  const handlers = input.mutant ? (await findMutant(name, input.mutant)).handlers(setup) : await entry.reference(setup);
  let served;
  try {
    served = await serveHandlers(handlers, { port });
  } catch (err) {
    throw new HookcertError(HookcertErrorCode.USAGE, `cannot listen on 127.0.0.1:${port} (${(err as NodeJS.ErrnoException).code ?? 'error'}): choose another --port`);
  }
  io.stdout(`${input.mutant ? `mutant ${input.mutant}` : 'reference receiver'} (${name}) listening at ${served.url}\n`);
  // A generated secret is printed once, so the user can point `hookcert run` at this receiver.
  if (given === undefined) io.stdout(`${{ mplus: 'generated secret (base64)', kopokopo: 'generated API key (used as text)', 'standard-webhooks': 'generated signing secret (whsec_ + base64)' }[name]}: ${secret}\n`);
  io.stdout(`certify it from another terminal${given === undefined ? '' : ' (HOOKCERT_SECRET set to the secret you gave)'}:\n  ${runCommandFor(name, served.url, input, given === undefined ? secret : undefined)}\n`);
  io.stdout('press Ctrl-C to stop\n');
  const how = await stopped();
  await served.close();
  io.stdout(`stopped (${how})\n`);
  return 0;
}

/** The `hookcert run` command that certifies this receiver, ready to paste; the secret only when it was generated. */
export function runCommandFor(profile: ProfileName, url: string, input: { subscriptionId?: string; secretEncoding?: string }, generatedSecret?: string): string {
  const words = generatedSecret === undefined ? [] : [`HOOKCERT_SECRET=${shellWord(generatedSecret)}`];
  words.push('npx', 'hookcert', 'run', '--url', url);
  if (profile !== 'mplus') words.push('--profile', profile);
  if (profile === 'mplus' && input.subscriptionId) words.push('--subscription-id', shellWord(input.subscriptionId));
  if (profile === 'mplus' && input.secretEncoding && input.secretEncoding !== 'base64') words.push('--secret-encoding', input.secretEncoding);
  return words.join(' ');
}

/**
 * Resolves when the server should stop: Ctrl-C, SIGTERM or SIGHUP, or the process that started it gone. `npx`
 * runs hookcert as a grandchild and passes no signal on: when npx is stopped, the server notices that it was
 * orphaned (its parent process changed) and stops too, instead of holding the port.
 */
function stopped(): Promise<string> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const parent = process.ppid;
  return new Promise<string>((resolve) => {
    const done = (why: string) => {
      clearInterval(watch);
      for (const s of signals) process.off(s, handlers[s]);
      resolve(why);
    };
    const handlers = Object.fromEntries(signals.map((s) => [s, () => done(s)])) as Record<NodeJS.Signals, () => void>;
    for (const s of signals) process.once(s, handlers[s]);
    const watch = setInterval(() => {
      if (process.ppid !== parent) done('the process that started it is gone');
    }, 500);
  });
}
