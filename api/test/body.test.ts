import { describe, expect, it } from 'vitest';
import { nestsDeeperThan, parseJson } from '../src/http/body.ts';

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
