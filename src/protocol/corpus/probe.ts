/**
 * The raw-body probe both profiles' checks run (KK-RAW-001, MP-RAW-001): every variant of the corpus to every
 * target, each refusal confirmed against its control (the same value in another form), and the endpoint that
 * refuses bytes asked whether it accepts the body signed over its re-serialised copy instead.
 *
 * @module
 */
import type { LiveExchange } from '../../http/exchange.js';
import type { CheckContext } from '../../runner/context.js';
import { controlForm, restyledForm, RESTYLED, variantOf, type RestyledVariant } from './restyled.js';
import type { BodyForm, CorpusHints } from './types.js';

/** How many refused bodies are re-sent to find out why. */
const DIAGNOSED = 3;

/** What the probe needs from a profile's simulator. */
export interface RawProbeDriver<D> {
  /** The targets (events, topics) to send to. */
  targets: readonly string[];
  hints: CorpusHints;
  /** A fresh value (request, payload) for one trial at `target`. */
  draw(target: string): unknown;
  /** Delivers `value` at `target` written as `form`, correctly signed. */
  send(target: string, value: unknown, form: BodyForm): Promise<D>;
  /** The very bytes of `d` again, signed over `JSON.stringify(JSON.parse(body))` (what a re-serialising receiver expects). */
  resendReserialized(d: D): Promise<D>;
  /** The endpoint took the delivery (a 2xx). */
  accepted(d: D): boolean;
  /** No complete reply (a hang, a reset). */
  missing(d: D): boolean;
  /**
   * Runs `trials` for every target and gives what each found, in the targets' order: where the context gives
   * each lane its own workplaces and ids, side by side. @defaultValue one target after the other, none after
   * one that stopped early
   */
  each?: <R extends { stoppedEarly: boolean }>(targets: readonly string[], trials: (target: string) => Promise<R>) => Promise<R[]>;
}

/** A body refused while the same value in another form was accepted. */
export interface RawRefusal<D> {
  target: string;
  variant: RestyledVariant;
  d: D;
  control: D;
  /** The variant got no complete reply (a hang, a reset). */
  hung: boolean;
}

/** What the probe found. */
export interface RawFindings<D> {
  /** Trials whose verdict is known: the variant accepted, or refused while its control was accepted. */
  judged: number;
  /** Trials whose control was refused too: the content was refused, not the bytes. */
  unjudged: number;
  /** Bodies refused for their bytes alone. */
  refusals: RawRefusal<D>[];
  /** Of the first refusals, the re-sends signed over the re-serialised copy that were accepted. */
  diagnosed: D[];
  /** The probe stopped: the endpoint stopped answering (waiting on would outlast the check). */
  stoppedEarly: boolean;
}

/**
 * Runs the probe. The variant goes first, its control only when the variant was not accepted, so that a receiver
 * that de-duplicates before verifying cannot answer the variant from memory.
 */
export async function probeRawBodies<D>(p: RawProbeDriver<D>, variants: readonly RestyledVariant[] = RESTYLED): Promise<RawFindings<D>> {
  const trials = async (target: string): Promise<Omit<RawFindings<D>, 'diagnosed'>> => {
    const part: Omit<RawFindings<D>, 'diagnosed'> = { judged: 0, unjudged: 0, refusals: [], stoppedEarly: false };
    for (const variant of variants) {
      const value = p.draw(target);
      if (!variantOf(variant, value, p.hints)) continue; // nothing to change in this body (no number, no free text)
      const d = await p.send(target, value, restyledForm(variant));
      if (p.accepted(d)) {
        part.judged++;
        continue;
      }
      const control = await p.send(target, value, controlForm(variant));
      if (!p.accepted(control)) {
        part.unjudged++;
        if (p.missing(d) || p.missing(control)) {
          part.stoppedEarly = true;
          break;
        }
        continue;
      }
      part.judged++;
      part.refusals.push({ target, variant, d, control, hung: p.missing(d) });
    }
    return part;
  };
  const parts = p.each ? await p.each(p.targets, trials) : await oneAfterAnother(p.targets, trials);
  const found: RawFindings<D> = { judged: 0, unjudged: 0, refusals: [], diagnosed: [], stoppedEarly: false };
  // What the targets found, in their order, up to the first that stopped early (the endpoint stopped answering).
  for (const part of parts) {
    found.judged += part.judged;
    found.unjudged += part.unjudged;
    found.refusals.push(...part.refusals);
    if (part.stoppedEarly) {
      found.stoppedEarly = true;
      break;
    }
  }
  for (const r of found.refusals.slice(0, DIAGNOSED)) {
    const retry = await p.resendReserialized(r.d);
    if (p.accepted(retry)) found.diagnosed.push(retry);
  }
  return found;
}

/** `trials` for each target in turn, none after one that stopped early. */
async function oneAfterAnother<R extends { stoppedEarly: boolean }>(targets: readonly string[], trials: (target: string) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const target of targets) {
    const part = await trials(target);
    out.push(part);
    if (part.stoppedEarly) break;
  }
  return out;
}

/** How a check shows a delivery of its profile. */
export interface RawView<D> {
  /** `HTTP 401`, `no complete reply`. */
  status(d: D): string;
  exchange(d: D): LiveExchange;
  /** The profile's word for a 2xx: `acknowledged` (Kopo Kopo), `accepted` (the POS). */
  taken: string;
  /** Where a refused content is judged, for the warning: `the KK-ROB checks`. */
  contentChecks: string;
}

/**
 * The verdict of a raw-body probe: a body refused for its bytes fails (with the diagnosis when the endpoint
 * verifies a re-serialised copy), content refused in every form is a warning, nothing judged is a skip.
 */
export function judgeRawFindings<D>(t: CheckContext, f: RawFindings<D>, view: RawView<D>): void {
  const expected = `every correctly signed body ${view.taken}, whatever its whitespace, key order, number or string spelling`;
  const hung = f.refusals.find((r) => r.hung);
  if (hung)
    t.fail(`${hung.target} ${hung.variant.what}: no complete reply, while the same value in another form was ${view.taken}`, {
      expected,
      received: `${view.status(hung.d)}; control: ${view.status(hung.control)}`,
      exchanges: [view.exchange(hung.d), view.exchange(hung.control)],
    });
  if (f.judged === 0) t.skip(`not exercised: every body was refused in every form, so the byte forms could not be judged (${view.contentChecks} say why)`);
  if (f.unjudged > 0)
    t.warn(`${f.unjudged} bodies could not be judged: the same value in another form was refused too, so their content is refused, not their bytes (${view.contentChecks} say why)`);
  if (f.refusals.length === 0) return;
  const variants = [...new Set(f.refusals.map((r) => r.variant.name))];
  const received =
    f.refusals.slice(0, 6).map((r) => `${r.target} ${r.variant.name}: ${view.status(r.d)}`).join('; ') + (f.refusals.length > 6 ? '; …' : '') +
    ` (the same values in another form were ${view.taken})`;
  const exchanges = [...f.refusals.slice(0, 4).map((r) => view.exchange(r.d)), ...f.diagnosed.slice(0, 2).map(view.exchange)];
  if (f.diagnosed.length > 0)
    t.fail(
      `the endpoint verifies the signature over a re-serialised copy of the parsed body (like JSON.stringify(JSON.parse(body))), not over the raw bytes it received: ${f.refusals.length} correctly signed bodies were refused (${variants.join(', ')}), and the same bodies signed over their re-serialised JSON were ${view.taken}. Compute the HMAC over the raw request body, before parsing it`,
      { expected, received, exchanges },
    );
  t.fail(
    `${f.refusals.length} correctly signed bodies were refused only because of how their JSON is written (${variants.join(', ')}): the endpoint verifies or parses a normalised body instead of the raw bytes`,
    { expected, received, exchanges },
  );
}
