// Importing framework sources into the store: one path for the import endpoint, `bridgework
// import`, the default framework on first start and the sources listed in BRIDGEWORK_IMPORT.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BridgeworkError } from '@bridgework/core';
import { importFramework, type ImportProgress } from '@bridgework/importers';
import type { BridgeworkStore, FrameworkVersionSummary } from '@bridgework/store';
import type { FrameworkSource } from './settings.ts';
import { stageSource } from './stage-source.ts';

export interface ImportRequest extends FrameworkSource {
  /** Store under this id instead of the one the source gives. */
  id?: string;
  /** Store under this version label instead of the one the source gives. */
  version?: string;
  /** Replace a stored (id, version) instead of refusing it with framework.version_exists. */
  replace?: boolean;
}

export interface ImportHooks {
  /** Reading the source files. */
  onRead?: (progress: ImportProgress) => void;
  /** Writing records to the store: `done` of `total`. */
  onSave?: (done: number, total: number) => void;
  /**
   * When true, an (id, version) already stored is left as it is and reported as skipped; and a
   * source whose files have not changed since it was last imported this way is not even read.
   */
  skipExisting?: boolean;
}

export interface ImportReport {
  framework: FrameworkVersionSummary;
  /** True when the version was already stored and `skipExisting` was set. */
  skipped: boolean;
  /** Skipped without reading: the source's files are as they were at its last import. */
  unchanged?: boolean;
  warnings: string[];
  rowsRead: Record<string, number>;
  /** Milliseconds spent reading the source and writing the store. */
  timing: { readMs: number; saveMs: number };
}

/**
 * Reads a source and saves it in one transaction. With `confine`, the source is first copied
 * from inside the roots (stage-source.ts: every file resolved, special files refused) and the
 * copy is read: an import a request asks for must not read arbitrary files.
 */
export async function importSource(
  store: BridgeworkStore,
  request: ImportRequest,
  hooks: ImportHooks = {},
  confine?: Confinement,
): Promise<ImportReport> {
  if (confine === undefined) return importFrom(store, request, resolve(request.path), hooks);
  // Read from a copy of the source made after resolving every file inside the roots.
  const staged = await stageSource(request.path, confine.roots, confine.exclude ? { exclude: confine.exclude } : {});
  try {
    return await importFrom(store, request, staged.path, hooks);
  } finally {
    await staged.cleanup();
  }
}

/** Where a request may import from: folders, and files never to read (the server's database). */
export interface Confinement {
  roots: readonly string[];
  exclude?: readonly string[];
}

async function importFrom(store: BridgeworkStore, request: ImportRequest, readPath: string, hooks: ImportHooks): Promise<ImportReport> {
  const path = resolve(request.path);
  // Taken before reading: a file changed while it is read gives a fingerprint that will not match
  // next time, so the source is read again rather than wrongly skipped.
  const fingerprint = hooks.skipExisting ? await sourceFingerprint(path) : undefined;
  if (fingerprint !== undefined) {
    const known = await store.getImportSource(request.kind, path);
    const stored = known?.fingerprint === fingerprint ? (await store.getFramework(known.frameworkId))?.versions.find((v) => v.version === known.version) : undefined;
    if (stored) return { framework: stored, skipped: true, unchanged: true, warnings: [], rowsRead: {}, timing: { readMs: 0, saveMs: 0 } };
  }
  const readStart = performance.now();
  const result = await importFramework(request.kind, readPath, {
    ...(request.id !== undefined ? { id: request.id } : {}),
    ...(request.version !== undefined ? { version: request.version } : {}),
    ...(hooks.onRead ? { onProgress: hooks.onRead } : {}),
  });
  const readMs = performance.now() - readStart;
  const { id, version } = result.data.framework;
  const base = { warnings: result.warnings, rowsRead: result.rowsRead };
  const remember = async () => {
    if (fingerprint !== undefined) await store.recordImportSource({ kind: request.kind, path, fingerprint, frameworkId: id, version });
  };
  if (hooks.skipExisting) {
    const stored = (await store.getFramework(id))?.versions.find((v) => v.version === version);
    if (stored) {
      await remember();
      return { framework: stored, skipped: true, ...base, timing: { readMs: round(readMs), saveMs: 0 } };
    }
  }
  const saveStart = performance.now();
  let framework: FrameworkVersionSummary;
  try {
    framework = await store.saveFramework(result.data, {
      ...(request.replace ? { replace: true } : {}),
      ...(hooks.onSave ? { onProgress: hooks.onSave } : {}),
    });
  } catch (error) {
    // Saved by another instance (or process) since the check above: stored once, as asked.
    const stored = hooks.skipExisting && error instanceof BridgeworkError && error.code === 'framework.version_exists'
      ? (await store.getFramework(id))?.versions.find((v) => v.version === version)
      : undefined;
    if (!stored) throw error;
    await remember();
    return { framework: stored, skipped: true, ...base, timing: { readMs: round(readMs), saveMs: 0 } };
  }
  await remember();
  return { framework, skipped: false, ...base, timing: { readMs: round(readMs), saveMs: round(performance.now() - saveStart) } };
}

/**
 * A digest of a source's files: their paths below it, sizes and modification times (the file
 * itself when the source is one file). Cheap (no file is read) and changes whenever a file is
 * replaced, edited, added or removed. Undefined when the source cannot be listed: it is then
 * read (and its error reported) as before, and nothing is remembered of it.
 */
export async function sourceFingerprint(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    const top = await stat(path);
    if (top.isFile()) {
      hash.update(`${top.size} ${top.mtimeMs}`);
    } else {
      const names = (await readdir(path, { recursive: true })).sort();
      for (const name of names) {
        const file = await stat(join(path, name));
        if (file.isFile()) hash.update(`${name}\0${file.size}\0${file.mtimeMs}\n`);
      }
    }
  } catch {
    return undefined;
  }
  return `sha256:${hash.digest('hex')}`;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
