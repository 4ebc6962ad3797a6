import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath, sep } from 'node:path';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import { profileSchemasDir } from '../paths.js';
import { suitesDir } from '../runner/load.js';
import { eventTypesFile } from '../runner/hashes.js';
import type { RunResults } from '../runner/results.js';
import { tarGz, type TarEntry } from './tar.js';

/** The folder every file of a bundle sits in. */
export const BUNDLE_ROOT = 'hookcert-bundle';

/** The default bundle file, in the report folder. */
export const BUNDLE_FILE = 'hookcert-bundle.tar.gz';

/** What `manifest.json` of a bundle says. */
export interface BundleManifest {
  tool: RunResults['tool'];
  profile: RunResults['profile'];
  target: RunResults['target'];
  seed: number;
  /** The conformance as judged: what a certifier reads (a baseline never changes it). */
  verdict: RunResults['verdict'];
  /** What CI decided, after the baseline: a gate that passed on known failures is no certificate. */
  gate: RunResults['gate'];
  startedAt: string;
  /** The command line of the run, without the secret (it replays the run with `HOOKCERT_SECRET` set). */
  command: string;
  /** The tree hashes of results.json: `schemas/<profile>/` and `checks/<profile>/` of the bundle hash to them. */
  hashes: RunResults['hashes'];
  /** Every other file of the bundle with its sha256 (also in `SHA256SUMS`, for `sha256sum -c`). */
  files: Array<{ path: string; sha256: string; bytes: number }>;
}

/** The files below `dir` (relative, forward slashes, sorted) that pass `keep`. */
function filesBelow(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (keep(e.name)) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The checks' files as `hashTree` counts them for `results.hashes.checks` (src/runner/run.ts). */
const isCheckFile = (n: string) => !n.includes('.test.') && !n.endsWith('.map') && !n.endsWith('.d.ts');

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The certification bundle of a finished run: the report files of `reportDir`, the exact schemas and checks
 * the run used, a manifest (tool version, command line without the secret, hashes) and `SHA256SUMS`. With the
 * integrator's `eventTypes` (standard-webhooks), those too, as `schemas/event-types.json` (`results.hashes.eventTypes`).
 */
export function bundleEntries(results: RunResults, reportDir: string, eventTypes?: Record<string, unknown>): TarEntry[] {
  const files: TarEntry[] = [];
  for (const f of ['results.json', 'junit.xml', 'summary.md', 'index.html']) files.push({ path: `report/${f}`, data: readFileSync(join(reportDir, f)) });
  // The profile's schemas only: what the run generated from and judged against (`results.hashes.schemas`).
  const schemas = profileSchemasDir(results.profile);
  for (const f of filesBelow(schemas)) files.push({ path: `schemas/${results.profile}/${f}`, data: readFileSync(join(schemas, f)) });
  if (eventTypes) files.push({ path: 'schemas/event-types.json', data: eventTypesFile(eventTypes) });
  const checks = suitesDir(results.profile);
  for (const f of filesBelow(checks, isCheckFile)) files.push({ path: `checks/${results.profile}/${f}`, data: readFileSync(join(checks, f)) });
  const manifest: BundleManifest = {
    tool: results.tool,
    profile: results.profile,
    target: results.target,
    seed: results.seed,
    verdict: results.verdict,
    gate: results.gate,
    startedAt: results.startedAt,
    command: results.replay,
    hashes: results.hashes,
    files: files.map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.length })),
  };
  const sums = manifest.files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
  const all = [{ path: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }, { path: 'SHA256SUMS', data: Buffer.from(sums) }, ...files];
  return all.map((f) => ({ path: `${BUNDLE_ROOT}/${f.path}`, data: f.data }));
}

/** Writes the bundle of a run (see {@link bundleEntries}) to `file` and returns its path. */
export async function writeBundle(results: RunResults, reportDir: string, file: string, eventTypes?: Record<string, unknown>): Promise<string> {
  const archive = await tarGz(bundleEntries(results, reportDir, eventTypes), Date.parse(results.startedAt) / 1000);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, archive);
  } catch (err) {
    throw new HookcertError(HookcertErrorCode.REPORT_DIR, `cannot write the bundle ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}): choose another path with --bundle FILE`);
  }
  return file;
}

/**
 * `--bundle [file]` after a run: writes the bundle (to `file`, else `<reportDir>/hookcert-bundle.tar.gz`) and
 * returns its path; `undefined` when the flag was not given. `eventTypes`: the integrator's, when the run had them.
 */
export async function bundleFromFlag(flag: string | boolean | undefined, results: RunResults, reportDir: string, eventTypes?: Record<string, unknown>): Promise<string | undefined> {
  if (flag === undefined || flag === false) return undefined;
  return writeBundle(results, reportDir, typeof flag === 'string' ? resolvePath(flag) : join(reportDir, BUNDLE_FILE), eventTypes);
}
