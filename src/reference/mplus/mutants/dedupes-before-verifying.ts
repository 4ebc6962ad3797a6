import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'dedupes-before-verifying',
  description: 'marks (instanceId, eventCounter) as processed before checking the signature, so a forged request swallows the genuine one',
  checks: ['MP-SIG-007'],
  break: (ref) => {
    const seen = new Set<string>();
    const keyOf = (raw: Buffer) => {
      try {
        const b = JSON.parse(raw.toString('utf8'));
        return `${b?.sender?.instanceId}/${b?.event?.eventCounter}`;
      } catch {
        return undefined;
      }
    };
    return {
      ...ref,
      signature(inc) {
        const key = keyOf(inc.raw);
        if (key && seen.has(key)) return { status: 200 };
        if (key) seen.add(key);
        return ref.signature(inc);
      },
    };
  },
});
