/**
 * Seeds. A run has one seed; each check derives its own from the run seed and its id, so a check's requests
 * do not depend on which other checks run, in which order, or on how many shards share the work.
 */

/** FNV-1a over the UTF-8 bytes of `text`, as an unsigned 32-bit integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The seed of the `part` (a check id, a request counter…) under `seed`. */
export function deriveSeed(seed: number, part: string | number): number {
  return fnv1a(`${seed >>> 0}:${part}`) | 0;
}

/** A fresh run seed, when the user gave none. */
export function randomSeed(): number {
  return (Math.random() * 0x7fffffff) | 0;
}
