/**
 * Thrown by {@link compileArbitrary} when a schema uses something the compiler cannot turn into an
 * arbitrary: a keyword outside the supported set, an unknown `format`, a `$ref` that does not resolve,
 * or constraints that no value (or no value ajv accepts) can satisfy.
 * Always raised at compile time, never while values are being generated.
 */
export class UnsupportedSchemaError extends Error {
  /** Absolute location of the offending schema object: its document `$id`, `#`, then a JSON pointer. */
  readonly schemaPath: string;
  /** The keyword at fault (`allOf`, `format`, `$ref`, …). */
  readonly keyword: string;

  constructor(schemaPath: string, keyword: string, detail = 'is not supported by the arbitrary compiler') {
    super(`hookcert: schema ${schemaPath}: keyword "${keyword}" ${detail}`);
    this.name = 'UnsupportedSchemaError';
    this.schemaPath = schemaPath;
    this.keyword = keyword;
  }
}
