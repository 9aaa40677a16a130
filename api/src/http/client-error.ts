// What Node's HTTP parser refuses before any route sees a request (a request line or header it
// cannot parse, headers above its limit, a client too slow to send its request) answered as
// problem+json like every other error, instead of Node's bodiless 400, 431 and 408. There is no
// request object at that point, so the answer is written to the socket directly, and the
// connection is closed: the parser cannot find where the next request would start.
import type { Socket } from 'node:net';
import type { Server } from 'node:http';
import { HttpError, problemResponseBytes, toProblem } from './problems.ts';
import { nextRequestId } from './request-log.ts';

interface ClientError extends Error {
  code?: string;
}

/** Node's default limit on the size of all request headers (--max-http-header-size). */
const HEADER_LIMIT_KIB = 16;

/** Answers the server's client errors with problems, and logs one line for each. */
export function answerClientErrors(server: Server, log: (line: string) => void, requestTimeoutMs: number): void {
  server.on('clientError', (error: ClientError, socket: Socket) => {
    // A connection reset by the client has nobody left to answer.
    const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    const requestId = nextRequestId();
    const problem = toProblem(clientProblem(error, requestTimeoutMs), '', requestId);
    const body = problemResponseBytes(problem.problem);
    const status = problem.problem.status;
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\ncontent-type: application/problem+json\r\ncontent-length: ${body.length}\r\n` +
        `x-request-id: ${requestId}\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n`,
    );
    socket.end(body);
    log(`- - ${status} 0.0ms ${requestId}`);
  });
}

function clientProblem(error: ClientError, requestTimeoutMs: number): HttpError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new HttpError('request.header_too_large', `the request headers are larger than ${HEADER_LIMIT_KIB} KiB, the most this server accepts`);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpError('request.timeout', `the request did not arrive within ${requestTimeoutMs / 1000} s`);
    default:
      return new HttpError('request.malformed', 'the request is not valid HTTP/1.1');
  }
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
