/** Words every output uses alike: the reporters, the CLI, and the runner's gate reasons (src/runner/verdict.ts). */

/** `1 request`, `3 requests`; `plural(2, 'is', 'are')` for irregular words. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
