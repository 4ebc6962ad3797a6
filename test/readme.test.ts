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

it("README's performance figures are bench/RESULTS.md's, as `npm run bench` last wrote them", () => {
  const begin = '<!-- bench:begin (bench/RESULTS.md, written by `npm run bench`) -->';
  const end = '<!-- bench:end -->';
  const block = (text: string, where: string) => {
    const start = text.indexOf(begin);
    const stop = text.indexOf(end);
    expect(start, `${where} has the bench markers`).toBeGreaterThan(0);
    expect(stop, `${where} closes the bench markers`).toBeGreaterThan(start);
    return text.slice(start, stop + end.length);
  };
  const results = readFileSync(join(import.meta.dirname, '..', 'bench', 'RESULTS.md'), 'utf8');
  const figures = block(results, 'bench/RESULTS.md');
  // Every row of the issue's table is there, with its target and whether it is met.
  for (const figure of ['reference behind 50 ms', 'slow-replies mutant', 'requests at --concurrency 64', 'engine overhead', '`hookcert --version`', 'hostile endpoint: headers-no-body', 'hostile endpoint: trickle', 'hostile endpoint: reset-mid-body', 'hostile endpoint: deep-nesting', 'hostile endpoint: gigabyte'])
    expect(figures, figure).toMatch(new RegExp(`\\| [^|\\n]*${figure.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')}[^|\\n]* \\| [^|\\n]+ \\| [^|\\n]+ \\| \\*\\*(met|not met)\\*\\* \\|`));
  expect(block(readFileSync(README, 'utf8'), 'README.md'), 'copy the block from bench/RESULTS.md ("For the README") into README.md').toBe(figures);
});
