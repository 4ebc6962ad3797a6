import { mplusMutant } from '../mutant.js';

/** The option ids the receiver's dialogs offer (time slots and add-ons). */
const OFFERED = new Set([1, 2, 3, 11, 12, 13]);

export default mplusMutant({
  name: 'crashes-on-unknown-dialog-option',
  description: 'looks each selected option up in its option table without a check: an id it never offered crashes it (500)',
  checks: ['MP-DLG-003'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      const selected = body.dialog?.selectedDialogOptionIds;
      if (Array.isArray(selected) && selected.some((id: unknown) => !OFFERED.has(id as number)))
        return { status: 500, text: "TypeError: Cannot read properties of undefined (reading 'optionName')", headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
