import type * as fc from 'fast-check';
import type { SchemaNode } from './ir.js';
import type { ResolvedOptions, SizeOverride } from './options.js';

/** What the per-type builders (`object.ts`, `array.ts`, …) need from the compiler. */
export interface BuildContext {
  readonly options: ResolvedOptions;
  /**
   * Whether the schema is recursive. Then optional properties, arrays and unions share one depth
   * identifier and favour their smallest choice as values get deeper, so generation terminates.
   */
  readonly recursive: boolean;
  readonly depth: fc.DepthIdentifier;
  /** The arbitrary of a subschema found at `path` (instance path: `/prop`, `/prop/[]`, …). */
  child(node: SchemaNode, path: string): fc.Arbitrary<unknown>;
  /** Any JSON value (for schemas that do not restrict the type). */
  anyJson(): fc.Arbitrary<unknown>;
  /** The `sizes` override for the array at `path`, if the user gave one. */
  sizeOverride(path: string): SizeOverride | undefined;
}
