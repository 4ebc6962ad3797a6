import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCerts, type TestCerts } from './certs.js';
import { ensureBuilt, hookcert, type ChildRun } from './child.js';
import { expectCase, nameOf, runCases, zooConfig, type ZooCase } from './cases.js';
import { ok, startZoo, ZOO_SECRET, type Zoo } from './zoo.js';

// A loopback TLS server with certificates made by openssl at test time: refused with a message that says
// what to do, unless --ca or --insecure; and the two ways of getting the scheme wrong.
let certs: TestCerts;
const zoos: Record<string, Zoo> = {};
let outs: Map<string, ChildRun>;

const passes = (name: string, server: string, args: () => string[]): ZooCase & { server: string } => ({
  name,
  server,
  behaviour: 'ok',
  args: [],
  code: 0,
  verdict: 'conformant',
  check: { id: 'MP-SIG-001', status: 'pass' },
  says: /^pass/,
  budgetMs: 0,
  ...{ lazyArgs: args },
});
const refused = (name: string, server: string, says: RegExp, args: () => string[] = () => []): ZooCase & { server: string } => ({
  name,
  server,
  behaviour: 'ok',
  code: 3,
  verdict: 'incomplete',
  says,
  budgetMs: 0,
  ...{ lazyArgs: args },
});

const cases: Array<ZooCase & { server: string; lazyArgs?: () => string[] }> = [
  refused('self-signed, no flag', 'selfSigned', /^cannot reach https:\/\/127\.0\.0\.1:\d+\/ok\/startSession: TLS: the endpoint's certificate is self-signed: pass --ca <that certificate, PEM> to trust it, or --insecure while developing \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/),
  passes('self-signed with --ca', 'selfSigned', () => ['--ca', certs.servers.selfSigned.certPath]),
  passes('self-signed with --insecure', 'selfSigned', () => ['--insecure']),
  refused('a private CA, no flag', 'good', /TLS: the endpoint's certificate is signed by a CA hookcert does not know: pass --ca <the CA certificate, PEM>/),
  passes('a private CA with --ca', 'good', () => ['--ca', certs.caCert]),
  refused('expired', 'expired', /TLS: the endpoint's certificate has expired: renew it .*\(CERT_HAS_EXPIRED\)/, () => ['--ca', certs.caCert]),
  refused('wrong host name', 'wrongHost', /TLS: the certificate is not made out to this host name: .*\(ERR_TLS_CERT_ALTNAME_INVALID\)/, () => ['--ca', certs.caCert]),
  { ...refused('https:// to a plain HTTP endpoint', 'plain', /TLS: the server at that address does not speak TLS: is the URL http:\/\/ rather than https:\/\/\?/), url: (z) => z.url('ok').replace('http:', 'https:') },
  { ...refused('http:// to a TLS endpoint', 'good', /^cannot reach http:\/\/127\.0\.0\.1:\d+\/ok\/startSession: the endpoint speaks TLS at that address \(reset to plain HTTP\): use https:\/\/$/), url: (z) => z.url('ok').replace('https:', 'http:') },
];

beforeAll(async () => {
  ensureBuilt();
  certs = makeCerts();
  for (const name of ['good', 'expired', 'wrongHost', 'selfSigned'] as const) zoos[name] = await startZoo({ ok }, certs.servers[name]);
  zoos.plain = await startZoo({ ok });
  for (const c of cases) c.args = c.lazyArgs?.() ?? [];
  outs = await runCases((c) => zoos[(c as (typeof cases)[number]).server], cases);
}, 300_000);
afterAll(async () => {
  for (const z of Object.values(zoos)) await z.close();
});

describe('TLS', () => {
  it.each(cases.map((c) => [nameOf(c), c] as const))('%s', (name, c) => {
    expectCase(c, outs.get(name)!);
  });

  it('refuses a --ca file that holds no certificate: exit 2, one line, nothing written', async () => {
    const notPem = join(certs.dir, 'not-a-cert.txt');
    writeFileSync(notPem, 'hello');
    const out = await hookcert(['run', '--url', zoos.good.url('ok'), '--config', zooConfig(), '--ca', notPem], { env: { HOOKCERT_SECRET: ZOO_SECRET } });
    expect(out.code).toBe(2);
    expect(out.stderr.replace(/hookcert: peak RSS.*\n/, '')).toMatch(/^hookcert: --ca: .*not-a-cert\.txt holds no PEM certificate \(-----BEGIN CERTIFICATE-----\): give the CA or server certificate in PEM form\n$/);
    expect(out.files).toEqual({});
  });
});
