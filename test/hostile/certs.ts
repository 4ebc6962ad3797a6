import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files made for one test run: paths and texts. */
export interface TestCerts {
  dir: string;
  /** A private CA, and the paths of its certificate. */
  caCert: string;
  /** Server keys and certificates (PEM text) by case. */
  servers: Record<'good' | 'expired' | 'wrongHost' | 'selfSigned', { key: string; cert: string; certPath: string }>;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/**
 * Makes certificates with the `openssl` CLI at test time (nothing is checked in, nothing expires in the
 * repository): a private CA; a server certificate for 127.0.0.1 it signed; one that expired (`-days -1`);
 * one made out to another host name; and a self-signed one for 127.0.0.1.
 */
export function makeCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-certs-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=hookcert test CA']);
  openssl(dir, ['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'loopback.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  writeFileSync(join(dir, 'other.ext'), 'subjectAltName=DNS:other.example\n');
  const sign = (out: string, days: string, ext: string) =>
    openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', out, '-days', days, '-extfile', ext]);
  sign('good.pem', '2', 'loopback.ext');
  sign('expired.pem', '-1', 'loopback.ext');
  sign('wrong-host.pem', '2', 'other.ext');
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const server = (key: string, cert: string) => ({ key: read(key), cert: read(cert), certPath: join(dir, cert) });
  return {
    dir,
    caCert: join(dir, 'ca.pem'),
    servers: {
      good: server('server.key', 'good.pem'),
      expired: server('server.key', 'expired.pem'),
      wrongHost: server('server.key', 'wrong-host.pem'),
      selfSigned: server('self.key', 'self.pem'),
    },
  };
}
