import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from './helpers.js';

const README = join(import.meta.dirname, '..', 'README.md');
const BEGIN = '<!-- checklist:begin (generated from `hookcert list`; UPDATE_README=1 npx vitest run test/readme.test.ts) -->';
const END = '<!-- checklist:end -->';

/** The checklist table of every profile, from `hookcert list --json`. */
async function checklist(): Promise<string> {
  const rows: string[] = ['| id | level | area | check |', '|---|---|---|---|'];
  for (const profile of ['mplus', 'kopokopo', 'standard-webhooks']) {
    const out = await cli(['list', '--profile', profile, '--json']);
    if (out.code !== 0) continue;
    for (const c of JSON.parse(out.stdout) as Array<{ id: string; level: string; area: string; title: string }>)
      rows.push(`| \`${c.id}\` | ${c.level} | ${c.area} | ${c.title.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n');
}

it('README lists the current checklist', async () => {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  expect(start, 'the README has the checklist markers').toBeGreaterThan(0);
  const current = `${BEGIN}\n${await checklist()}\n${END}`;
  if (process.env.UPDATE_README === '1') writeFileSync(README, text.slice(0, start) + current + text.slice(end + END.length));
  else expect(text.slice(start, end + END.length)).toBe(current);
});
