/**
 * The intermediate representation the compiler works on: a schema graph with `$ref`s resolved,
 * `const` folded into `enum`, `$ref`/`oneOf`/`anyOf` siblings merged into their targets and branches.
 * Parsing (`parse.ts`) rejects every unsupported keyword; building (`build.ts`) turns nodes into arbitraries.
 */

/** The seven JSON Schema instance types. */
export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export const JSON_TYPES: readonly JsonType[] = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

/** A `pattern` with the location it came from (for error messages). */
export interface PatternConstraint {
  readonly source: string;
  readonly location: string;
}

/** A plain schema: conjunction of the assertions of one or more schema objects. */
export interface ConstraintNode {
  readonly kind: 'schema';
  /** Where it was written (`<$id>#<pointer>`); for merged nodes, the first of the merged locations. */
  readonly location: string;
  /** No value satisfies it (the `false` schema, an empty type intersection, …). */
  readonly never?: boolean;
  /** Allowed types; `undefined` = not restricted by `type`. */
  readonly types?: ReadonlySet<JsonType>;
  /** Allowed values (`enum`, or `const` as a one-element list); `undefined` = not restricted. */
  readonly enum?: readonly unknown[];
  // strings
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly patterns?: readonly PatternConstraint[];
  readonly format?: string;
  // numbers
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  // arrays
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  // objects
  readonly properties?: ReadonlyMap<string, SchemaNode>;
  readonly required?: readonly string[];
  /** `false` closes the object (`additionalProperties: false`); otherwise unknown keys are allowed. */
  readonly additionalProperties?: boolean;
  /** The annotation `examples`: values generation may mix in (option `examples`, see `examples.ts`). */
  readonly examples?: readonly unknown[];
}

/**
 * `anyOf` (at least one branch matches) or `oneOf` (exactly one does). Sibling keywords of the
 * combinator are already merged into each branch, so generating any branch satisfies them.
 */
export interface UnionNode {
  readonly kind: 'union';
  readonly keyword: 'oneOf' | 'anyOf';
  /** Location of the schema object holding the combinator; for `oneOf`, validated against to enforce exclusivity. */
  readonly location: string;
  readonly branches: readonly SchemaNode[];
}

/** A back edge of a recursive schema: refers to a node still being parsed when the `$ref` was met. */
export interface RefNode {
  readonly kind: 'ref';
  readonly location: string;
  /** The referenced node (available once parsing is complete). */
  target(): SchemaNode;
}

export type SchemaNode = ConstraintNode | UnionNode | RefNode;

/** Type keywords by instance type, used to infer the type of a schema that has no `type`. */
export const TYPE_KEYWORDS: Readonly<Record<'string' | 'number' | 'array' | 'object', readonly (keyof ConstraintNode)[]>> = {
  string: ['minLength', 'maxLength', 'patterns', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems'],
  object: ['properties', 'required', 'additionalProperties'],
};
