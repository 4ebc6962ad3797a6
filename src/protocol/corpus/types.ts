/** The types the body corpus shares with the simulators. @module */

/** A JSON object body. */
export type JsonObject = Record<string, unknown>;

/** What the corpus needs to know about a profile's bodies, so that every variant stays valid under its schemas. */
export interface CorpusHints {
  /** Names of properties the schemas type `number` (never `integer`): their values may be written `1.0`, `1.234e1`. */
  decimalKeys: ReadonlySet<string>;
  /** `value` (a copy) with one free-text field set to `text`; `undefined` when it has none. */
  withText(value: JsonObject, text: string): JsonObject | undefined;
  /** Receivers of the profile must tolerate unknown extra members, so a variant may add some. */
  extraMembers: boolean;
}

/** How a body is written on the wire. */
export interface BodyForm {
  /** What the body is, in words, for messages: `truncated JSON`, `pretty-printed with two-space indents`. */
  what: string;
  /**
   * The text sent for `value` (the request or payload as stamped), whose compact JSON is `compact`; `hints`
   * say what the profile's schemas allow (the simulator passes its profile's).
   */
  render(value: unknown, compact: string, hints?: CorpusHints): string;
}

