import { kopokopoMutant } from '../mutant.js';

/** The fields that may be null (spec README: "sender_middle_name (may be null)"; Daraja MiddleName). */
const MIDDLE_NAMES = ['sender_middle_name', 'middle_name', 'MiddleName'];

/** The first middle-name field of `v` that is null, at any depth. */
function nullMiddleName(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map(nullMiddleName).find(Boolean);
  if (!v || typeof v !== 'object') return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (MIDDLE_NAMES.includes(k) && x === null) return k;
    const inner = nullMiddleName(x);
    if (inner) return inner;
  }
  return undefined;
}

export default kopokopoMutant({
  name: 'crashes-on-null-middle-name',
  description: 'builds the payer\'s full name with middle_name.trim(): a null sender_middle_name / MiddleName throws TypeError, answered 500',
  checks: ['KK-ROB-001'],
  break: (ref) => ({
    ...ref,
    process(n, body) {
      const field = nullMiddleName(body);
      if (field) return { status: 500, text: `TypeError: Cannot read properties of null (reading 'trim') at ${field}`, headers: { 'content-type': 'text/plain' } };
      return ref.process(n, body);
    },
  }),
});
