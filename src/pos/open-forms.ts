/**
 * Every form the spec leaves open, sent on purpose (README, "How the spec was read"): for each subscribed
 * event and each open place it has (src/protocol/mplus/readings.ts), the same generated request once in
 * each form the documents allow. Deliberate, not drawn: every run sends every form, so the warnings a
 * receiver gets do not depend on the seed.
 * @module
 */
import { OPEN_PLACES, toleratedReference, type OpenForm, type OpenPlace } from '../protocol/mplus/readings.js';
import { CASE_LANES, type Delivery, type MplusContext } from './context.js';
import { received } from './judge.js';
import { expectUsableReply, statusAndCode } from './judge-reply.js';

/** A form refused somewhere, and how: what its warning says. */
interface Refused {
  place: OpenPlace;
  form: OpenForm;
  events: Set<string>;
  how: Set<string>;
}

/**
 * Sends each open form of each of `events` and judges what came back: no 5xx, hang or invalid reply, ever;
 * refusing a form the spec leaves open warns (once per form, naming the events); refusing the agreed form, or
 * every form of a place, fails (no reading of the spec allows that), unless the refusal names a reference
 * hookcert made up with the vendor's code for it.
 */
export async function expectEveryOpenForm(t: MplusContext, events: readonly string[]): Promise<void> {
  const refused = new Map<string, Refused>();
  try {
    // Events side by side (lanes): what each found is read below in the events' order, not the replies'.
    await t.perKind(events, (event) => event, async (event) => {
      const entry = t.catalogue.get(event);
      const config = t.event(event) ?? { triggers: [] };
      for (const place of OPEN_PLACES.filter((p) => p.appliesTo(entry, config))) {
        t.plan();
        const generated = t.request(event);
        const base = place.prepare ? place.prepare(generated) : generated;
        const sent: Array<{ form: OpenForm; d: Delivery }> = [];
        for (const form of place.forms) {
          const request = form.apply(base);
          if (!request) continue;
          const d = await t.deliver(event, request);
          expectUsableReply(t, d, `${event} with ${place.what} written ${form.label}`);
          sent.push({ form, d });
        }
        t.judged();
        judgePlace(t, event, place, sent, refused);
      }
    }, { lanes: CASE_LANES });
  } finally {
    const forms = OPEN_PLACES.flatMap((p) => p.forms.map((f) => f.id));
    for (const r of [...refused.values()].sort((a, b) => forms.indexOf(a.form.id) - forms.indexOf(b.form.id))) {
      const carrying = events.filter((e) => r.place.appliesTo(t.catalogue.get(e), t.event(e) ?? { triggers: [] }));
      const where = r.events.size === carrying.length && carrying.length > 1 ? `in all ${carrying.length} events that carry it` : `in ${events.filter((e) => r.events.has(e)).join(', ')}`;
      t.warn(`${r.place.what} written ${r.form.label} was refused (${[...r.how].sort().join(', ')}) ${where}; tolerated, as the spec leaves this open: ${r.place.source}`);
    }
  }
}

function judgePlace(t: MplusContext, event: string, place: OpenPlace, sent: Array<{ form: OpenForm; d: Delivery }>, refused: Map<string, Refused>): void {
  const isRefused = ({ d }: { d: Delivery }) => d.reply.status! >= 400;
  const no = sent.filter(isRefused);
  if (no.length === 0) return;
  // A refusal that says it is about a made-up article, relation or line is not about the form.
  const aboutReference = no.map(({ d }) => toleratedReference(d.request, d.reply.errorCode, t.sub.catalogue));
  if (aboutReference.every(Boolean)) {
    const ref = aboutReference[0]!;
    t.warn(`${event}: a request naming ${ref.reference} hookcert made up was refused with ${statusAndCode(no[0].d)}; tolerated, as the vendor lists ${ref.code} for references the integrator does not know`);
    return;
  }
  const words = (list: typeof no) => list.map(({ form, d }) => `${form.label}: ${received(d)}`).join('\n');
  const agreed = no.find(({ form }) => form.id === place.agreed);
  if (agreed)
    t.fail(`${event}: a valid request was refused with ${statusAndCode(agreed.d)} (${place.what} written ${agreed.form.label}, as every reading of the spec accepts)`, {
      expected: 'HTTP 200: the request is valid under every reading of the spec ("The integrator answers 200 on success")',
      received: words(no),
      exchanges: no.map(({ d }) => d.exchange),
    });
  if (no.length === sent.length && sent.length > 1)
    t.fail(`${event}: ${place.what} was refused in every form the spec allows`, {
      expected: `at least the form one reading of the spec gives accepted (${place.source})`,
      received: words(no),
      exchanges: no.map(({ d }) => d.exchange),
    });
  for (const { form, d } of no) {
    const r = refused.get(form.id) ?? { place, form, events: new Set<string>(), how: new Set<string>() };
    r.events.add(event);
    r.how.add(statusAndCode(d));
    refused.set(form.id, r);
  }
}
