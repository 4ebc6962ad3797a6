import type { LiveExchange } from '../../http/exchange.js';
import { commonCause, refusalText, sharedRefusal, type RootCause } from '../../runner/diagnosis.js';
import type { KopokopoContext } from './context.js';

/** How many subscribed topics besides the probe's get one valid, correctly signed delivery before a cause is named. */
const SAMPLED_TOPICS = 3;

/**
 * Why every delivery is refused, when it is: called after a refused probe, it delivers one valid, correctly
 * signed payload of a few other subscribed topics and, when all are refused alike, names the cause. A refusal
 * of the signature is told apart from an endpoint that expects the HMAC written another way (base64) by one
 * more delivery signed so.
 */
export async function diagnoseKopokopo(k2: KopokopoContext, probe: LiveExchange): Promise<RootCause | undefined> {
  const exchanges: LiveExchange[] = [probe];
  for (const t of k2.topics().filter((t) => t.name !== probe.label).slice(0, SAMPLED_TOPICS)) exchanges.push((await k2.send(t.name)).exchange);
  const refusal = sharedRefusal(exchanges);
  if (!refusal) return undefined;
  const urls = [...new Set(exchanges.map((ex) => ex.request.url))];
  const found = { refusal, requests: exchanges.length, urls };
  if (refusal.status === 401 || refusal.status === 403) {
    const retry = await k2.send(probe.label, {}, { forged: 'other-encoding' }).catch(() => undefined);
    found.requests++;
    const accepted = retry?.exchange.response && retry.exchange.response.status >= 200 && retry.exchange.response.status <= 299;
    if (accepted)
      return {
        ...found,
        summary: `every delivery was refused with ${refusalText(refusal)}, and the same HMAC written as base64 was accepted`,
        fix: 'the endpoint expects base64; Kopo Kopo sends X-KopoKopo-Signature as lowercase hex (fix the endpoint, KK-SIG-001 fails)',
      };
    return { ...found, summary: `every delivery was refused with ${refusalText(refusal)}`, fix: "check HOOKCERT_SECRET: it is the application's API key, used as text" };
  }
  if (refusal.status === 404 || refusal.status === 410)
    return { ...found, summary: `every URL answered HTTP ${refusal.status} (${urls.slice(0, 2).join(', ')}${urls.length > 2 ? ', …' : ''})`, fix: 'check --url and --topic-url: Kopo Kopo posts to exactly the URL of the subscription (or callback_url), nothing appended' };
  const common = commonCause(refusal, urls);
  if (common) return { ...found, ...common, summary: common.summary.replace(/^every request/, 'every delivery') };
  return { ...found, summary: `every valid, correctly signed delivery was refused with ${refusalText(refusal)}`, fix: 'the endpoint refuses what Kopo Kopo sends; the report shows the exchanges' };
}
