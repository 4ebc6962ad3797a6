import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { columns } from '../src/cli/commands/list.js';
import { oneLine } from '../src/cli/main.js';
import { VERSION } from '../src/version.js';
import { cli } from './helpers.js';

// The CLI as a CI gate: every way a typo or a forgotten word could pass a pipeline is an exit 2 with one line.
const SECRET = 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0=';
const run = (...argv: string[]) => cli(['run', '--url', 'http://127.0.0.1:9/webhooks', ...argv], { HOOKCERT_SECRET: SECRET });

describe('the gate has no holes', () => {
  it('an unknown check id is exit 2 with "did you mean", before anything is sent', async () => {
    const out = await run('--check', 'MP-SIG-0022');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('hookcert: --check MP-SIG-0022: no such check or area in mplus (did you mean "MP-SIG-002"?); `hookcert list` lists them\n');
    expect(out.stdout).toBe('');
    expect(out.results).toBeUndefined();
  });

  it('an id of the other profile, a misspelt area and an empty list are exit 2 too', async () => {
    expect((await run('--check', 'KK-SIG-001')).stderr).toMatch(/^hookcert: --check KK-SIG-001: a kopokopo check.*add --profile kopokopo/);
    expect((await run('--check', 'securty')).stderr).toContain('(did you mean "security"?)');
    expect((await run('--check', ',')).code).toBe(2);
    expect((await run('--check', 'MP-XXX-999')).code).toBe(2);
  });

  it('ids are case-insensitive; areas and id prefixes select their checks', async () => {
    const demo = await cli(['demo', '--seed', '5', '--runs', '2', '--check', 'mp-sig-002,Mp-Sig-003']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.results!.checks.map((c) => c.id)).toEqual(['MP-SIG-002', 'MP-SIG-003']);
    expect(demo.results!.replay).toMatch(/ --check MP-SIG-002,MP-SIG-003$/); // the run's replay replays these two, not the suite
    const area = await cli(['demo', '--seed', '5', '--runs', '2', '--check', 'idempotency', '--check', 'MP-SUB-*']);
    expect(area.code, area.stderr).toBe(0);
    expect(area.results!.checks.map((c) => c.id)).toEqual(['MP-IDM-001', 'MP-IDM-002', 'MP-IDM-003', 'MP-SUB-001', 'MP-SUB-002']);
  });

  it('an unknown event names the flag that lists them', async () => {
    const out = await run('--events', 'scanCod');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('(did you mean "scanCode"?); `hookcert list --events-catalogue` lists them');
    const k2 = await cli(['run', '--profile', 'kopokopo', '--url', 'http://127.0.0.1:9/k2', '--events', 'customer_create'], { HOOKCERT_SECRET: 'k' });
    expect(k2.stderr).toContain('`hookcert list --events-catalogue --profile kopokopo` lists them');
  });

  it('a single-value flag given twice is exit 2; a list flag given twice joins its lists', async () => {
    const out = await run('--seed', '1', '--seed', '2');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^hookcert: option '--seed <n>' argument '2' is invalid\. given twice \("1", then "2"\): give it once\n$/);
    expect((await run('--url', 'http://127.0.0.1:8/webhooks')).stderr).toContain('given twice');
  });

  it('every command checks its values as the command line is parsed: a bad one is one line and exit 2, nothing run', async () => {
    const cases: Array<[string[], string]> = [
      [['demo', '--profile', 'mplsu'], 'hookcert: --profile must be one of mplus, kopokopo, standard-webhooks (got "mplsu") (did you mean "mplus"?)\n'],
      [['list', '--profile', 'kopokop'], 'hookcert: --profile must be one of mplus, kopokopo, standard-webhooks (got "kopokop") (did you mean "kopokopo"?)\n'],
      [['serve', '--port', '99999'], 'hookcert: --port takes a port number 0-65535 (got "99999")\n'],
      [['serve', '--secret-encoding', 'hex'], 'hookcert: --secret-encoding must be one of base64, utf8 (got "hex")\n'],
      [['demo', '--runs', '0'], 'hookcert: --runs must be between 1 and 1000000 (got 0)\n'],
    ];
    for (const [argv, stderr] of cases) {
      const out = await cli(argv);
      expect(out.code, argv.join(' ')).toBe(2);
      expect(out.stderr, argv.join(' ')).toBe(stderr);
      expect(out.stdout, argv.join(' ')).toBe('');
    }
    // --help lists the choices commander checks.
    expect((await cli(['run', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('(choices: "must", "should")');
  });

  it('HOOKCERT_SECRET is the value of --secret unless the flag is given: the flag then is not "given twice"', async () => {
    const out = await cli(['run', '--url', 'http://127.0.0.1:9/webhooks', '--secret', SECRET, '--seed', 'x'], { HOOKCERT_SECRET: 'another-secret' });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('hookcert: --seed takes a whole number (got "x")\n');
  });

  it('a bare `hookcert` prints the help and exits 2; `--help` exits 0', async () => {
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: hookcert [options] [command]');
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: hookcert');
  });

  it('exit-code help only where exit codes mean something', async () => {
    expect((await cli(['run', '--help'])).stdout).toContain('0 the gate passed, 1 it failed');
    expect((await cli(['replay', '--help'])).stdout).toContain('Exit codes: 0 every replayed check is fixed');
    expect((await cli(['list', '--help'])).stdout).not.toContain('Exit codes');
    expect((await cli(['list-mutants', '--help'])).stdout).not.toContain('Exit codes');
  });

  it('--max-run-time says the same default in --help as the README', async () => {
    const help = (await cli(['run', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(default 30m)');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(new URL('../README.md', import.meta.url), 'utf8')).toMatch(/\| `--max-run-time <duration>` \| 30m \|/);
  });
});

describe('one-line messages', () => {
  it('carry one hookcert: prefix, whatever the message started with', () => {
    expect(oneLine('hookcert: the secret is empty.')).toBe('hookcert: the secret is empty.\n');
    expect(oneLine("error: unknown option '--urll'\n(Did you mean --url?)")).toBe("hookcert: unknown option '--urll' (Did you mean --url?)\n");
    expect(oneLine('error: hookcert: x')).toBe('hookcert: x\n');
  });

  it('an empty secret is one line with one prefix', async () => {
    const out = await cli(['run', '--url', 'http://127.0.0.1:9/webhooks', '--secret', '   ']);
    expect(out.code).toBe(2);
    expect(out.stderr.match(/hookcert:/g)).toHaveLength(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('list and list-mutants', () => {
  it('list-mutants keeps its columns aligned, whatever the lengths', async () => {
    const out = await cli(['list-mutants']);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^MUTANT\s+FAILS\s+WHAT IS BROKEN$/);
    for (const column of ['FAILS', 'WHAT IS BROKEN']) {
      const start = lines[0].indexOf(column);
      for (const line of lines) expect(`${line[start - 1]}${line[start]}`, line).toMatch(/^ \S$/);
    }
    expect(columns([['a', 'bb', 'c'], ['aaa', 'b', 'cc']])).toBe('a    bb  c\naaa  b   cc\n');
  });

  it('`hookcert list | head` stops writing quietly when the reader is gone (EPIPE), never a stack trace', async () => {
    const { processIo } = await import('../src/cli/io.js');
    const stream = process.stdout as unknown as EventEmitter;
    const writes: string[] = [];
    const write = process.stdout.write;
    (process.stdout as unknown as { write: (t: string) => boolean }).write = (t: string) => (writes.push(t), true);
    try {
      processIo.stdout('before\n');
      stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      processIo.stdout('after\n');
    } finally {
      process.stdout.write = write;
    }
    expect(writes).toEqual(['before\n']);
  });
});

describe('the run says what it sends', () => {
  it('the header names the subscription id sent, and says when it is the default', async () => {
    const given = await cli(['demo', '--seed', '5', '--runs', '2', '--check', 'MP-SIG-001']);
    expect(given.stdout).toMatch(/· subscription id hookcert-demo · seed 5 · 24 events · 1 check\n/);
    const { headerLine } = await import('../src/cli/execute.js');
    const { resolveRun } = await import('../src/config/load.js');
    const { catalogues } = await import('../src/profiles.js');
    const r = resolveRun({ url: 'http://127.0.0.1:9/webhooks', seed: '1', events: 'scanCode', noDefaultConfig: true }, catalogues, { HOOKCERT_SECRET: SECRET });
    expect(headerLine(r, r.options)).toBe(`hookcert ${VERSION} · mplus · http://127.0.0.1:9/webhooks · subscription id hookcert (the default: --subscription-id sets yours) · seed 1 · 1 event`);
  });

  it('demo --mutant says which level it runs at', async () => {
    const out = await cli(['demo', '--mutant', 'no-signature-check', '--seed', '5', '--runs', '2', '--check', 'MP-SIG-001']);
    expect(out.stdout).toMatch(/serving the mutant no-signature-check at http:\S+ · level should: SHOULD checks decide the verdict too, so every mutant shows in the exit code/);
    const ref = await cli(['demo', '--seed', '5', '--runs', '2', '--check', 'MP-SIG-001']);
    expect(ref.stdout).toMatch(/serving the reference receiver at http:\S+ · level must: SHOULD checks warn/);
  });
});

describe('replay commands', () => {
  it('name only what differs from the defaults', async () => {
    const { replayWords } = await import('../src/cli/commands/run.js');
    const words = replayWords(['run'], { url: 'http://x/webhooks', profile: 'mplus', secretEncoding: 'base64', runs: '25', level: 'must', concurrency: '16', grace: '2000', subscriptionId: 'acme' });
    expect(words.join(' ')).toBe('npx hookcert run --url http://x/webhooks --subscription-id acme');
    const k2 = replayWords(['run'], { url: 'http://x/k2', profile: 'kopokopo', secretEncoding: 'utf8', runs: '3', level: 'should' });
    expect(k2.join(' ')).toBe('npx hookcert run --url http://x/k2 --profile kopokopo --runs 3 --level should');
    expect(replayWords(['run'], { url: 'u', runs: '25', quick: true }).join(' ')).toBe('npx hookcert run --url u --runs 25 --quick');
  });
});
