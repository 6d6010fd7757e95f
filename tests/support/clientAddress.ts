/**
 * Requests to a listening app from a chosen source address, so one test can play several clients:
 * on Linux the whole of 127.0.0.0/8 is loopback, so a socket bound to 127.0.0.2 reaches a server on
 * 127.0.0.1 and the server sees 127.0.0.2 as the client's address (req.ip).
 */
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface Listening {
  base: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on a free port. */
export async function listen(app: { listen(port: number, host: string): Server }): Promise<Listening> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One request from `from` (a 127.x.y.z address, default 127.0.0.1); the body as JSON when it parses, else as text. */
export function send(
  base: string,
  method: string,
  path: string,
  options: { from?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
        headers: {
          ...options.headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
