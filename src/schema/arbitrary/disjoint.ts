import { fits } from './fits.js';
import type { ConstraintNode, JsonType, SchemaNode } from './ir.js';

/** Types a constraint node can produce: its `type`, or the types of its `enum` values; `undefined` = any. */
function possibleTypes(node: ConstraintNode): Set<JsonType> | undefined {
  if (node.enum) {
    const out = new Set<JsonType>();
    for (const v of node.enum) {
      if (v === null) out.add('null');
      else if (typeof v === 'boolean') out.add('boolean');
      else if (typeof v === 'number') out.add(Number.isInteger(v) ? 'integer' : 'number');
      else if (typeof v === 'string') out.add('string');
      else if (Array.isArray(v)) out.add('array');
      else out.add('object');
    }
    return out;
  }
  return node.types ? new Set(node.types) : undefined;
}

function typesOverlap(a: Set<JsonType>, b: Set<JsonType>): boolean {
  for (const t of a) {
    if (b.has(t)) return true;
    if (t === 'integer' && b.has('number')) return true;
    if (t === 'number' && b.has('integer')) return true;
  }
  return false;
}

function resolved(node: SchemaNode): Exclude<SchemaNode, { kind: 'ref' }> | undefined {
  let n: SchemaNode = node;
  for (let i = 0; n.kind === 'ref' && i < 64; i++) {
    try {
      n = n.target();
    } catch {
      return undefined;
    }
  }
  return n.kind === 'ref' ? undefined : n;
}

/** Whether only objects can satisfy the node. */
function onlyObjects(node: ConstraintNode): boolean {
  const types = possibleTypes(node);
  return types !== undefined && types.size === 1 && types.has('object');
}

/**
 * Conservative static check that no value satisfies both `a` and `b` (so a `oneOf` needs no
 * run-time exclusivity filter). `true` is a proof; `false` means "could not prove it".
 * Recognises different types, disjoint `enum`/`const` sets, and objects told apart by a required
 * property (a discriminator) whose schemas are themselves disjoint.
 */
export function provablyDisjoint(a: SchemaNode, b: SchemaNode, depth = 0): boolean {
  if (depth > 8) return false;
  const ra = resolved(a);
  const rb = resolved(b);
  if (!ra || !rb) return false;
  if (ra.kind === 'union') return ra.branches.every((x) => provablyDisjoint(x, rb, depth + 1));
  if (rb.kind === 'union') return rb.branches.every((y) => provablyDisjoint(ra, y, depth + 1));
  if (ra.never || rb.never) return true;

  const ta = possibleTypes(ra);
  const tb = possibleTypes(rb);
  if (ta && tb && !typesOverlap(ta, tb)) return true;
  if (ra.enum && !ra.enum.some((v) => fits(v, rb))) return true;
  if (rb.enum && !rb.enum.some((v) => fits(v, ra))) return true;

  // Objects with a discriminating required property.
  // (when either side accepts only objects, so does the intersection)
  if (onlyObjects(ra) || onlyObjects(rb)) {
    const required = new Set([...(ra.required ?? []), ...(rb.required ?? [])]);
    for (const key of required) {
      const pa = ra.properties?.get(key);
      const pb = rb.properties?.get(key);
      if (ra.required?.includes(key) && !pb && rb.additionalProperties === false) return true;
      if (rb.required?.includes(key) && !pa && ra.additionalProperties === false) return true;
      if (pa && pb && provablyDisjoint(pa, pb, depth + 1)) return true;
    }
  }
  return false;
}
