import type { MplusReply } from '../generated/mplus/reply.js';
import type { MplusErrorCode } from '../generated/mplus/error-code.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { CASE_LANES, type MplusContext, type Delivery } from './context.js';
import { isJsonContentType } from '../protocol/mplus/reply.js';
import { toleratedInWords, toleratedRefusal } from '../protocol/mplus/readings.js';
import { replySample } from './reply-sample.js';

/** The vendor's error codes, read through the schema registry (`mplus/error-code.schema.json`; the vendor's list is cut off). */
export function errorCodes(schemas: SchemaRegistry): readonly string[] {
  return (schemas.get(ERROR_CODE_SCHEMA) as { enum: MplusErrorCode[] }).enum;
}

/** The schema of the vendor's error codes. */
export const ERROR_CODE_SCHEMA = 'mplus/error-code.schema.json';

/** A reply in a few words, for "received: …". */
export function received(d: Delivery): string {
  const ex = d.exchange;
  if (ex.error && !ex.response) return `no reply (${ex.error.kind}: ${ex.error.message}) after ${Math.round(ex.timing.totalMs)} ms`;
  if (ex.error) return `HTTP ${ex.response?.status}, then ${ex.error.kind}: ${ex.error.message}`;
  const body = ex.response!.body;
  const shown = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  return `HTTP ${ex.response!.status}${body ? ` ${JSON.stringify(shown)}` : ' with an empty body'}`;
}

/** A 404 usually means the event is not implemented or not subscribed: say so. */
function hint(d: Delivery): string {
  return d.reply.status === 404 ? ` (a 404: if the endpoint does not subscribe to ${d.event}, leave it out with --events or the config file)` : '';
}

/** The endpoint did not crash or hang: it answered, and not with a 5xx. */
export function expectNoServerError(t: MplusContext, d: Delivery, what: string): void {
  if (d.reply.missing) t.fail(`${what}: no complete reply`, { expected: 'an HTTP reply within the budget', received: received(d) });
  if (d.reply.status! >= 500) t.fail(`${what}: the endpoint answered with a server error`, { expected: 'a 2xx or a 4xx, never a 5xx', received: received(d) });
}

/**
 * Why the 4xx reply of `d` to a valid request is tolerated, as the warning that says so; `undefined` when
 * refusing it is a failure (src/protocol/mplus/readings.ts: an open form, or a reference hookcert made up).
 */
export function toleratedWarning(t: MplusContext, d: Delivery): string | undefined {
  const status = d.reply.status;
  if (d.reply.missing || status === undefined || status < 400 || status > 499) return undefined;
  const why = toleratedRefusal(d.request, d.reply.errorCode, t.catalogue.get(d.event), t.event(d.event) ?? { triggers: [] }, t.sub.catalogue);
  return why ? toleratedInWords(d.event, `HTTP ${status} ${d.reply.errorCode ?? '(no error.code)'}`, why) : undefined;
}

/**
 * A correctly signed, valid request is accepted: 2xx ("The integrator answers 200 on success"). A refusal
 * the reading of the spec tolerates ({@link toleratedWarning}) warns; any other refusal fails.
 */
export function expectAccepted(t: MplusContext, d: Delivery, what: string): void {
  expectNoServerError(t, d, what);
  const status = d.reply.status!;
  if (status < 200 || status > 299) {
    const tolerated = toleratedWarning(t, d);
    if (tolerated) return t.warn(tolerated);
    t.fail(`${what}: a valid, correctly signed ${d.event} was refused${hint(d)}`, { expected: 'HTTP 200 ("The integrator answers 200 on success")', received: received(d) });
  }
  if (status !== 200) t.warn(`${d.event} was accepted with HTTP ${status}; the spec says the integrator answers 200 on success`);
}

/**
 * A request the endpoint must refuse is refused: 400 with one of `codes`, or 401/403. Another 4xx, or a 400
 * with another code, is accepted with a warning (the spec is loose on this); a 2xx, a 5xx or no reply fail.
 */
export function expectRejected(t: MplusContext, d: Delivery, codes: readonly string[], what: string): void {
  const expected = `HTTP 400 with error.code ${codes.join(' or ')}, or HTTP 401/403`;
  if (d.reply.missing) t.fail(`${what}: no complete reply`, { expected, received: received(d) });
  const status = d.reply.status!;
  if (status >= 200 && status <= 299) t.fail(`${what}: the request was accepted`, { expected, received: received(d) });
  if (status >= 500) t.fail(`${what}: the endpoint answered with a server error`, { expected, received: received(d) });
  if (status === 401 || status === 403) return;
  if (status === 400 && d.reply.errorCode && codes.includes(d.reply.errorCode)) return;
  if (status >= 400 && status <= 499) {
    // One warning per kind of refusal (not per event): the same lenient answer everywhere is one finding.
    const how = `HTTP ${status}${d.reply.errorCode ? ` with error.code ${d.reply.errorCode}` : ''}`;
    if (!t.warnings.some((w) => w.startsWith(`refused with ${how} `))) t.warn(`refused with ${how} (first seen: ${what}); the vendor's way is ${expected}`);
    return;
  }
  t.fail(`${what}: not refused`, { expected, received: received(d) });
}

/** The reply is empty, or a JSON object valid against the reply schema, sent as JSON. */
export function replyProblems(d: Delivery): string | undefined {
  const r = d.reply;
  if (r.missing || r.empty) return undefined;
  if (r.jsonError) return `the body is not JSON (${r.jsonError})`;
  if (r.schemaIssues.length > 0) return `the reply does not match the reply schema: ${r.schemaIssues.slice(0, 5).map((i) => i.message).join('; ')}`;
  return undefined;
}

/** True when a non-empty reply is declared as JSON. */
export function declaredJson(d: Delivery): boolean {
  return d.reply.empty || isJsonContentType(d.reply.contentType);
}

/**
 * The reply object, typed by the reply schema (empty for an empty or non-object reply). The endpoint is under
 * test: a reply may break the schema (`d.reply.schemaIssues`), so a reader of a reply not known to be valid
 * tests what it reads (as the shape checks do); the POS applies only valid replies (src/pos/till.ts).
 */
export function replyObject(d: Delivery): MplusReply {
  const j = d.reply.json;
  return j && typeof j === 'object' && !Array.isArray(j) ? (j as MplusReply) : {};
}

/**
 * A property over correctly signed, valid requests to each subscribed event: `judge` reads each reply that
 * came whole (and fails through `t.fail`); hangs, resets and cut bodies are robustness's and timing's to judge.
 * The replies are the run's reply sample ({@link replySample}), delivered once for every check that judges
 * replies; a reply that breaks the rule is sent again by this check, from its own workplace, and shrunk. Every
 * event that breaks the rule shows its own counterexample. When no reply came whole, the check was not
 * exercised: it is skipped, saying so, never passed.
 */
export async function everyReply(t: MplusContext, judge: (d: Delivery) => void): Promise<void> {
  const sample = replySample(t);
  let whole = 0;
  let broken = 0;
  const judgeWhole = (d: Delivery) => {
    if (d.reply.missing) {
      broken++;
      return;
    }
    whole++;
    judge(d);
  };
  await t.perKind(t.events().map((e) => e.name), (name) => name, async (name) => {
    const read = (d: Delivery) => {
      t.adopt(d);
      judgeWhole(d);
    };
    await t.judgeShared(t.requests(name), await sample.of(name), read, async (request) => judgeWhole(await t.deliver(name, request)));
  }, { lanes: CASE_LANES });
  if (whole === 0 && broken > 0)
    t.skip(`not exercised: none of the ${broken} replies came whole (no reply, a reset, a cut or too large body), so no reply could be judged; robustness and timing judge those`);
}
