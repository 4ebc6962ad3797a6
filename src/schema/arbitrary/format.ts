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

/** `Z` or a real-world UTC offset such as `+02:00`, `-09:30`, `+05:45`. */
function offsetArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant('Z'), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45))
        .map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
      weight: 2,
    },
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

const QUERY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';

/**
 * An absolute http(s) URL: fast-check's `webUrl` (domain, port, path segments with percent-encoding)
 * plus an optional `?key=value&…` query. (`webUrl`'s own query/fragment option is ~30× slower.)
 */
export function uriArbitrary(): fc.Arbitrary<string> {
  const token = fc.string({ unit: fc.constantFrom(...QUERY_CHARS), minLength: 1, maxLength: 8 });
  const query = fc.array(fc.tuple(token, token), { minLength: 1, maxLength: 3 }).map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);
  return fc.tuple(fc.webUrl(), fc.option(query, { nil: '', freq: 3 })).map(([url, q]) => url + q);
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
