import type { SchemaNode } from './ir.js';

/** Whether no value can satisfy the node (the `false` schema, conflicting merges, a union of such). */
export function isNever(node: SchemaNode): boolean {
  if (node.kind === 'ref') return false;
  if (node.kind === 'union') return node.branches.every(isNever);
  return node.never === true || (node.enum !== undefined && node.enum.length === 0) || (node.types !== undefined && node.types.size === 0);
}
