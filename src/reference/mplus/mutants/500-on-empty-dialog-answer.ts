import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: '500-on-empty-dialog-answer',
  description: 'crashes (500) when a dialog that allows an empty answer (required: false) is answered with no option: it reads the first selected id',
  checks: ['MP-DLG-001'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      const selected = body.dialog?.selectedDialogOptionIds;
      if (Array.isArray(selected) && selected.length === 0)
        return { status: 500, text: "TypeError: Cannot read properties of undefined (reading 'toString')", headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
