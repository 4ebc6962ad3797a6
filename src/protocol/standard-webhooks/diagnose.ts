import type { LiveExchange } from '../../http/exchange.js';
import { commonCause, refusalText, sharedRefusal, type RootCause } from '../../runner/diagnosis.js';
import type { SwContext } from './context.js';

/** How many subscribed types besides the probe's get one valid, correctly signed delivery before a cause is named. */
const SAMPLED_TYPES = 2;

const taken = (ex: LiveExchange | undefined) => !!ex?.response && !ex.error && ex.response.status >= 200 && ex.response.status <= 299;

/**
 * Why every delivery is refused, when it is: called after a refused probe, it delivers a valid, correctly signed
 * payload of a few other subscribed types and, when all are refused alike, names the cause. A refused signature is
 * told apart from a receiver that keys the HMAC with the `whsec_` text, and from a receiver whose clock is off (a
 * delivery stamped ten minutes earlier or later is taken), by one more delivery each.
 */
export async function diagnoseStandardWebhooks(sw: SwContext, probe: LiveExchange): Promise<RootCause | undefined> {
  const exchanges: LiveExchange[] = [probe];
  for (const t of sw.eventTypes().filter((t) => t.type !== probe.label).slice(0, SAMPLED_TYPES)) exchanges.push((await sw.send(t.type)).exchange);
  const refusal = sharedRefusal(exchanges);
  if (!refusal) return undefined;
  const urls = [...new Set(exchanges.map((ex) => ex.request.url))];
  const found = { refusal, requests: exchanges.length, urls };
  const retry = async (opts: Parameters<SwContext['send']>[2]) => {
    found.requests++;
    return (await sw.send(probe.label, {}, opts).catch(() => undefined))?.exchange;
  };
  if (refusal.status === 400 || refusal.status === 401 || refusal.status === 403) {
    if (taken(await retry({ forged: 'secret-read-otherwise' })))
      return {
        ...found,
        summary: `every delivery was refused with ${refusalText(refusal)}, and one signed with the secret's text as key was accepted`,
        fix: 'the endpoint keys the HMAC with the whsec_ text; the key is the bytes its base64 (after whsec_) decodes to (SW-SIG-001 fails)',
      };
    for (const skew of [-600, 600])
      if (taken(await retry({ skewSeconds: skew })))
        return {
          ...found,
          summary: `every delivery stamped now was refused with ${refusalText(refusal)}, and one stamped ${Math.abs(skew / 60)} minutes ${skew < 0 ? 'earlier' : 'later'} was accepted`,
          fix: "the endpoint's clock is off: synchronise it (NTP); webhook-timestamp is judged against it",
        };
    return { ...found, summary: `every delivery was refused with ${refusalText(refusal)}`, fix: "check HOOKCERT_SECRET: it is the endpoint's whsec_ signing secret" };
  }
  if (refusal.status === 404 || refusal.status === 410)
    return { ...found, summary: `every delivery was answered HTTP ${refusal.status} (${urls[0]})`, fix: 'check --url: the sender posts to exactly that URL' };
  const common = commonCause(refusal, urls);
  if (common) return { ...found, ...common, summary: common.summary.replace(/^every request/, 'every delivery') };
  return { ...found, summary: `every valid, correctly signed delivery was refused with ${refusalText(refusal)}`, fix: 'the endpoint refuses what a Standard Webhooks sender sends; the report shows the exchanges' };
}
