// Log fields cannot end a line or a field, whatever a request or an error holds.
import { describe, expect, it } from 'vitest';
import { escapeField, escapeText, faultLine } from '../src/http/log-line.ts';

describe('escapeField', () => {
  it('keeps printable ASCII and percent-encodes controls, spaces, DEL and other characters', () => {
    expect(escapeField('/v1/frameworks/esco')).toBe('/v1/frameworks/esco');
    expect(escapeField('/x\nDELETE /v1 204\r\x1b[31m\x7f')).toBe('/x%0ADELETE%20/v1%20204%0D%1B[31m%7F');
    expect(escapeField('/caf\u00e9/\u202e/🙂/\ud800')).toBe('/caf%E9/%E2%80%AE/%F0%9F%99%82/%EF%BF%BD');
  });

  it('cuts a field at its limit', () => {
    expect(escapeField('/'.padEnd(500, 'a'), 300)).toHaveLength(300);
  });
});

describe('escapeText', () => {
  it('writes line breaks, controls and bidi overrides as escapes', () => {
    expect(escapeText('Error: x\n    at f (a.ts:1:2)\r\t\x1b\u202e\\')).toBe('Error: x\\n    at f (a.ts:1:2)\\r\\t\\x1b\\u202e\\\\');
  });
});

describe('faultLine', () => {
  it('is one line, whatever the stack holds', () => {
    const error = new Error('boom\nforged line');
    const line = faultLine('req-1', 'GET', '/v1/rank', error);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^ERROR req-1 GET \/v1\/rank: Error: boom\\nforged line\\n    at /);
  });
});
