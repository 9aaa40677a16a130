// The app without a socket (app.request): faults of the server are 500 problems that reveal
// nothing and are logged with the request id; auth compares keys by hash.
import { describe, expect, it } from 'vitest';
import { BridgeworkError } from '@bridgework/core';
import type { BridgeworkStore } from '@bridgework/store';
import { createApp } from '../src/app.ts';
import { loadConfig, parseApiKeys } from '../src/config.ts';
import { roleOfKey } from '../src/http/auth.ts';
import { PROBLEM_TYPES, toProblem } from '../src/http/problems.ts';

/** A store whose every method fails with `error`. */
function failingStore(error: Error): BridgeworkStore {
  return new Proxy({} as BridgeworkStore, { get: () => async () => Promise.reject(error) });
}

function appOver(store: BridgeworkStore) {
  const logs: string[] = [];
  const app = createApp({ store, config: { ...loadConfig({ BRIDGEWORK_DEFAULT_FRAMEWORK: 'none' }), log: (l) => logs.push(l) } });
  return { app, logs };
}

describe('server faults', () => {
  it('answers an unexpected error with a 500 internal problem that reveals nothing, and logs its stack with the request id', async () => {
    const { app, logs } = appOver(failingStore(new Error('disk on fire at /var/secret')));
    const response = await app.request('/v1/frameworks/x/occupations?q=private', { headers: { 'x-request-id': 'fault-1' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      type: '/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'Internal error: the server logged it as request fault-1; quote that id when reporting it.',
      instance: '/v1/frameworks/x/occupations',
      code: 'internal',
      requestId: 'fault-1',
      errors: [],
    });
    expect(logs[0]).toMatch(/^ERROR fault-1 GET \/v1\/frameworks\/x\/occupations: Error: disk on fire at \/var\/secret\\n    at /);
    // The stack is one line: a log reader never sees a line that is not a request or an error.
    expect(logs[0]).not.toContain('\n');
    expect(logs[1]).toMatch(/^GET \/v1\/frameworks\/x\/occupations 500 [\d.]+ms fault-1$/);
    expect(logs.join('\n')).not.toContain('private');
  });

  it('answers a store failure with 500 store.failed, without its message', async () => {
    const { app } = appOver(failingStore(new BridgeworkError('store.failed', 'reading framework "x" failed: SQLITE_CORRUPT')));
    const response = await app.request('/v1/frameworks');
    const body = (await response.json()) as { code: string; detail: string };
    expect([response.status, body.code]).toEqual([500, 'store.failed']);
    expect(body.detail).not.toContain('SQLITE');
  });
});

describe('problem types', () => {
  it('maps every code to a 4xx or 5xx status with a title and a description', () => {
    for (const [code, type] of Object.entries(PROBLEM_TYPES)) {
      expect(type.status, code).toBeGreaterThanOrEqual(400);
      expect(type.title.length, code).toBeGreaterThan(0);
      expect(type.description.length, code).toBeGreaterThan(0);
    }
  });

  it('passes a domain error through with its message and details', () => {
    const error = new BridgeworkError('occupation.ambiguous', '"nurse" matches several occupations', [{ where: 'rn', message: 'Registered nurse' }]);
    expect(toProblem(error, '/v1/rank', 'r1')).toEqual({
      problem: {
        type: '/problems/occupation.ambiguous',
        title: 'Ambiguous occupation',
        status: 422,
        detail: '"nurse" matches several occupations',
        instance: '/v1/rank',
        code: 'occupation.ambiguous',
        requestId: 'r1',
        errors: [{ path: 'rn', message: 'Registered nurse' }],
      },
      headers: {},
      fault: false,
    });
  });
});

describe('roleOfKey', () => {
  it('finds the role of a configured key and nothing for any other', () => {
    const keys = parseApiKeys('admin:admin-key-1,counsellor:counsellor-key-1,counsellor:counsellor-key-2');
    expect(['admin-key-1', 'counsellor-key-2', 'admin-key-', 'admin-key-11', ''].map((k) => roleOfKey(keys, k))).toEqual([
      'admin',
      'counsellor',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
