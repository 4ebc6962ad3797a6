import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the endpoint made to a `callbackUrl`. */
export interface CallbackCall {
  method: string;
  path: string;
  body: string;
}

/**
 * The POS's side of `externalPayment.callbackUrl` ("If this URL is provided, please call it when you have the
 * final status of the external payment"): a tiny HTTP server on 127.0.0.1 that answers 200 to anything and
 * remembers who called, one path per external payment.
 */
export class CallbackServer {
  private readonly calls: CallbackCall[] = [];
  private readonly waiters: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly base: string,
  ) {}

  /**
   * Starts listening on `port` (0: a free one) of `host`; `publicBase` is the base URL the endpoint is given
   * (default `http://127.0.0.1:<port>`). Rejects when the port cannot be had.
   */
  static async start(opts: { port?: number; host?: string; publicBase?: string } = {}): Promise<CallbackServer> {
    let self: CallbackServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        if (chunks.reduce((n, b) => n + b.length, 0) < 64 * 1024) chunks.push(c);
      });
      req.on('end', () => {
        self?.note({ method: req.method ?? 'GET', path: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    self = new CallbackServer(server, port, (opts.publicBase ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''));
    return self;
  }

  /** The callbackUrl to give for `externalPaymentId`. */
  url(externalPaymentId: string): string {
    return `${this.base}/hookcert/callback/${externalPaymentId}`;
  }

  /** The calls made for `externalPaymentId` so far. */
  callsFor(externalPaymentId: string): CallbackCall[] {
    return this.calls.filter((c) => c.path.includes(`/hookcert/callback/${externalPaymentId}`));
  }

  /** Waits until `externalPaymentId` was called, at most `ms` milliseconds; true when it was. */
  async waitFor(externalPaymentId: string, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.callsFor(externalPaymentId).length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private note(call: CallbackCall): void {
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();
  }
}
