import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import type { RunResults } from '../runner/results.js';
import { redact, type Secret } from '../secret.js';
import { html, htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { FileReporter } from './reporter.js';

/** The file reporters, by file name. */
export const FILE_REPORTERS: readonly FileReporter[] = [jsonReporter, junitReporter, markdownReporter, htmlReporter];

/** The name of a report file being written. */
const TEMP = /^\..+\.tmp-\d+$/;

/** Fails early, before a run, when the report folder cannot be written. */
export function ensureWritable(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.hookcert-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    throw new HookcertError(HookcertErrorCode.REPORT_DIR, `cannot write the report folder ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}): choose another with --report-dir`);
  }
}

/**
 * Writes every report file into `dir`. Every file is rendered first and written whole to a temporary name,
 * and only then are they all renamed into place: a reader never sees half a file, and a failure leaves the
 * previous report as it was. Every byte passes through the secret redactor first. A reporter that crashes
 * does not cost the others: its file says what went wrong and where the results are.
 */
export function writeReports(results: RunResults, dir: string, secrets: readonly Secret[]): string[] {
  // Redact the results' own strings first (an endpoint may echo a secret, and escaping for HTML or XML
  // would hide it from a later pass), then every rendered file once more as the last line of defence.
  const clean = redactResults(results, secrets);
  const rendered = FILE_REPORTERS.map((r) => ({ path: join(dir, r.file), text: redact(renderSafely(r, clean), secrets) }));
  const temps: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    // Left by a run that was killed while writing (a second Ctrl-C): never a report file, always hidden.
    for (const f of readdirSync(dir)) if (TEMP.test(f)) rmSync(join(dir, f), { force: true });
    for (const { path, text } of rendered) {
      const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}`);
      temps.push(tmp);
      writeFileSync(tmp, text);
    }
    rendered.forEach(({ path }, i) => renameSync(temps[i], path));
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true });
    throw new HookcertError(HookcertErrorCode.REPORT_DIR, `cannot write the report into ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}): free some space or choose another folder with --report-dir`);
  }
  return rendered.map(({ path }) => path);
}

/** A reporter's file, or, when the reporter crashes, a file that says so and where the results are. */
export function renderSafely(reporter: FileReporter, results: RunResults): string {
  try {
    return reporter.render(results);
  } catch (err) {
    const why = `hookcert could not render ${reporter.file} (${err instanceof Error ? err.message : String(err)}); results.json holds the results`;
    return reporter.file.endsWith('.html') ? String(html`<!doctype html><meta charset="utf-8"><title>hookcert</title><p>${why}</p>\n`) : `${why}\n`;
  }
}

/** A deep copy of `results` with every secret removed from every string in it. */
export function redactResults(results: RunResults, secrets: readonly Secret[]): RunResults {
  if (secrets.every((s) => s.reveal().length < 4)) return results;
  return JSON.parse(JSON.stringify(results), (_key, value: unknown) => (typeof value === 'string' ? redact(value, secrets) : value)) as RunResults;
}
