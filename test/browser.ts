import { spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { packageRoot } from '../src/paths.js';

/**
 * The browser of the report's browser tests, with nothing to install by hand and nothing downloaded: the
 * Chromium that the dev dependency `@sparticuz/chromium` ships inside its npm package (brotli-compressed,
 * with the NSS libraries and a font it needs), unpacked once into `node_modules/.cache/`. Only libc and
 * libgcc are taken from the machine. `HOOKCERT_CHROMIUM=/usr/bin/chromium` uses another browser instead.
 * A browser that cannot start is one line that says what to do, never a stack trace.
 */
export async function launchBrowser(): Promise<Browser> {
  const given = process.env.HOOKCERT_CHROMIUM;
  const browser = given ? { executablePath: given, env: {} } : await shipped();
  try {
    return await chromium.launch({ executablePath: browser.executablePath, env: { ...process.env, ...browser.env }, args: ARGS });
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n').find((l) => l.trim()) ?? 'unknown error';
    throw unavailable(`the browser ${browser.executablePath} does not start (${first.trim()}): ${given ? 'check HOOKCERT_CHROMIUM' : 'run npm ci again, or set HOOKCERT_CHROMIUM to a Chromium (e.g. /usr/bin/chromium from apt-get install chromium)'}`);
  }
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The shipped Chromium, unpacked (once, atomically: parallel test runs never see half a binary). */
async function shipped(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const pkg = packageDir();
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(packageRoot, 'node_modules', '.cache', `hookcert-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    await pipeline(createReadStream(join(pkg, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(join(tmp, 'chromium')));
    chmodSync(join(tmp, 'chromium'), 0o755);
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) untar(brotliDecompressSync(readFileSync(join(pkg, 'bin', archive))), tmp);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another run unpacked it first
    }
  }
  // The machine's fonts when it has any, and the shipped one always (a bare machine has none).
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${join(dir, 'fonts')}</dir><cachedir>${join(dir, 'fontcache')}</cachedir></fontconfig>\n`);
  return { executablePath: join(dir, 'chromium'), env: { LD_LIBRARY_PATH: join(dir, 'lib'), FONTCONFIG_FILE: conf } };
}

/** The folder of the installed `@sparticuz/chromium` (its exports hide package.json from `require.resolve`). */
function packageDir(): string {
  let main: string;
  try {
    main = createRequire(join(packageRoot, 'package.json')).resolve('@sparticuz/chromium');
  } catch {
    throw unavailable('no browser for the report tests: the dev dependency @sparticuz/chromium is not installed (run npm ci), or set HOOKCERT_CHROMIUM to a Chromium');
  }
  for (let d = dirname(main); d !== dirname(d); d = dirname(d)) if (existsSync(join(d, 'bin', 'chromium.br'))) return d;
  throw unavailable(`@sparticuz/chromium has no bin/chromium.br near ${main}: run npm ci again`);
}

function untar(tar: Buffer, into: string): void {
  const r = spawnSync('tar', ['-x', '-C', into], { input: tar });
  if (r.status !== 0) throw unavailable(`cannot unpack the shipped browser's files (tar: ${r.error?.message ?? r.stderr.toString().trim()})`);
}

/** An error that prints as its one line: vitest shows no stack for it. */
function unavailable(message: string): Error {
  const err = new Error(`hookcert browser tests: ${message}`);
  err.stack = err.message;
  return err;
}
