// The browser of the report's browser tests (test/browser.ts) and of the report's budget (bench/report.mjs),
// with nothing to install by hand and nothing downloaded: the Chromium that the dev dependency
// `@sparticuz/chromium` ships inside its npm package (brotli-compressed, with the NSS libraries and a font it
// needs), unpacked once into `node_modules/.cache/`. Only libc and libgcc are taken from the machine.
// `HOOKCERT_CHROMIUM=/usr/bin/chromium` uses another browser instead.
import { spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches the shipped Chromium (or HOOKCERT_CHROMIUM's). A browser that cannot start is an error of one line
 * (`<who>: …`, no stack) that says what to do.
 */
export async function launchChromium(who = 'hookcert browser tests') {
  const given = process.env.HOOKCERT_CHROMIUM;
  const browser = given ? { executablePath: given, env: {} } : await shipped(who);
  try {
    return await chromium.launch({ executablePath: browser.executablePath, env: { ...process.env, ...browser.env }, args: ARGS });
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n').find((l) => l.trim()) ?? 'unknown error';
    throw unavailable(who, `the browser ${browser.executablePath} does not start (${first.trim()}): ${given ? 'check HOOKCERT_CHROMIUM' : 'run npm ci again, or set HOOKCERT_CHROMIUM to a Chromium (e.g. /usr/bin/chromium from apt-get install chromium)'}`);
  }
}

/** The shipped Chromium, unpacked (once, atomically: parallel runs never see half a binary). */
async function shipped(who) {
  const pkg = packageDir(who);
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
  const dir = join(root, 'node_modules', '.cache', `hookcert-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    await pipeline(createReadStream(join(pkg, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(join(tmp, 'chromium')));
    chmodSync(join(tmp, 'chromium'), 0o755);
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) untar(who, brotliDecompressSync(readFileSync(join(pkg, 'bin', archive))), tmp);
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
function packageDir(who) {
  let main;
  try {
    main = createRequire(join(root, 'package.json')).resolve('@sparticuz/chromium');
  } catch {
    throw unavailable(who, 'no browser: the dev dependency @sparticuz/chromium is not installed (run npm ci), or set HOOKCERT_CHROMIUM to a Chromium');
  }
  for (let d = dirname(main); d !== dirname(d); d = dirname(d)) if (existsSync(join(d, 'bin', 'chromium.br'))) return d;
  throw unavailable(who, `@sparticuz/chromium has no bin/chromium.br near ${main}: run npm ci again`);
}

function untar(who, tar, into) {
  const r = spawnSync('tar', ['-x', '-C', into], { input: tar });
  if (r.status !== 0) throw unavailable(who, `cannot unpack the shipped browser's files (tar: ${r.error?.message ?? r.stderr.toString().trim()})`);
}

/** An error that prints as its one line: vitest shows no stack for it. */
function unavailable(who, message) {
  const err = new Error(`${who}: ${message}`);
  err.stack = err.message;
  return err;
}
