import { UnsupportedSchemaError } from './errors.js';
import { joinPointer, parsePointer } from './pointer.js';

/** Where a schema object sits: its document, the JSON pointer from the document root, and its base URI. */
export interface SchemaLocation {
  /** `$id` of the document (file) holding the schema object. */
  readonly docId: string;
  /** JSON pointer from the document root. */
  readonly pointer: string;
  /** Base URI relative `$ref`s resolve against (the nearest enclosing `$id`). */
  readonly base: string;
}

/** `<docId>#<pointer>`: how locations are named in errors and how the internal validator refers to them. */
export function locationString(loc: SchemaLocation): string {
  return `${loc.docId}#${loc.pointer}`;
}

/** Keywords whose values are data, not schemas: never searched for embedded `$id`s. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'examples', 'default']);

interface LoadedDocument {
  readonly id: string;
  readonly schema: unknown;
}

/** Absolute URI without its fragment. */
function stripFragment(uri: string): string {
  const i = uri.indexOf('#');
  return i === -1 ? uri : uri.slice(0, i);
}

/**
 * The schema documents reachable from the root: loads them through the user's `resolve`, indexes
 * embedded `$id`s, and resolves `$ref`s (relative URIs and JSON-pointer fragments).
 */
export class SchemaDocuments {
  private readonly docs = new Map<string, LoadedDocument>();
  /** Embedded (non-root) `$id`s → their location. */
  private readonly embedded = new Map<string, { docId: string; pointer: string }>();

  constructor(private readonly resolveId: (id: string) => object) {}

  /** Every document loaded so far (for the internal validator), with `$id` set. */
  documents(): { id: string; schema: unknown }[] {
    return [...this.docs.values()];
  }

  /** Registers a document under `id` (the root of a compilation, or one returned by `resolve`). */
  add(id: string, schema: unknown): LoadedDocument {
    const existing = this.docs.get(id);
    if (existing) return existing;
    const doc = { id, schema };
    this.docs.set(id, doc);
    this.indexEmbedded(id, schema, '', id, true);
    return doc;
  }

  private indexEmbedded(docId: string, node: unknown, pointer: string, base: string, isRoot: boolean): void {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((v, i) => this.indexEmbedded(docId, v, joinPointer(pointer, i), base, false));
      return;
    }
    const obj = node as Record<string, unknown>;
    let here = base;
    if (!isRoot && typeof obj.$id === 'string') {
      here = stripFragment(new URL(obj.$id, base).href);
      if (!this.embedded.has(here) && !this.docs.has(here)) this.embedded.set(here, { docId, pointer });
    }
    for (const [key, value] of Object.entries(obj)) {
      if (DATA_KEYWORDS.has(key)) continue;
      this.indexEmbedded(docId, value, joinPointer(pointer, key), here, false);
    }
  }

  private load(uri: string, from: string): { docId: string; pointer: string } {
    const known = this.docs.get(uri);
    if (known) return { docId: known.id, pointer: '' };
    const emb = this.embedded.get(uri);
    if (emb) return emb;
    let schema: unknown;
    try {
      schema = this.resolveId(uri);
    } catch (e) {
      throw new UnsupportedSchemaError(from, '$ref', `cannot be resolved: ${uri} (${e instanceof Error ? e.message : String(e)})`);
    }
    if (schema === undefined || schema === null || (typeof schema !== 'object' && typeof schema !== 'boolean'))
      throw new UnsupportedSchemaError(from, '$ref', `cannot be resolved: ${uri} (resolve returned ${String(schema)})`);
    this.add(uri, schema);
    return { docId: uri, pointer: '' };
  }

  /**
   * Resolves `$ref` (written at `from`, whose base URI is `from.base`) to the referenced schema object.
   * Supports relative and absolute URIs and JSON-pointer fragments; anchors (`#name`) are refused.
   */
  resolveRef(ref: string, from: SchemaLocation): { schema: unknown; location: SchemaLocation } {
    const at = locationString(from);
    let absolute: URL;
    try {
      absolute = new URL(ref, from.base);
    } catch {
      throw new UnsupportedSchemaError(at, '$ref', `"${ref}" is not a valid URI reference against ${from.base}`);
    }
    const fragment = decodeURIComponent(absolute.hash.replace(/^#/, ''));
    absolute.hash = '';
    if (fragment !== '' && !fragment.startsWith('/'))
      throw new UnsupportedSchemaError(at, '$ref', `"${ref}" uses an anchor; only JSON-pointer fragments are supported`);
    const resource = this.load(absolute.href, at);
    return this.walk(resource.docId, resource.pointer + fragment, at, ref);
  }

  /** The schema object at `pointer` in document `docId`, with the base URI in force there. */
  walk(docId: string, pointer: string, at = `${docId}#${pointer}`, ref = pointer): { schema: unknown; location: SchemaLocation } {
    const doc = this.docs.get(docId);
    if (!doc) throw new UnsupportedSchemaError(at, '$ref', `cannot be resolved: no document ${docId}`);
    let node: unknown = doc.schema;
    let base = docId;
    for (const token of parsePointer(pointer)) {
      if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token))
        throw new UnsupportedSchemaError(at, '$ref', `"${ref}" points to nothing (${docId}#${pointer})`);
      node = (node as Record<string, unknown>)[token];
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
        const id = (node as Record<string, unknown>).$id;
        if (typeof id === 'string') base = stripFragment(new URL(id, base).href);
      }
    }
    return { schema: node, location: { docId, pointer, base } };
  }
}
