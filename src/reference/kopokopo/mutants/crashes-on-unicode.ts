import { kopokopoMutant } from '../mutant.js';

/** The first string of `v` with a character outside Latin-1, at any depth. */
function beyondLatin1(v: unknown): string | undefined {
  if (typeof v === 'string') return /[^\u0000-\u00ff]/.test(v) ? v : undefined;
  if (Array.isArray(v)) return v.map(beyondLatin1).find((x) => x !== undefined);
  if (v && typeof v === 'object') return Object.values(v).map(beyondLatin1).find((x) => x !== undefined);
  return undefined;
}

export default kopokopoMutant({
  name: 'crashes-on-unicode',
  description: 'stores names in a Latin-1 column: a text with a character beyond U+00FF fails to encode and is answered 500',
  checks: ['KK-ROB-002'],
  break: (ref) => ({
    ...ref,
    process(n, body) {
      if (beyondLatin1(body) !== undefined)
        return { status: 500, text: 'Incorrect string value for column \'payer_name\' (latin1)', headers: { 'content-type': 'text/plain' } };
      return ref.process(n, body);
    },
  }),
});
