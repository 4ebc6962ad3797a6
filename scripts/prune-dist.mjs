#!/usr/bin/env node
// Before `npm pack`/`npm publish` (the `prepack` script): deletes compiled files in dist/ whose TypeScript source
// is gone, so a renamed or deleted check never ships as a stale duplicate (checks are found by listing
// dist/suites). Only stale files are removed: a build in progress elsewhere in the tree is not disturbed.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
let removed = 0;

/** The source of a compiled file: dist/src/a/b.js, .js.map, .d.ts, .d.ts.map → src/a/b.ts. */
const sourceOf = (file) => join(root, relative(dist, file).replace(/(\.d)?\.(js|ts)(\.map)?$/, '.ts'));

function walk(dir) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(js|d\.ts)(\.map)?$/.test(e.name) && !existsSync(sourceOf(p))) {
      rmSync(p, { force: true });
      removed++;
    }
  }
}
for (const top of ['src', 'suites']) walk(join(dist, top));
if (removed > 0) console.log(`prune-dist: removed ${removed} compiled file(s) whose source is gone`);
