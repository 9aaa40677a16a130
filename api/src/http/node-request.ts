// Reading a request without building its web-standard copy. Under @hono/node-server the context
// carries Node's IncomingMessage (c.env.incoming); reading headers and the body from it skips
// the undici Request, Headers and ReadableStream that c.req.raw would build for every request,
// which cost more than ranking a small profile. Elsewhere (app.request in tests, other
// runtimes) the web-standard request is read as before.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

function incomingOf(c: Context<AppEnv>): IncomingMessage | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming;
}

/** A request header by lower-case name, or undefined. */
export function requestHeader(c: Context<AppEnv>, name: string): string | undefined {
  const incoming = incomingOf(c);
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The body's chunks, from Node's stream when there is one. */
export function bodyChunks(c: Context<AppEnv>): AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null {
  return incomingOf(c) ?? c.req.raw.body;
}
