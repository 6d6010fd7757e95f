/**
 * The HTTP server around the Express app. Node's own parser answers some requests before Express sees
 * them (headers too large, a malformed request line, a request that never finishes); by default it
 * writes a bare status line and closes, which a client reading our JSON errors cannot understand. Here
 * every such answer is the API's usual `{"error":{"code","message"}}`, and the limits are ours:
 *
 * - `maxHeaderSize` is raised to 128 KiB so that a long URL (whose request line counts as header bytes)
 *   reaches Express, where middleware/requestLimits.ts answers 414 URI_TOO_LONG; beyond that, 431.
 * - `headersTimeout` 20 s, `requestTimeout` 5 min: a client that trickles its headers or body is
 *   answered 408 and dropped instead of holding a socket for ever.
 *
 * Node docs: https://nodejs.org/api/http.html#event-clienterror (the 'clientError' pattern) and
 * https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener (the options).
 */
import { createServer, type RequestListener, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../contract/api.ts';

/** Longest request head (request line + headers) Node parses: a 100 kB URL fits, so Express can answer 414. */
export const MAX_HEADER_BYTES = 128 * 1024;
/** Time a client has to send its headers. */
export const HEADERS_TIMEOUT_MS = 20_000;
/** Time a client has to send its whole request, body included (a 50 MB import on a slow link fits). */
export const REQUEST_TIMEOUT_MS = 5 * 60_000;

export interface ServeOptions {
  port: number;
  host: string;
}

/**
 * Listens with `app` on `host:port` and resolves with the listening server; rejects when it cannot
 * listen (the port is taken, the address does not exist).
 */
export function serve(app: RequestListener, { port, host }: ServeOptions): Promise<Server> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', answerClientError);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** What Node's parser rejected, as our status and code. */
function describe(error: NodeJS.ErrnoException): { status: number; code: string; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'HEADERS_TOO_LARGE',
        message: `The request line and headers together exceed ${MAX_HEADER_BYTES / 1024} KiB`,
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'REQUEST_TIMEOUT', message: 'The request was not received in time' };
    default:
      return { status: 400, code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP/1.1' };
  }
}

/**
 * Answers what the parser rejected with a JSON error and closes the connection. Like Node's default
 * handler (lib/_http_server.js socketOnError), it writes nothing when the socket is gone or a response
 * on it has already begun, which would corrupt what the client reads.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, code, message } = describe(error);
  const body: ErrorBody = { error: { code, message } };
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n` +
      'Connection: close\r\n\r\n' +
      json,
  );
}
