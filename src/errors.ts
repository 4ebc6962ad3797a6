/**
 * Errors hookcert itself raises (bad configuration, bad input to the tool), as opposed to check
 * failures, which are verdicts about the endpoint under test.
 *
 * Every error carries a stable `code` (`HOOKCERT_ERR_…`) that callers, tests and CI scripts may match
 * on; the message is for people and may change. Messages say what happened, what was expected and
 * what to do next, and never contain secrets.
 *
 * @module
 */

/** Stable codes of {@link HookcertError}. Add new codes here; never rename or reuse one. */
export const HookcertErrorCode = {
  /** A secret does not decode in the encoding asked for (e.g. `--secret-encoding base64` with a non-base64 text). */
  SECRET_ENCODING: 'HOOKCERT_ERR_SECRET_ENCODING',
  /** A secret is empty (after trimming whitespace), so no meaningful HMAC key can be made from it. */
  SECRET_EMPTY: 'HOOKCERT_ERR_SECRET_EMPTY',
  /** A flag or its value is wrong (unknown choice, not a number, a URL without scheme…). */
  USAGE: 'HOOKCERT_ERR_USAGE',
  /** The config file cannot be read, is not JSON, or does not match `schemas/report/config.schema.json`. */
  CONFIG: 'HOOKCERT_ERR_CONFIG',
  /** No secret was given (flag, config file or HOOKCERT_SECRET). */
  NO_SECRET: 'HOOKCERT_ERR_NO_SECRET',
  /** An event or topic name that the profile's catalogue does not know. */
  UNKNOWN_EVENT: 'HOOKCERT_ERR_UNKNOWN_EVENT',
  /** The report folder cannot be created or written. */
  REPORT_DIR: 'HOOKCERT_ERR_REPORT_DIR',
  /** A mutant name that does not exist. */
  UNKNOWN_MUTANT: 'HOOKCERT_ERR_UNKNOWN_MUTANT',
  /** A check id or area (`--check`) that the profile's suite does not have. */
  UNKNOWN_CHECK: 'HOOKCERT_ERR_UNKNOWN_CHECK',
} as const;

/** One of the codes in {@link HookcertErrorCode}. */
export type HookcertErrorCode = (typeof HookcertErrorCode)[keyof typeof HookcertErrorCode];

/**
 * An error of the tool, with a stable machine-readable `code`.
 *
 * @example
 * ```ts
 * try { decodeSecret(secret, 'base64'); }
 * catch (e) { if (e instanceof HookcertError && e.code === HookcertErrorCode.SECRET_ENCODING) … }
 * ```
 */
export class HookcertError extends Error {
  override readonly name = 'HookcertError';

  /**
   * @param code - a stable `HOOKCERT_ERR_…` code (see {@link HookcertErrorCode}).
   * @param message - what happened, what was expected and what to do; never a secret.
   */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
