import { describe, expect, it } from 'vitest';
import { parseFramework, type FrameworkData } from '@bridgework/core';
import { IndexCache } from '../src/index-cache.ts';

function counting(fail = new Set<string>()) {
  const loads: string[] = [];
  const load = async (id: string, version: string): Promise<FrameworkData> => {
    loads.push(`${id}@${version}`);
    if (fail.has(`${id}@${version}`)) throw new Error('cannot load');
    return parseFramework({
      framework: { id, version, name: 'Cache test', source: { kind: 'native', publisher: 'tests' }, licence: { name: 'CC0-1.0', attribution: 'tests' }, locales: ['en'] },
      occupations: [{ id: 'a', title: { en: 'A' } }],
      competencies: [{ id: 'c', label: { en: 'C' }, kind: 'skill' }],
      requirements: [{ occupation: 'a', competency: 'c', importance: 1, level: 0.5 }],
    });
  };
  return { loads, load };
}

const T = '2025-01-01T00:00:00.000Z';

describe('IndexCache', () => {
  it('compiles a version once, even for concurrent first requests', async () => {
    const { loads, load } = counting();
    const cache = new IndexCache(load);
    const [a, b] = await Promise.all([cache.get('x', '1', T), cache.get('x', '1', T)]);
    expect(a).toBe(b);
    expect(loads).toEqual(['x@1']);
    expect(a.index.data.framework.version).toBe('1');
  });

  it('drops the least recently used version beyond its capacity', async () => {
    const { loads, load } = counting();
    const cache = new IndexCache(load, 2);
    await cache.get('x', '1', T);
    await cache.get('x', '2', T);
    await cache.get('x', '1', T);
    await cache.get('x', '3', T);
    expect([cache.has('x', '1'), cache.has('x', '2'), cache.has('x', '3')]).toEqual([true, false, true]);
    expect(loads).toEqual(['x@1', 'x@2', 'x@3']);
  });

  it('forgets an evicted version and a failed load, so the next request loads again', async () => {
    const { loads, load } = counting(new Set(['bad@1']));
    const cache = new IndexCache(load);
    await cache.get('x', '1', T);
    cache.evict('x', '1');
    await cache.get('x', '1', T);
    await expect(cache.get('bad', '1', T)).rejects.toThrow('cannot load');
    expect(cache.has('bad', '1')).toBe(false);
    expect(loads).toEqual(['x@1', 'x@1', 'bad@1']);
  });

  it('compiles a replaced version again, and drops the content it replaced', async () => {
    const { loads, load } = counting();
    const cache = new IndexCache(load);
    const before = await cache.get('x', '1', '2025-01-01T00:00:00.000Z');
    const after = await cache.get('x', '1', '2025-01-01T00:00:00.001Z');
    expect(after).not.toBe(before);
    expect(loads).toEqual(['x@1', 'x@1']);
    expect([cache.has('x', '1', '2025-01-01T00:00:00.000Z'), cache.has('x', '1', '2025-01-01T00:00:00.001Z'), cache.size]).toEqual([false, true, 1]);
  });

  it('retains only the versions still stored', async () => {
    const { load } = counting();
    const cache = new IndexCache(load);
    await cache.get('x', '1', T);
    await cache.get('x', '2', T);
    await cache.get('y', '1', T);
    cache.retain('x', [{ version: '2', importedAt: T }]);
    expect([cache.has('x', '1'), cache.has('x', '2'), cache.has('y', '1')]).toEqual([false, true, true]);
  });
});
