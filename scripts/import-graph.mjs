// The import graph of src/ and suites/, read with the TypeScript parser (no type check): every relative
// import, `import type`, re-export and `import()` included, `.js` specifiers mapped back to their `.ts` files. Used by test/cycles.test.ts (no file may import a cycle, no folder of src/ may import one of the
// folders that import it) and runnable by hand: `node scripts/import-graph.mjs` prints the cycles.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every .ts file under the given folders (tests and declaration files left out). */
function sources(dirs) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts')) out.push(path);
    }
  };
  for (const d of dirs) walk(join(ROOT, d));
  return out.sort();
}

/** The file a relative specifier names, or undefined (packages, JSON, files outside the tree). */
function resolveSpecifier(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * One file's imports: every relative `import`, `export … from` and `import()`, each with whether it loads the
 * module when the file loads (`import type`, `export type` and imports of types only do not; `import()` loads it
 * later, when called).
 * @returns {{ spec: string, eager: boolean }[]}
 */
function importsOf(file) {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = [];
  const typesOnly = (clause) =>
    clause.isTypeOnly ||
    (!clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ spec: node.moduleSpecifier.text, eager: !(node.importClause && typesOnly(node.importClause)) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      out.push({ spec: node.moduleSpecifier.text, eager: !(node.isTypeOnly || (named && named.length > 0 && named.every((e) => e.isTypeOnly))) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push({ spec: node.arguments[0].text, eager: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

const rel = (p) => relative(ROOT, p).split(sep).join('/');

/**
 * The graph: file (relative to the repository, with `/`) → the files it imports, every kind of import.
 * @param {string[]} [dirs] folders to read, relative to the repository
 * @param {{ eager?: boolean }} [opts] `eager`: only the imports that load a module when the file loads; packages
 *   appear then as `package:<name>`
 * @returns {Map<string, string[]>}
 */
export function importGraph(dirs = ['src', 'suites'], opts = {}) {
  const graph = new Map();
  for (const file of sources(dirs)) {
    const deps = new Set();
    for (const { spec, eager } of importsOf(file)) {
      if (opts.eager && !eager) continue;
      const target = resolveSpecifier(file, spec);
      if (target) deps.add(rel(target));
      else if (opts.eager && !spec.startsWith('.') && !spec.startsWith('node:')) deps.add(`package:${spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')}`);
    }
    graph.set(rel(file), [...deps].sort());
  }
  return graph;
}

/** Strongly connected components of more than one node (or a node importing itself): the cycles. */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const connect = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) connect(v);
  return out;
}

/**
 * The folder graph: `src/<folder>` (the first level below src/; a file directly in src/ is a node of its own;
 * suites/ is one node) → the folders it imports,
 * each edge with one file import that makes it (to name in a failure).
 * @returns {Map<string, Map<string, string>>}
 */
export function folderGraph(graph) {
  const folder = (file) => {
    const parts = file.split('/');
    return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : parts[0] === 'src' ? file : parts[0];
  };
  const out = new Map();
  for (const [file, deps] of graph) {
    const from = folder(file);
    if (!out.has(from)) out.set(from, new Map());
    for (const dep of deps) {
      const to = folder(dep);
      if (to !== from && !out.get(from).has(to)) out.get(from).set(to, `${file} → ${dep}`);
    }
  }
  return out;
}

/** Every module a file loads, transitively (itself included). */
export function reachable(graph, start) {
  const seen = new Set();
  const todo = [start];
  while (todo.length > 0) {
    const v = todo.pop();
    if (seen.has(v)) continue;
    seen.add(v);
    for (const w of graph.get(v) ?? []) todo.push(w);
  }
  return seen;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const files = cycles(graph);
  console.log(`${graph.size} files, ${files.length} file cycles`);
  for (const c of files) console.log(`  ${c.join(' ')}`);
  const folders = folderGraph(graph);
  const plain = new Map([...folders].map(([k, v]) => [k, [...v.keys()]]));
  const fc = cycles(plain);
  console.log(`${fc.length} folder cycles`);
  for (const c of fc) {
    console.log(`  ${c.join(' ')}`);
    for (const a of c) for (const [b, why] of folders.get(a)) if (c.includes(b)) console.log(`    ${why}`);
  }
}
