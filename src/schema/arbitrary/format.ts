import * as fc from 'fast-check';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` (RFC 3339 full-date), years 1970–2099, always a real calendar day. */
export function dateArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1970, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, daysIn(y, m)))}`);
}

/** Real-world offsets that are not whole hours. */
const ODD_OFFSETS = ['+05:30', '+05:45', '+03:30', '+04:30', '+06:30', '+09:30', '+10:30', '+12:45', '+13:45', '-03:30', '-09:30'];

/** `Z`, or a real-world UTC offset: whole hours from `-12:00` to `+14:00`, or one such as `+05:30`, `+05:45`. */
function offsetArbitrary(): fc.Arbitrary<string> {
  const whole = fc.integer({ min: -12, max: 14 }).map((h) => `${h < 0 ? '-' : '+'}${pad(Math.abs(h))}:00`);
  return fc.oneof(
    { arbitrary: fc.constant('Z'), weight: 2 },
    { arbitrary: whole, weight: 3 },
    { arbitrary: fc.constantFrom(...ODD_OFFSETS), weight: 1 },
  );
}

/** `HH:MM:SS[.mmm]` followed by an offset (ajv's `time` requires one); no leap seconds. */
export function timeArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
      fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined, freq: 2 }),
      offsetArbitrary(),
    )
    .map(([h, m, s, ms, off]) => `${pad(h)}:${pad(m)}:${pad(s)}${ms === undefined ? '' : `.${pad(ms, 3)}`}${off}`);
}

/** RFC 3339 `date-time`: `2024-02-29T13:05:09.123+02:00`, `…Z`, with or without milliseconds. */
export function dateTimeArbitrary(): fc.Arbitrary<string> {
  return fc.tuple(dateArbitrary(), timeArbitrary()).map(([d, t]) => `${d}T${t}`);
}

const UNRESERVED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';
/** RFC 3986 sub-delims except `&` (which separates query pairs). */
const SUB_DELIMS = "!$'()*+,;=";

/** One URI character among `chars`, or (1 in 10) a percent-encoded byte. */
function uriChar(chars: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...chars), weight: 9 },
    { arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`), weight: 1 },
  );
}

/**
 * An absolute http(s) URI (RFC 3986): domain host (fast-check's `domain`), optional port, path
 * segments, `?key=value&…` query and fragment, with sub-delimiters and percent-encoding.
 * (Built here because fast-check's `webUrl` takes ~1 s to construct its path tables.)
 */
export function uriArbitrary(): fc.Arbitrary<string> {
  const segment = fc.string({ unit: uriChar(UNRESERVED + SUB_DELIMS + ':@'), maxLength: 8 });
  const token = fc.string({ unit: uriChar(UNRESERVED), minLength: 1, maxLength: 8 });
  const query = fc.array(fc.tuple(token, token), { minLength: 1, maxLength: 3 }).map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);
  const fragment = fc.string({ unit: uriChar(UNRESERVED + SUB_DELIMS + ':@/?'), maxLength: 8 }).map((f) => `#${f}`);
  return fc
    .tuple(
      fc.constantFrom('https', 'http'),
      fc.domain(),
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined, freq: 4 }),
      fc.array(segment, { maxLength: 3 }),
      fc.option(query, { nil: '', freq: 3 }),
      fc.option(fragment, { nil: '', freq: 5 }),
    )
    .map(([scheme, host, port, path, q, f]) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}${path.map((p) => `/${p}`).join('')}${q}${f}`);
}

/** Generators for the supported `format` values; each produces strings ajv-formats (full mode) accepts. */
export const FORMAT_ARBITRARIES: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  uuid: () => fc.uuid(),
  'date-time': dateTimeArbitrary,
  date: dateArbitrary,
  time: timeArbitrary,
  email: () => fc.emailAddress(),
  uri: uriArbitrary,
};
