import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'rejects-out-of-order',
  description: 'assumes webhooks arrive in order: one created before the newest already seen is refused with 409 as stale',
  checks: ['KK-IDM-002'],
  break: (ref) => {
    let newest = Number.NEGATIVE_INFINITY;
    return {
      ...ref,
      process(n, body) {
        const at = n.createdAt ? Date.parse(n.createdAt) : Number.NaN;
        if (!Number.isNaN(at)) {
          if (at < newest) return { status: 409, json: { error: `stale event: created ${n.createdAt}, before the newest one seen` } };
          newest = at;
        }
        return ref.process(n, body);
      },
    };
  },
});
