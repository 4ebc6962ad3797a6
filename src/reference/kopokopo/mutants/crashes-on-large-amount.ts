import { kopokopoMutant } from '../mutant.js';

/** The largest count of cents a signed 32-bit INT column holds. */
const INT_MAX = 2 ** 31 - 1;

/** The amounts of `v` (decimal strings), at any depth. */
function amounts(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(amounts);
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => ((k === 'amount' || k === 'TransAmount') && typeof x === 'string' ? [x] : amounts(x)));
}

export default kopokopoMutant({
  name: 'crashes-on-large-amount',
  description: 'stores amounts as cents in a 32-bit INT column: an amount above 21474836.47 overflows and is answered 500',
  checks: ['KK-ROB-003'],
  break: (ref) => ({
    ...ref,
    process(n, body) {
      const big = amounts(body).find((a) => Math.round(parseFloat(a) * 100) > INT_MAX);
      if (big) return { status: 500, text: `Out of range value for column 'amount_cents': ${big}`, headers: { 'content-type': 'text/plain' } };
      return ref.process(n, body);
    },
  }),
});
