// Importing framework sources into the store: one path for the import endpoint, `bridgework
// import`, the default framework on first start and the sources listed in BRIDGEWORK_IMPORT.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { BridgeworkError } from '@bridgework/core';
import { importFramework, type ImportProgress } from '@bridgework/importers';
import type { BridgeworkStore, FrameworkVersionSummary } from '@bridgework/store';
import type { FrameworkSource } from '../config.ts';

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
  /** When true, an (id, version) already stored is left as it is and reported as skipped. */
  skipExisting?: boolean;
}

export interface ImportReport {
  framework: FrameworkVersionSummary;
  /** True when the version was already stored and `skipExisting` was set. */
  skipped: boolean;
  warnings: string[];
  rowsRead: Record<string, number>;
  /** Milliseconds spent reading the source and writing the store. */
  timing: { readMs: number; saveMs: number };
}

/**
 * Reads a source and saves it in one transaction. `roots`, when given, are the folders the path
 * must lie in (after resolving symbolic links): the import endpoint must not read arbitrary files.
 */
export async function importSource(
  store: BridgeworkStore,
  request: ImportRequest,
  hooks: ImportHooks = {},
  roots?: readonly string[],
): Promise<ImportReport> {
  const path = resolve(request.path);
  if (roots !== undefined) await assertInsideRoots(path, roots);
  const readStart = performance.now();
  const result = await importFramework(request.kind, path, {
    ...(request.id !== undefined ? { id: request.id } : {}),
    ...(request.version !== undefined ? { version: request.version } : {}),
    ...(hooks.onRead ? { onProgress: hooks.onRead } : {}),
  });
  const readMs = performance.now() - readStart;
  const { id, version } = result.data.framework;
  const base = { warnings: result.warnings, rowsRead: result.rowsRead };
  if (hooks.skipExisting) {
    const stored = (await store.getFramework(id))?.versions.find((v) => v.version === version);
    if (stored) return { framework: stored, skipped: true, ...base, timing: { readMs: round(readMs), saveMs: 0 } };
  }
  const saveStart = performance.now();
  const framework = await store.saveFramework(result.data, {
    ...(request.replace ? { replace: true } : {}),
    ...(hooks.onSave ? { onProgress: hooks.onSave } : {}),
  });
  return { framework, skipped: false, ...base, timing: { readMs: round(readMs), saveMs: round(performance.now() - saveStart) } };
}

async function assertInsideRoots(path: string, roots: readonly string[]): Promise<void> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new BridgeworkError('import.missing_file', `${path}: no such file or folder`, [{ where: 'path', message: 'not found' }]);
  }
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => resolve(root));
    const rel = relative(realRoot, real);
    if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))) return;
  }
  throw new BridgeworkError('import.path_not_allowed', `${path} is outside the folders this server imports from (BRIDGEWORK_IMPORT_ROOTS)`, [
    { where: 'path', message: 'outside the import roots' },
  ]);
}

const round = (ms: number) => Math.round(ms * 10) / 10;
