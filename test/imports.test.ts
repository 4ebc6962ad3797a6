import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph, reachable, type Graph } from '../scripts/import-graph.mjs';

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
