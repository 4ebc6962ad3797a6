import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'loops-dialog-forever',
  description: 'loses the dialog answer (reads selectedDialogOptionIds from the wrong place), so every answer gets the same dialog again',
  checks: ['MP-DLG-002'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (!body.dialog) return ref.reply(event, body, state);
      const { dialog: _lost, ...asked } = body;
      return ref.reply(event, asked, state);
    },
  }),
});
