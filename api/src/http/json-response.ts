// JSON responses as UTF-8 bytes. c.json() hands the server a string, which @hono/node-server
// measures (Buffer.byteLength) and then encodes again as it writes; on a 50 KB ranking each pass
// costs about as much as ranking. Encoding once gives the length and the bytes together.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.ts';

export function jsonResponse(c: Context<AppEnv>, value: unknown, status: ContentfulStatusCode = 200): Response {
  return jsonBytesResponse(c, Buffer.from(JSON.stringify(value), 'utf8'), status);
}

/** JSON already encoded (ranking-json.ts). */
export function jsonBytesResponse(c: Context<AppEnv>, bytes: Buffer, status: ContentfulStatusCode = 200): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, status, { 'content-type': 'application/json' });
}
