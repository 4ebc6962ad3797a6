import { loadChecks } from '../../runner/load.js';
import type { Io } from '../io.js';
import { valueOf, VALUES } from '../../config/values.js';
import { catalogues } from '../../profiles.js';

/** `hookcert list`: the checklist (or with `--events-catalogue`, the events). */
export async function listCommand(input: { profile?: string; json?: boolean; eventsCatalogue?: boolean }, io: Io): Promise<number> {
  const name = valueOf(VALUES.profile, input.profile) ?? 'mplus';
  if (input.eventsCatalogue) {
    const names = catalogues(name).names();
    io.stdout(input.json ? `${JSON.stringify(names, null, 2)}\n` : `${names.join('\n')}\n`);
    return 0;
  }
  const checks = (await loadChecks(name)).map((c) => ({ id: c.id, title: c.title, level: c.level, area: c.area, profile: c.profile }));
  if (input.json) io.stdout(`${JSON.stringify(checks, null, 2)}\n`);
  else io.stdout(columns(checks.map((c) => [c.id, c.level, c.area, c.title])));
  return 0;
}

/** `hookcert list-mutants`: the mutants and the checks each must fail. */
export async function listMutantsCommand(input: { profile?: string; json?: boolean }, io: Io): Promise<number> {
  const name = valueOf(VALUES.profile, input.profile) ?? 'mplus';
  const { loadMutants } = await import('../../reference/mutants.js');
  const mutants = (await loadMutants(name)).map((m) => ({ name: m.name, profile: m.profile, description: m.description, checks: m.checks }));
  if (input.json) io.stdout(`${JSON.stringify(mutants, null, 2)}\n`);
  else io.stdout(columns([['MUTANT', 'FAILS', 'WHAT IS BROKEN'], ...mutants.map((m) => [m.name, m.checks.join(','), m.description])]));
  return 0;
}

/** Rows as aligned columns: every column but the last padded to its widest cell. */
export function columns(rows: readonly string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => `${r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ')}\n`).join('');
}
