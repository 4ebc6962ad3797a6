/** Quotes one shell word when it needs it. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that replays a run or one check: the invocation that started the run (never with the
 * secret: it comes from `HOOKCERT_SECRET` or `--secret`), plus the seed and, for one check, its id (for the
 * whole run, the checks it was limited to, comma-separated).
 */
export function replayCommand(base: readonly string[], seed: number, checkId?: string): string {
  const words = [...base, '--seed', String(seed)];
  if (checkId) words.push('--check', checkId);
  return words.map(shellWord).join(' ');
}
