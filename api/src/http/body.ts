// Reading request bodies: the content type is checked, the size is capped while reading (a
// Content-Length above the limit is refused before reading anything), the bytes must be UTF-8, and
// JSON is checked for nesting depth before JSON.parse so a body of brackets costs no more than
// its length. Every refusal is a 4xx problem; nothing here can end in a 500.
import type { MiddlewareHandler } from 'hono';
import { BridgeworkError, findLoneSurrogate } from '@bridgework/core';
import type { AppEnv } from './app-env.ts';
import { bodyChunks, requestHeader } from './node-request.ts';
import { HttpError } from './problems.ts';

export type BodyKind = 'json' | 'csv';

/** No request schema nests deeper than this; a body that does is malformed, not merely invalid. */
export const MAX_JSON_DEPTH = 32;

const MEDIA_TYPES: Record<BodyKind, (type: string) => boolean> = {
  // application/json and structured-syntax types such as application/merge-patch+json.
  json: (type) => type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type),
  csv: (type) => type === 'text/csv',
};
const EXAMPLE: Record<BodyKind, string> = { json: 'application/json', csv: 'text/csv' };

export function readBody(accepts: readonly BodyKind[], limit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const kind = bodyKind(requestHeader(c, 'content-type'), accepts);
    const declared = requestHeader(c, 'content-length');
    if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
    const bytes = await readLimited(bodyChunks(c), limit);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new HttpError('request.malformed', 'the body is not valid UTF-8');
    }
    c.set('body', kind === 'json' ? { kind, value: parseJson(text) } : { kind, text });
    return next();
  };
}

function bodyKind(contentType: string | undefined, accepts: readonly BodyKind[]): BodyKind {
  const wanted = accepts.map((k) => EXAMPLE[k]).join(' or ');
  if (contentType === undefined || contentType.trim() === '') {
    throw new HttpError('request.unsupported_media_type', `send the body with Content-Type: ${wanted}`);
  }
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError('request.unsupported_media_type', `charset ${charset} is not supported; send UTF-8`);
  }
  const kind = accepts.find((k) => MEDIA_TYPES[k](type));
  if (kind === undefined) throw new HttpError('request.unsupported_media_type', `Content-Type ${type} is not accepted here; send ${wanted}`);
  return kind;
}

/** The body, refused with 413 (`request.too_large`) as soon as more than `limit` bytes arrive. */
export async function readLimited(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (source === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early (413) ends the iteration: a web stream is cancelled, a Node stream
  // destroyed, so the rest of the body is never buffered.
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client went away mid-body (reset, aborted): its mistake or its network's, not a fault
    // of ours to log with a stack; nobody is left to read the answer anyway.
    throw new HttpError('request.malformed', 'the body ended before it was complete');
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

function tooLarge(limit: number): HttpError {
  // The rest of the body is never read, so the connection cannot carry another request: say so,
  // or a keep-alive client would send its next request into a closing socket.
  return new HttpError('request.too_large', `the body is larger than ${formatBytes(limit)}, the most this server accepts`, [], {
    connection: 'close',
  });
}

function formatBytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new HttpError('request.malformed', 'the body is empty; send a JSON object');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new HttpError('request.malformed', `the JSON nests deeper than ${MAX_JSON_DEPTH} levels, the most any request needs`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError('request.malformed', `the body is not valid JSON: ${(error as Error).message}`);
  }
  // The bytes are UTF-8, but a \uD800 escape still makes a lone surrogate, which no store can
  // keep as written (SQLite writes U+FFFD in its place, PostgreSQL refuses it). Only bodies that
  // spell a surrogate escape are walked.
  if (SURROGATE_ESCAPE.test(text)) {
    const lone = findLoneSurrogate(value, ['body']);
    if (lone) {
      const where = lone.path.join('.');
      const message = `${lone.inKey ? 'a field name is' : 'is'} not Unicode text: it holds a lone surrogate (\\u${lone.unit.toString(16)})`;
      throw new BridgeworkError('request.invalid', `${where}: ${message}`, [{ where, message }]);
    }
  }
  return value;
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Whether arrays/objects nest deeper than `max`, skipping strings. O(length), stops at the first too deep. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // a backslash escapes the next character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}
