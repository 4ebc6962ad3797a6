import type { LiveExchange } from '../http/exchange.js';
import type { MplusContext } from './context.js';
import { commonCause, refusalText, sharedRefusal, type RootCause } from '../runner/diagnosis.js';

/** How many subscribed events besides the probe's get one valid, correctly signed request before a cause is named. */
const SAMPLED_EVENTS = 3;

const SIGNATURE_CODES = new Set(['INVALID_SIGNATURE', 'NO_SIGNATURE']);
const SUBSCRIPTION_CODES = new Set(['INVALID_SUBSCRIPTION_ID', 'NO_SUBSCRIPTION_ID']);

/**
 * Why every request is refused, when it is: called after a refused probe, it sends one valid, correctly signed
 * request to a few other subscribed events (other URLs) and, when all of them are refused the same way, names
 * the cause and what to fix. A wrong secret is told apart from the other reading of it (`--secret-encoding`)
 * by one more request signed with the secret read the other way.
 */
export async function diagnoseMplus(pos: MplusContext, probe: LiveExchange): Promise<RootCause | undefined> {
  const exchanges: LiveExchange[] = [probe];
  for (const e of pos.events().filter((e) => e.name !== probe.label).slice(0, SAMPLED_EVENTS)) exchanges.push((await pos.send(e.name)).exchange);
  const refusal = sharedRefusal(exchanges);
  if (!refusal) return undefined;
  const urls = exchanges.map((ex) => ex.request.url);
  const found = { refusal, requests: exchanges.length, urls };
  const sub = pos.sub;
  const idSent = `hookcert sent X-Mplus-Subscription-Id: ${sub.subscriptionId}${sub.subscriptionIdKnown ? '' : ' (the default, as no --subscription-id was given)'}`;
  if (refusal.code && SUBSCRIPTION_CODES.has(refusal.code))
    return { ...found, summary: `every request was refused with ${refusalText(refusal)}`, fix: `${idSent}: pass --subscription-id with the id of your subscription` };
  if ((refusal.code && SIGNATURE_CODES.has(refusal.code)) || refusal.status === 401 || refusal.status === 403) {
    const other = sub.secretEncoding === 'base64' ? 'utf8' : 'base64';
    const retry = await pos.send(probe.label, {}, { forged: 'secret-read-otherwise' }).catch(() => undefined);
    found.requests++;
    if (retry && retry.exchange.response && retry.exchange.response.status >= 200 && retry.exchange.response.status <= 299)
      return {
        ...found,
        summary: `every request was refused with ${refusalText(refusal)}, and one signed with the secret read as ${other === 'utf8' ? 'its UTF-8 text' : 'base64'} was accepted`,
        fix: `pass --secret-encoding ${other}`,
      };
    const secret = `check HOOKCERT_SECRET (the subscription's secret key) and --secret-encoding (now ${sub.secretEncoding}: ${sub.secretEncoding === 'base64' ? 'the key is base64-decoded' : 'the key is used as text'})`;
    const why = refusal.code ? secret : `${secret}; ${idSent}`;
    return { ...found, summary: `every request was refused with ${refusalText(refusal)}`, fix: why };
  }
  if (refusal.status === 404 || refusal.status === 410) {
    const base = new URL(sub.url);
    const last = base.pathname.split('/').filter(Boolean).at(-1);
    const endsWithEvent = last !== undefined && pos.catalogue.has(last);
    return {
      ...found,
      summary: `every event URL answered HTTP ${refusal.status} (${urls.slice(0, 2).join(', ')}${urls.length > 2 ? ', …' : ''})`,
      fix: endsWithEvent
        ? `--url ends with the event name ${last}: give the base URL (${sub.url.replace(new RegExp(`/${last}/?$`), '')}); hookcert appends each event's name`
        : `check --url: it is your subscription's base Endpoint URL, and hookcert appends each event's name (POST ${sub.url.replace(/\/$/, '')}/${probe.label})`,
    };
  }
  const common = commonCause(refusal, urls);
  if (common) return { ...found, ...common };
  return { ...found, summary: `every valid, correctly signed request was refused with ${refusalText(refusal)}`, fix: 'the endpoint refuses what the POS sends; the report shows the exchanges' };
}
