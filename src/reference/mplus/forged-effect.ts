import { fail, type Stages } from './receiver.js';
import type { Body } from './wire.js';

/**
 * The signature stage of `ref`, handing the body of each request it refuses (when it parses) to `act` first: the
 * refusal still goes out, what `act` did stays.
 */
export function onForged(ref: Stages, act: (event: string, body: Body) => void): Stages['signature'] {
  return (inc) => {
    const refused = ref.signature(inc);
    if (refused) {
      const parsed = ref.parse(inc);
      if ('body' in parsed) act(inc.event, parsed.body);
    }
    return refused;
  };
}

/**
 * The broken stages of a receiver that acts on a request before checking its signature: a refused (forged)
 * request whose `keyOf` is defined leaves its mark, and a later genuine request with the same key is refused
 * with INVALID_DATA and `message` (the voucher already redeemed, the seat already reserved).
 */
export function actsOnForged(ref: Stages, keyOf: (event: string, body: Body) => string | undefined, message: string): Stages {
  const marked = new Set<string>();
  return {
    ...ref,
    signature: onForged(ref, (event, body) => {
      const key = keyOf(event, body);
      if (key) marked.add(key);
    }),
    async reply(event, body, state) {
      const key = keyOf(event, body);
      if (key && marked.has(key)) return fail('INVALID_DATA', message);
      return ref.reply(event, body, state);
    },
  };
}
