/**
 * HTTP as hostile clients send it, for the tests of the HTTP edge: any method with any body and any
 * headers (fetch refuses a body on GET, supertest rewrites it), and raw bytes on a socket for requests
 * Node's parser rejects before Express sees them.
 */
import { type IncomingHttpHeaders, request } from 'node:http';
import { connect } from 'node:net';

/** The API's error body (contract/api.ts errorBody), loosely. */
export interface ErrorJson {
  error: { code: string; message: string; details?: { path: string; message: string }[]; detailsTruncated?: boolean };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON; throws when it is not JSON. */
  json(): ErrorJson;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is; a Content-Length is added unless `headers` sets Transfer-Encoding. */
  body?: string | Buffer;
}

/** One request to `baseUrl` (http://host:port) on a fresh connection; resolves with the whole answer. */
export function httpRequest(
  baseUrl: string,
  { method = 'GET', path, headers = {}, body }: RawRequest,
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const chunked = Object.keys(headers).some((h) => h.toLowerCase() === 'transfer-encoding');
  const allHeaders = {
    ...headers,
    ...(body !== undefined && !chunked ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: allHeaders, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes `bytes` on a new connection and resolves with everything the server sends until it closes. */
export function rawExchange(baseUrl: string, bytes: string | Buffer): Promise<string> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** An HTTP/1.1 answer read off a socket: its status and its JSON body. */
export function parseRawAnswer(answer: string): { status: number; body: ErrorJson } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
  const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  return { status, body };
}
