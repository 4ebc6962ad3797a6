import { notReached } from '../../../src/pos/flows.js';
import { everyReply, received, replyObject } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

type Field = Record<string, any>;

/** What makes a form field impossible to fill in, in words. */
function fieldProblems(f: Field): string[] {
  const out: string[] = [];
  const name = `field ${String(f.id ?? f.type)}`;
  if (typeof f.regex === 'string') {
    try {
      new RegExp(f.regex);
    } catch {
      out.push(`${name}: regex ${JSON.stringify(f.regex)} does not compile`);
    }
  }
  if (typeof f.minimumLength === 'number' && typeof f.maximumLength === 'number' && f.minimumLength > f.maximumLength)
    out.push(`${name}: minimumLength ${f.minimumLength} > maximumLength ${f.maximumLength}`);
  if (typeof f.minimumValue === 'number' && typeof f.maximumValue === 'number' && f.minimumValue > f.maximumValue)
    out.push(`${name}: minimumValue ${f.minimumValue} > maximumValue ${f.maximumValue}`);
  if (f.type === 'select' && f.required === true && Array.isArray(f.options) && !f.options.some((o: Field) => o?.disabled !== true))
    out.push(`${name}: a required select with no selectable option`);
  return out;
}

export default mplusCheck({
  id: 'MP-SHP-006',
  title: 'MUST send dialogs and forms a POS user can complete (regexes compile, minimum ≤ maximum)',
  level: 'MUST',
  area: 'shape',
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
        for (const f of reply.form.fields as Field[]) problems.push(...fieldProblems(f ?? {}));
      }
      if (problems.length > 0)
        t.fail(`the reply to ${d.event} asks the POS user for the impossible: ${problems.join('; ')}`, { expected: 'constraints a value can satisfy', received: received(d) });
    });
    if (seen === 0) t.skip(notReached(t, 'dialog', 'no reply carried a dialog or a form', `generated requests of ${t.events().length} events`));
  },
});
