import { notReached } from '../../../src/pos/flows.js';
import { everyReply, received, replyObject } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

/** The values of `ids` that occur more than once. */
function duplicates(ids: unknown[]): unknown[] {
  const seen = new Set<string>();
  const dup = new Set<unknown>();
  for (const id of ids) {
    const key = JSON.stringify(id);
    if (seen.has(key)) dup.add(id);
    seen.add(key);
  }
  return [...dup];
}

export default mplusCheck({
  id: 'MP-SHP-005',
  title: 'MUST use unique dialog option ids, form field ids and select option ids',
  level: 'MUST',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.reference, quote: 'dialog.selectedDialogOptionIds | int[] | The ID\'s of the selected dialog option.' },
  async run(t) {
    let seen = 0;
    await everyReply(t, (d) => {
      const reply = replyObject(d);
      const problems: string[] = [];
      if (reply.dialog && Array.isArray(reply.dialog.dialogOptions)) {
        seen++;
        const dup = duplicates(reply.dialog.dialogOptions.map((o: { optionId?: unknown }) => o?.optionId));
        if (dup.length) problems.push(`dialog optionId ${dup.join(', ')} used twice`);
      }
      if (reply.form && Array.isArray(reply.form.fields)) {
        seen++;
        const fields = reply.form.fields as Array<{ id?: unknown; type?: unknown; options?: Array<{ id?: unknown }> }>;
        const dup = duplicates(fields.filter((f) => f?.type !== 'label' && f?.id !== undefined).map((f) => f.id));
        if (dup.length) problems.push(`form field id ${dup.join(', ')} used twice`);
        for (const f of fields) {
          const optionDup = Array.isArray(f?.options) ? duplicates(f.options.map((o) => o?.id)) : [];
          if (optionDup.length) problems.push(`select ${String(f.id)}: option id ${optionDup.join(', ')} used twice`);
        }
      }
      if (problems.length > 0)
        t.fail(`the reply to ${d.event} has ambiguous ids: ${problems.join('; ')}`, { expected: 'each id once, so the POS can send back which one was chosen', received: received(d) });
    });
    if (seen === 0) t.skip(notReached(t, 'dialog', 'no reply carried a dialog or a form', `generated requests of ${t.events().length} events`));
  },
});
