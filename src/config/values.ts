import { HookcertError, HookcertErrorCode } from '../errors.js';
import { parseShard } from '../runner/shard.js';
import { suggest } from '../suggest.js';

/**
 * The rules of the option values: how the text of a flag becomes its value, and what is refused (one line that
 * says what to fix). The CLI applies them as commander parses (src/cli/options.ts names a rule per option), the
 * library and the config resolution (src/config/load.ts) apply the same ones to what they are given.
 */
export interface ValueRule<T> {
  /** The value of `text`, or a usage error naming the flag. */
  parse(text: string): T;
  /** The values there are, when they are few (commander lists them in `--help`). */
  choices?: readonly string[];
}

const usage = (message: string) => new HookcertError(HookcertErrorCode.USAGE, message);

/** A whole number from `min` to `max`. */
export function wholeNumber(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): ValueRule<number> {
  return {
    parse(text) {
      if (!/^-?\d+$/.test(text.trim())) throw usage(`${flag} takes a whole number (got "${text}")`);
      const n = Number(text);
      if (n < min || n > max) throw usage(`${flag} must be between ${min} and ${max} (got ${n})`);
      return n;
    },
  };
}

/** A duration: `500` or `500ms`, `2s`, `1.5s`, `10m`, `1h`; in milliseconds, from `min` to `max`. */
export function duration(flag: string, min = 1, max = 24 * 3_600_000): ValueRule<number> {
  return {
    parse(text) {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
      if (!m) throw usage(`${flag} takes a duration such as 500 (ms), 2s, 10m (got "${text}")`);
      const n = Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[m[2] ?? 'ms']!);
      if (n < min || n > max) throw usage(`${flag} must be between ${min} ms and ${max / 3_600_000} h (got ${n} ms)`);
      return n;
    },
  };
}

/** One of `choices`, as typed (a near miss is suggested). */
export function oneOf<T extends string>(flag: string, choices: readonly T[]): ValueRule<T> {
  return {
    choices,
    parse(text) {
      if (!(choices as readonly string[]).includes(text)) throw usage(`${flag} must be one of ${choices.join(', ')} (got "${text}")${suggest(text, choices)}`);
      return text as T;
    },
  };
}

/** The profiles (`--profile`). */
export const PROFILES = ['mplus', 'kopokopo', 'standard-webhooks'] as const;
const LEVELS = ['must', 'should'] as const;

/** The rule of every option whose value is more than text, by its name in {@link CliInput} (`--max-run-time`: `maxRunTime`). */
export const VALUES = {
  profile: oneOf('--profile', PROFILES),
  secretEncoding: oneOf('--secret-encoding', ['base64', 'utf8'] as const),
  level: oneOf('--level', LEVELS),
  failOn: oneOf('--fail-on', LEVELS),
  seed: wholeNumber('--seed', -0x80000000, 0x7fffffff),
  runs: wholeNumber('--runs', 1, 1_000_000),
  concurrency: wholeNumber('--concurrency', 1, 512),
  maxBodyBytes: wholeNumber('--max-body-bytes', 1024),
  explore: wholeNumber('--explore', 0, 100_000),
  maxPollingRounds: wholeNumber('--max-polling-rounds', 1, 10_000),
  maxPaymentPolls: wholeNumber('--max-payment-polls', 1, 10_000),
  port: { parse: portNumber },
  connectTimeout: duration('--connect-timeout'),
  budget: duration('--budget'),
  grace: duration('--grace', 0),
  maxRunTime: duration('--max-run-time', 100),
  maxPollingTime: duration('--max-polling-time', 100),
  maxPaymentTime: duration('--max-payment-time', 100),
  shard: { parse: parseShard },
} as const satisfies Record<string, ValueRule<unknown>>;

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage(`--port takes a port number 0-65535 (got "${text}")`);
  return port;
}

/** The value of an option that may be absent: `rule`'s, or `undefined`. */
export function valueOf<T>(rule: ValueRule<T>, text: string | undefined): T | undefined {
  return text === undefined ? undefined : rule.parse(text);
}
