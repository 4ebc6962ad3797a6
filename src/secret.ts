import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A shared secret (MplusKASSA secret key, Kopo Kopo API key). It never serialises: `String(secret)`,
 * `JSON.stringify`, `util.inspect` and template strings all give `[redacted]`, so it cannot leak into a
 * report, a log line or an error by accident. Only signing code calls {@link Secret.reveal}.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret's text, for the HMAC key and nothing else. */
  reveal(): string {
    return this.#value;
  }

  /** True when the secret is empty. */
  get empty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/**
 * Replaces every occurrence of each secret in `text` by `[redacted]`: the last line of defence, applied to
 * everything hookcert writes (reports, console, errors), in case an endpoint echoes a secret back.
 */
export function redact(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const s of secrets) {
    const v = s.reveal();
    if (v.length >= 4) out = out.split(v).join(REDACTED);
  }
  return out;
}
