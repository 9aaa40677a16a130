import { describe, expect, it } from 'vitest';
import { nestsDeeperThan, parseJson, readLimited } from '../src/http/body.ts';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(nestsDeeperThan('["[[[[[[", "\\"[[[[["]', 1)).toBe(false);
  });

  it('stops at the first level too deep, whatever follows', () => {
    expect(nestsDeeperThan('['.repeat(1_000_000), 32)).toBe(true);
  });
});

describe('parseJson', () => {
  it('parses JSON and refuses empty, too deep and broken bodies as request.malformed', () => {
    expect(parseJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(() => parseJson('  ')).toThrow('the body is empty; send a JSON object');
    expect(() => parseJson('['.repeat(33) + ']'.repeat(33))).toThrow('the JSON nests deeper than 32 levels, the most any request needs');
    expect(() => parseJson('{"a":')).toThrow(expect.objectContaining({ code: 'request.malformed' }));
  });
});

describe('readLimited', () => {
  async function* chunks(sizes: number[], failAfter = Infinity): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < sizes.length; i++) {
      if (i >= failAfter) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      yield new Uint8Array(sizes[i]!).fill(0x20);
    }
  }

  it('joins the chunks of a body within the limit', async () => {
    expect((await readLimited(chunks([3, 4]), 10)).byteLength).toBe(7);
    expect((await readLimited(null, 10)).byteLength).toBe(0);
  });

  it('refuses a body past the limit with request.too_large', async () => {
    await expect(readLimited(chunks([6, 6]), 10)).rejects.toThrow(
      expect.objectContaining({ code: 'request.too_large', message: 'the body is larger than 10 bytes, the most this server accepts' }),
    );
  });

  it('reports a body cut off mid-way as request.malformed, not as a fault', async () => {
    await expect(readLimited(chunks([3, 3, 3], 1), 10)).rejects.toThrow(
      expect.objectContaining({ code: 'request.malformed', message: 'the body ended before it was complete' }),
    );
  });
});

