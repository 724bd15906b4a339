import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does to a matching request: `lose-response` forwards it, lets WordPress
 * apply it, then cuts the connection before the answer reaches the client; `hold-response`
 * forwards it, lets WordPress apply it and keeps the answer back (so a test can kill the
 * client between WordPress's answer and the client's bookkeeping); `status-503` answers 503
 * itself; `hang` never answers.
 */
export type Fault = 'lose-response' | 'hold-response' | 'status-503' | 'hang';

export interface FaultRule {
  fault: Fault;
  method?: string;
  /** A substring of the request path. */
  path?: string;
  /** How many requests it applies to; default 1. */
  times?: number;
}

/**
 * A tiny HTTP proxy in front of a real WordPress that injects faults: the test stands in for
 * a network that loses answers, a gateway that answers 503, a server that hangs.
 */
export class FaultProxy {
  readonly #target: URL;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #rules: (FaultRule & { left: number })[] = [];
  /** Requests that met a fault, as `METHOD path`. */
  readonly faulted: string[] = [];
  #applied: (() => void)[] = [];
  url = '';

  constructor(target: string) {
    this.#target = new URL(target);
    this.#server = createServer((req, res) => this.#handle(req, res));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves once WordPress has answered a request whose answer is held back. */
  held(): Promise<void> {
    return new Promise((resolve) => this.#applied.push(resolve));
  }

  /** Adds a fault for the next matching requests. */
  inject(rule: FaultRule): void {
    this.#rules.push({ ...rule, left: rule.times ?? 1 });
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #take(req: IncomingMessage): Fault | undefined {
    const rule = this.#rules.find(
      (r) =>
        r.left > 0 &&
        (r.method === undefined || r.method === req.method) &&
        (r.path === undefined || (req.url ?? '').includes(r.path)),
    );
    if (!rule) return undefined;
    rule.left -= 1;
    this.faulted.push(`${req.method} ${req.url}`);
    return rule.fault;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const fault = this.#take(req);
    if (fault === 'hang') return;
    if (fault === 'status-503') {
      req.resume();
      req.on('end', () => {
        res.writeHead(503, { 'Content-Type': 'text/html' });
        res.end('<html><body><h1>503 Service Unavailable</h1></body></html>');
      });
      return;
    }
    const upstream = httpRequest(
      {
        host: this.#target.hostname,
        port: this.#target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.#target.host },
      },
      (answer) => {
        if (fault === 'hold-response') {
          answer.resume();
          answer.on('end', () => {
            for (const done of this.#applied.splice(0)) done();
          });
          return;
        }
        if (fault === 'lose-response') {
          // WordPress has applied the request; read its whole answer, then drop it.
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  }
}
