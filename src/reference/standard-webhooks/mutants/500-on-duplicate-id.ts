import { swMutant } from '../mutant.js';

export default swMutant({
  name: '500-on-duplicate-id',
  description: 'inserts every webhook-id under a unique constraint before processing and answers 500 when the insert fails: a retry or a replay of a delivery already taken crashes',
  checks: ['SW-IDM-001', 'SW-IDM-002'],
  break: (ref) => {
    const ids = new Set<string>();
    return {
      ...ref,
      deduplicate(s) {
        if (ids.has(s.id)) return { status: 500, text: `duplicate key value violates unique constraint "webhooks_pkey": Key (webhook_id)=(${s.id}) already exists` };
        ids.add(s.id);
        return undefined;
      },
    };
  },
});
