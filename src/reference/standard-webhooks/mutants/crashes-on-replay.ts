import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'crashes-on-replay',
  description: 'stores every signature it verified under a unique key and answers 500 when the same one comes again (a replay), instead of refusing it or answering idempotently',
  checks: ['SW-IDM-002'],
  break: (ref) => {
    const seen = new Set<string>();
    return {
      ...ref,
      async signature(s, inc) {
        const out = await ref.signature(s, inc);
        if (out) return out;
        if (seen.has(s.signature)) return { status: 500, text: 'duplicate key value violates unique constraint "webhook_signatures_pkey"' };
        seen.add(s.signature);
        return undefined;
      },
    };
  },
});
