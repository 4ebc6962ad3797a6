import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SchemaDocuments } from './documents.js';

// ajv-formats ships CommonJS; under NodeNext its default import is the module object, whose `default` is the plugin.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/**
 * Validators for schema locations, built on a private ajv instance holding every document the
 * compilation loaded. Used only where generation cannot be correct by construction (a `oneOf`
 * whose branches the compiler cannot prove disjoint). Created on first use.
 */
export class LocationValidators {
  private ajv: Ajv2020 | undefined;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly documents: SchemaDocuments) {}

  /** A validator for the schema object at `location` (`<$id>#<pointer>`). */
  get(location: string): ValidateFunction {
    let fn = this.cache.get(location);
    if (fn) return fn;
    if (!this.ajv) {
      this.ajv = new Ajv2020({ strict: false, allErrors: false, allowUnionTypes: true, validateSchema: false });
      addFormats(this.ajv);
      for (const doc of this.documents.documents()) {
        const schema = doc.schema !== null && typeof doc.schema === 'object' ? { ...(doc.schema as object), $id: doc.id } : doc.schema;
        this.ajv.addSchema(schema as object, doc.id);
      }
    }
    const hash = location.indexOf('#');
    const fragment = location
      .slice(hash + 1)
      .split('/')
      .map((t) => encodeURIComponent(t))
      .join('/');
    fn = this.ajv.compile({ $ref: `${location.slice(0, hash)}#${fragment}` });
    this.cache.set(location, fn);
    return fn;
  }
}
