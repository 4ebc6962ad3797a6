import { registry } from '../../../schema/registry.js';
import { kopokopoMutant } from '../mutant.js';

/** Every property name the Kopo Kopo schemas declare. */
function declaredKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (s: unknown): void => {
    if (Array.isArray(s)) s.forEach(walk);
    else if (s && typeof s === 'object') {
      const props = (s as { properties?: Record<string, unknown> }).properties;
      if (props && typeof props === 'object') for (const k of Object.keys(props)) keys.add(k);
      Object.values(s).forEach(walk);
    }
  };
  for (const [id, schema] of registry().schemas) if (id.includes('/kopokopo/')) walk(schema);
  return keys;
}

/** The first key of `v` the schemas do not declare, outside `metadata` (the merchant's own object). */
function unknownKey(v: unknown, known: Set<string>): string | undefined {
  if (Array.isArray(v)) return v.map((x) => unknownKey(x, known)).find(Boolean);
  if (!v || typeof v !== 'object') return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (!known.has(k)) return k;
    if (k === 'metadata') continue;
    const inner = unknownKey(x, known);
    if (inner) return inner;
  }
  return undefined;
}

export default kopokopoMutant({
  name: 'rejects-unknown-fields',
  description: 'parses deliveries strictly (a DTO that forbids unknown properties): a field Kopo Kopo adds tomorrow gets 422 and the payment is lost',
  checks: ['KK-ROB-004'],
  break: (ref) => {
    const known = declaredKeys();
    return {
      ...ref,
      process(n, body) {
        const key = unknownKey(body, known);
        if (key) return { status: 422, json: { error: `unknown field "${key}"` } };
        return ref.process(n, body);
      },
    };
  },
});
