// One log line per request: method, path (never the query string, which can carry search words),
// status, milliseconds and the request id. Bodies are never logged: they hold personal data. The
// path is logged as sent, percent-encoded (log-line.ts), so no request can add a line to the log.
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { loggedPath } from './log-line.ts';
import { requestHeader } from './node-request.ts';

const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;

// A random prefix per process and a counter: unique across restarts and worker processes without
// drawing random bytes for every request.
const ID_PREFIX = randomBytes(4).toString('hex');
let requestCount = 0;
export function nextRequestId(): string {
  requestCount++;
  return `${ID_PREFIX}-${requestCount.toString(36)}`;
}

export function requestLog(log: (line: string) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    // A proxy's id is kept so one request can be followed through both logs.
    const incoming = requestHeader(c, 'x-request-id');
    const requestId = incoming !== undefined && INCOMING_ID.test(incoming) ? incoming : nextRequestId();
    c.set('requestId', requestId);
    // Set before the handler, so it travels in the response the handler builds; setting it after
    // would make Hono copy that response (a 70 KB ranking) to add one header.
    c.header('x-request-id', requestId);
    await next();
    if (!c.res.headers.has('x-request-id')) c.header('x-request-id', requestId);
    log(`${c.req.method} ${loggedPath(c)} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms ${requestId}`);
  };
}
