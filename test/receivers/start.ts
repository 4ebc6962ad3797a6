import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** How the tests start an alternative receiver: its secret and the subscription id it expects. */
export interface ReceiverSetup {
  /** mplus: the Secret Key as base64 (the receiver decodes it); kopokopo: the API key, used as text. */
  secret: string;
  subscriptionId: string;
}

/** A receiver listening on 127.0.0.1. */
export interface Running {
  /** The URL hookcert is given (`--url`). */
  url: string;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Starts `python3 test/receivers/<file>` with the setup in its environment (`RECEIVER_SECRET`,
 * `RECEIVER_SUBSCRIPTION_ID`) and `args`; the receiver binds port 0 and prints its URL as its first line.
 */
export function startPython(file: string, setup: ReceiverSetup, args: string[] = []): Promise<Running> {
  const child = spawn('python3', ['-u', join(here, file), ...args], {
    env: { PATH: process.env.PATH, RECEIVER_SECRET: setup.secret, RECEIVER_SUBSCRIPTION_ID: setup.subscriptionId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => void (stderr = (stderr + t).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => fail(new Error(`${file} printed no URL within 10 s`)), 10_000);
    const fail = (err: Error) => {
      if (started) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${stderr}`));
    };
    child.once('exit', (code) => fail(new Error(`${file} exited with ${code} before printing its URL`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      started = true;
      resolve({
        url: line.trim(),
        async close() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
