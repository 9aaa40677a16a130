// Guards the architecture: dependencies point one way (core <- importers, store <- service <- api,
// cli), core does no I/O (no node:*, no database, no HTTP), the service knows no HTTP, and the CLI
// loads the HTTP server only to serve.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(entry)) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function violations(dir: string, forbidden: (specifier: string) => boolean): string[] {
  return sources(join(ROOT, dir)).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
  );
}

describe('architecture', () => {
  it('sees the imports it checks (a guard that reads nothing passes for nothing)', () => {
    expect(importsOf(join(ROOT, 'packages/store/src/sqlite/open-sqlite-store.ts'))).toEqual(expect.arrayContaining(['node:fs', 'better-sqlite3', '@bridgework/core']));
    expect(importsOf(join(ROOT, 'packages/store/src/open-store.ts'))).toEqual(expect.arrayContaining(['./sqlite/index.ts', './postgres/index.ts']));
    expect(importsOf(join(ROOT, 'packages/importers/src/registry.ts'))).toEqual(expect.arrayContaining(['./native/index.ts', '@bridgework/core']));
  });

  it('keeps core free of I/O: no node:*, file system, database or HTTP module', () => {
    const io = /^(node:|fs$|path$|http$|https$|net$|child_process$|better-sqlite3$|hono|@hono\/|undici$)/;
    expect(violations('packages/core/src', (s) => io.test(s))).toEqual([]);
  });

  it('keeps core independent of every other package', () => {
    expect(violations('packages/core/src', (s) => s.startsWith('@bridgework/'))).toEqual([]);
  });

  it('lets importers and store depend on core only', () => {
    const other = (s: string) => s.startsWith('@bridgework/') && s !== '@bridgework/core';
    expect(violations('packages/importers/src', other)).toEqual([]);
    expect(violations('packages/store/src', other)).toEqual([]);
  });

  it('keeps the API from depending on the CLI, and the store from knowing about importers', () => {
    expect(violations('api/src', (s) => s.startsWith('@bridgework/cli'))).toEqual([]);
    expect(violations('packages/store/src', (s) => s.startsWith('@bridgework/importers'))).toEqual([]);
  });

  it('lets the service depend on core, importers and store only, and on no HTTP module', () => {
    const allowed = new Set(['@bridgework/core', '@bridgework/importers', '@bridgework/store']);
    expect(violations('packages/service/src', (s) => s.startsWith('@bridgework/') && !allowed.has(s))).toEqual([]);
    expect(violations('packages/service/src', (s) => /^(hono|@hono\/|node:http|node:https|undici$)/.test(s))).toEqual([]);
  });

  it('keeps each database library in its driver: the store entry loads a driver only when asked', () => {
    const db = /^(better-sqlite3|pg|pg-.*)$/;
    const storeFiles = sources(join(ROOT, 'packages/store/src'));
    const outsideDrivers = storeFiles.filter((f) => !/\/src\/(sqlite|postgres)\//.test(f));
    expect(outsideDrivers.flatMap((f) => importsOf(f).filter((s) => db.test(s)).map((s) => `${relative(ROOT, f)} imports ${s}`))).toEqual([]);
    expect(violations('packages/store/src/sqlite', (s) => /^(pg|pg-.*)$/.test(s) || s.includes('/postgres/'))).toEqual([]);
    expect(violations('packages/store/src/postgres', (s) => s === 'better-sqlite3' || s.includes('/sqlite/'))).toEqual([]);
    // The entry's driver imports are dynamic: a static one would load both libraries for everyone.
    const entry = readFileSync(join(ROOT, 'packages/store/src/open-store.ts'), 'utf8');
    expect(entry).not.toMatch(/^\s*import[^(]*from\s+['"]\.\/(sqlite|postgres)\//m);
    for (const dir of ['packages/core/src', 'packages/importers/src', 'packages/service/src', 'packages/cli/src', 'api/src']) {
      expect(violations(dir, (s) => db.test(s) || /^@bridgework\/store\//.test(s)), dir).toEqual([]);
    }
  });

  it('has the CLI import the API only in the command that serves it', () => {
    const users = sources(join(ROOT, 'packages/cli/src'))
      .filter((file) => importsOf(file).some((s) => s === '@bridgework/api'))
      .map((file) => relative(ROOT, file));
    expect(users).toEqual(['packages/cli/src/commands/serve.ts']);
  });

  it('reaches other packages only through their public index, never their internals', () => {
    // The store's drivers are public entries of their own (@bridgework/store/sqlite, /postgres).
    const deep = (s: string) => (/^@bridgework\/[a-z]+\//.test(s) && !/^@bridgework\/store\/(sqlite|postgres)$/.test(s)) || /\.\.\/\.\.\/(core|store|service|importers|cli)\/src\//.test(s) || /^\.\.\/\.\.\/\.\.\/(api|packages)\//.test(s);
    for (const dir of ['packages/importers/src', 'packages/store/src', 'packages/service/src', 'packages/cli/src', 'api/src']) {
      expect(violations(dir, deep), dir).toEqual([]);
    }
  });
});
