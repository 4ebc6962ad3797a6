import { suggest } from '../suggest.js';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import type { ProfileName } from './types.js';

/** What {@link selectChecks} needs of a check. */
export interface Selectable {
  id: string;
  area: string;
}

const PREFIX: Record<string, ProfileName> = { MP: 'mplus', KK: 'kopokopo', SW: 'standard-webhooks' };

/**
 * The checks `words` name, in the suite's order: each word is a check id (any case: `mp-sig-002`), an area
 * (`security`) or an id prefix ending in `*` (`MP-SIG-*`). A word that names nothing is a usage error that
 * says what it resembles, so a typo can never turn a CI gate into a run of zero checks that passes.
 */
export function selectChecks<T extends Selectable>(all: readonly T[], words: readonly string[], profile: ProfileName, flag = '--check'): T[] {
  if (words.length === 0) throw usage(`${flag} names no check; give ids or areas, comma-separated, e.g. ${flag} MP-SIG-002,security`);
  const wanted = new Set<string>();
  for (const word of words) {
    const w = word.trim().toUpperCase();
    const hits = w.endsWith('*') ? all.filter((c) => c.id.startsWith(w.slice(0, -1))) : all.filter((c) => c.id === w || c.area.toUpperCase() === w);
    if (hits.length === 0) throw unknown(word, all, profile, flag);
    for (const c of hits) wanted.add(c.id);
  }
  return all.filter((c) => wanted.has(c.id));
}

function unknown(word: string, all: readonly Selectable[], profile: ProfileName, flag: string): HookcertError {
  const other = PREFIX[word.trim().toUpperCase().slice(0, 2)];
  if (other && other !== profile)
    return new HookcertError(HookcertErrorCode.UNKNOWN_CHECK, `${flag} ${word}: a ${other} check, and this run's profile is ${profile}: add --profile ${other}, or give ${profile} checks (\`hookcert list --profile ${profile}\`)`);
  const names = [...all.map((c) => c.id), ...new Set(all.map((c) => c.area))];
  return new HookcertError(HookcertErrorCode.UNKNOWN_CHECK, `${flag} ${word}: no such check or area in ${profile}${suggest(word.trim().toUpperCase(), names)}; \`hookcert list${profile === 'mplus' ? '' : ` --profile ${profile}`}\` lists them`);
}

const usage = (message: string) => new HookcertError(HookcertErrorCode.USAGE, message);
