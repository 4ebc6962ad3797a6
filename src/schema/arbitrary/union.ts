import * as fc from 'fast-check';
import type { BuildContext } from './context.js';
import { provablyDisjoint } from './disjoint.js';
import { UnsupportedSchemaError } from './errors.js';
import { guardedFilter } from './filter.js';
import type { UnionNode } from './ir.js';
import { isNever } from './never.js';
import type { LocationValidators } from './validators.js';

/**
 * `anyOf` / `oneOf`: one of the branches (siblings already merged into each). For `oneOf`, when the
 * branches cannot be proven disjoint statically (different types, distinct `const` discriminators, …),
 * each branch's values are checked with ajv against the `oneOf` schema and kept only when exactly one
 * branch matches.
 */
export function unionArbitrary(node: UnionNode, path: string, ctx: BuildContext, validators: LocationValidators): fc.Arbitrary<unknown> {
  const branches = node.branches.filter((b) => !isNever(b));
  if (branches.length === 0) throw new UnsupportedSchemaError(node.location, node.keyword, 'has no branch that allows a value');
  let arbs = branches.map((b) => ctx.child(b, path));
  if (node.keyword === 'oneOf' && branches.length > 1) {
    const disjoint = branches.every((a, i) => branches.every((b, j) => j <= i || provablyDisjoint(a, b)));
    if (!disjoint) {
      const validate = validators.get(node.location);
      arbs = arbs.map((arb, i) =>
        guardedFilter(
          arb,
          (v) => validate(v) === true,
          () => `a value of oneOf branch ${i} at ${node.location} that matches no other branch`,
        ),
      );
    }
  }
  if (arbs.length === 1) return arbs[0];
  return ctx.recursive ? fc.oneof({ depthIdentifier: ctx.depth, depthSize: 'small' }, ...arbs) : fc.oneof(...arbs);
}
