import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph, reachable, type Graph } from '../scripts/import-graph.mjs';

/** The folders below src/ (src/generated's own folders mirror schemas/ and are left out: its README says so). */
function srcFolders(dir = 'src'): string[] {
  const below = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !(dir === 'src/generated'))
    .flatMap((e) => srcFolders(`${dir}/${e.name}`));
  return [dir, ...below];
}

/** The `May import:` line of a folder's README: the backticked names it allows (`nothing` allows none). */
function mayImport(readme: string): string[] | undefined {
  const line = readme.split('\n').find((l) => l.startsWith('May import:'));
  return line ? [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]) : undefined;
}

describe('the import graph of src/ and suites/', () => {
  const graph = importGraph();

  it('finds a cycle when there is one', () => {
    const g: Graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['d']], ['e', ['a']]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('has no import cycle between files (types and import() included)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph), 'files that import each other, directly or through others (node scripts/import-graph.mjs)').toEqual([]);
  });

  it('has no cycle between the folders of src/', () => {
    const folders = folderGraph(graph);
    const plain: Graph = new Map([...folders].map(([k, v]) => [k, [...v.keys()]]));
    const found = cycles(plain).map((c) => c.flatMap((a) => [...folders.get(a)!].filter(([b]) => c.includes(b)).map(([, why]) => why)));
    expect(found, 'folders that import each other; each line is one import that makes an edge').toEqual([]);
  });

  it('every folder of src/ opens with a README.md; each first-level folder (and src/ for its own files) says what it may import, and imports nothing else', () => {
    expect(srcFolders().filter((d) => !existsSync(join(d, 'README.md'))), 'folders without a README.md').toEqual([]);
    const folders = folderGraph(graph);
    const wrong: string[] = [];
    for (const [from, deps] of folders) {
      if (!from.startsWith('src/')) continue;
      const own = from.endsWith('.ts') ? 'src' : from;
      const allowed = mayImport(readFileSync(join(own, 'README.md'), 'utf8'));
      if (!allowed) {
        wrong.push(`${own}/README.md has no 'May import:' line`);
        continue;
      }
      for (const [to, why] of deps) {
        // The files directly in src/ share one README and may use each other.
        if (own === 'src' && /^src\/[^/]+\.ts$/.test(to)) continue;
        if (!allowed.includes(to)) wrong.push(`${from} imports ${to} (${why}), which ${own}/README.md does not allow`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("`import 'hookcert'` loads neither the reference receivers nor msw (they load only for demo, serve and tests)", () => {
    const eager = importGraph(['src'], { eager: true });
    const loaded = [...reachable(eager, 'src/index.ts')];
    expect(loaded).toContain('src/api/certify.ts');
    expect(loaded).toContain('package:ajv');
    expect(loaded.filter((m) => m.startsWith('src/reference/') || m === 'package:msw' || m.startsWith('package:@mswjs/'))).toEqual([]);
  });

  it('`hookcert run` loads msw only for demo and serve (lazily)', () => {
    const eager = importGraph(['src'], { eager: true });
    expect([...reachable(eager, 'src/cli/bin.ts')].filter((m) => m.startsWith('src/reference/') || m === 'package:msw')).toEqual([]);
    expect([...reachable(eager, 'src/reference/server.ts')]).toContain('package:msw');
  });
});
