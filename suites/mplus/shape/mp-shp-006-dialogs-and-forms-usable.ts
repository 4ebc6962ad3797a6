import { notReached } from '../../../src/pos/flows.js';
import { everyReply, received, replyObject } from '../../../src/pos/judge.js';
import type { FormField } from '../../../src/pos/form.js';
import { readPattern } from '../../../src/pos/regex-dialects.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

/** A form field as the reply carries it: the reply may break the schema, so every member is tested before use. */
type Field = Partial<FormField>;

/**
 * What makes a form field impossible to fill in, in words; `dialects` collects the regexes that are valid only in
 * other dialects than ECMAScript. The spec names no dialect ("A regex pattern to validate the input"), so such a
 * regex is a warning (the POS may read it otherwise), and only one no dialect accepts fails.
 */
function fieldProblems(f: Field, dialects: string[]): string[] {
  const out: string[] = [];
  const name = `field ${String(f.id ?? f.type)}`;
  if (typeof f.regex === 'string') {
    const read = readPattern(f.regex);
    if (read.kind === 'invalid') out.push(`${name}: regex ${JSON.stringify(f.regex)} compiles in no dialect (${read.why})`);
    if (read.kind === 'other-dialect')
      dialects.push(`${name}: regex ${JSON.stringify(f.regex)} is not ECMAScript: ${read.constructs.map((c) => `${c.what}, valid in ${c.dialects}`).join('; ')}`);
  }
  if (typeof f.minimumLength === 'number' && typeof f.maximumLength === 'number' && f.minimumLength > f.maximumLength)
    out.push(`${name}: minimumLength ${f.minimumLength} > maximumLength ${f.maximumLength}`);
  if (typeof f.minimumValue === 'number' && typeof f.maximumValue === 'number' && f.minimumValue > f.maximumValue)
    out.push(`${name}: minimumValue ${f.minimumValue} > maximumValue ${f.maximumValue}`);
  if (f.type === 'select' && f.required === true && Array.isArray(f.options) && !f.options.some((o) => o?.disabled !== true))
    out.push(`${name}: a required select with no selectable option`);
  return out;
}

export default mplusCheck({
  id: 'MP-SHP-006',
  title: 'MUST send dialogs and forms a POS user can complete (regexes compile in some dialect, minimum ≤ maximum)',
  level: 'MUST',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.reference, quote: 'form.fields[].regex | string (optional) | A regex pattern to validate the input.' },
  async run(t) {
    let seen = 0;
    await everyReply(t, (d) => {
      const reply = replyObject(d);
      const problems: string[] = [];
      if (reply.dialog && typeof reply.dialog === 'object') {
        seen++;
        const options = Array.isArray(reply.dialog.dialogOptions) ? reply.dialog.dialogOptions : [];
        if (reply.dialog.required === true && options.length === 0) problems.push('a required dialog without options');
      }
      if (reply.form && Array.isArray(reply.form.fields)) {
        seen++;
        const dialects: string[] = [];
        for (const f of reply.form.fields as Field[]) problems.push(...fieldProblems(f ?? {}, dialects));
        for (const w of dialects) t.warn(`${w}. The spec names no regex dialect: make sure the POS reads it as you mean it (hookcert filled the field in through an ECMAScript translation)`);
      }
      if (problems.length > 0)
        t.fail(`the reply to ${d.event} asks the POS user for the impossible: ${problems.join('; ')}`, { expected: 'constraints a value can satisfy', received: received(d) });
    });
    if (seen === 0) t.skip(notReached(t, 'dialog', 'no reply carried a dialog or a form', `generated requests of ${t.events().length} events`));
  },
});
