// An import from a request reads only files inside the import roots. Resolving the top-level path
// is not enough: a folder inside a root can hold a link to /etc/passwd named framework.yaml, or
// to /dev/zero. So before anything is parsed, the source is copied into a private folder: every
// entry is resolved (links followed only while they stay inside a root), only regular files are
// copied (a device, a FIFO or a socket is refused: reading /dev/zero never ends), each through
// one descriptor that is checked to be the file that was resolved, and the total is bounded. The
// importer then reads the copy, which nobody else can change while it reads.
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BridgeworkError } from '@bridgework/core';

/** The most an import copies (and then reads): ESCO 1.1.1 is 47 MB, O*NET 29 is 32 MB. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Folders deep a source may go. */
const MAX_DEPTH = 16;

export interface StagedSource {
  /** The copy to import from: a folder, or the one file when the source is a file. */
  path: string;
  /** The staging folder, removed by cleanup(). */
  dir: string;
  files: number;
  bytes: number;
  cleanup(): Promise<void>;
}

export interface StageOptions {
  /** Files never to copy, whatever the roots say: the server's own database and its -wal and -shm. */
  exclude?: readonly string[];
  maxBytes?: number;
}

/**
 * Copies the source at `path` (a folder or a file) into a new private folder, after resolving
 * every entry inside `roots`. Throws `import.path_not_allowed` for anything that resolves outside
 * them (naming the entry, never its content), `import.invalid_file` for a special file or a
 * source over the size bound, `import.missing_file` when the path does not exist.
 */
export async function stageSource(path: string, roots: readonly string[], options: StageOptions = {}): Promise<StagedSource> {
  const realRoots = (await Promise.all(roots.map((root) => realpath(root).catch(() => undefined)))).filter((r): r is string => r !== undefined);
  const excluded = new Set(await Promise.all((options.exclude ?? []).map((file) => realpath(file).catch(() => resolve(file)))));
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const top = resolve(path);
  const realTop = await realpath(top).catch(() => {
    throw new BridgeworkError('import.missing_file', `${top}: no such file or folder`, [{ where: 'path', message: 'not found' }]);
  });
  if (!inside(realTop, realRoots)) throw outsideRoots(top);

  const dir = await mkdtemp(join(tmpdir(), 'bridgework-import-'));
  const staged: StagedSource = { path: dir, dir, files: 0, bytes: 0, cleanup: () => rm(dir, { recursive: true, force: true }) };
  const visited = new Set<string>();

  const copyFile = async (real: string, name: string, to: string) => {
    if (excluded.has(real)) throw notAllowed(name, "is the server's own database");
    // O_NOFOLLOW: `real` is resolved, so a link here means it was swapped since; fstat on the
    // descriptor checks that it is still a regular file.
    const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
      throw new BridgeworkError('import.invalid_file', `${name}: cannot be read (${error.code ?? 'error'})`, [{ where: name, message: 'cannot be read' }]);
    });
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw special(name, info);
      staged.bytes += info.size;
      if (staged.bytes > maxBytes) throw tooLarge(maxBytes);
      staged.files++;
      // At most the size fstat gave: a file that grows while it is copied is copied as it was.
      const source = info.size === 0 ? Readable.from([]) : createReadStream('', { fd: handle, autoClose: false, start: 0, end: info.size - 1 });
      await pipeline(source, createWriteStream(to, { mode: 0o600 }));
    } finally {
      await handle.close();
    }
  };

  const walk = async (realDir: string, rel: string, to: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) throw new BridgeworkError('import.invalid_file', `${rel}: more than ${MAX_DEPTH} folders deep`, [{ where: rel, message: 'too deep' }]);
    const key = await stat(realDir).then((s) => `${s.dev}:${s.ino}`);
    if (visited.has(key)) return; // a link back up the tree: already copied
    visited.add(key);
    await mkdir(to, { recursive: true, mode: 0o700 });
    for (const entry of (await readdir(realDir)).sort()) {
      // Hidden entries (.git, .DS_Store) are no importer's input.
      if (entry.startsWith('.')) continue;
      const name = rel === '' ? entry : `${rel}/${entry}`;
      const full = join(realDir, entry);
      const link = await lstat(full);
      let real = full;
      if (link.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        if (target === undefined) continue; // a dangling link: as if the file were absent
        if (!inside(target, realRoots)) throw notAllowed(name, 'links outside the folders this server imports from');
        real = target;
      }
      const info = link.isSymbolicLink() ? await stat(real) : link;
      if (info.isDirectory()) await walk(real, name, join(to, entry), depth + 1);
      else if (info.isFile()) await copyFile(real, name, join(to, entry));
      else throw special(name, info);
    }
  };

  try {
    const info = await stat(realTop);
    if (info.isDirectory()) await walk(realTop, '', dir, 0);
    else if (info.isFile()) {
      staged.path = join(dir, basename(top));
      await copyFile(realTop, basename(top), staged.path);
    } else throw special(basename(top), info);
    return staged;
  } catch (error) {
    await staged.cleanup();
    throw error;
  }
}

/**
 * The quick check of the top-level path alone, for an answer at once (the import resolves every
 * file later): `import.missing_file` when it does not exist, `import.path_not_allowed` outside the roots.
 */
export async function checkSourcePath(path: string, roots: readonly string[]): Promise<void> {
  const top = resolve(path);
  const real = await realpath(top).catch(() => {
    throw new BridgeworkError('import.missing_file', `${top}: no such file or folder`, [{ where: 'path', message: 'not found' }]);
  });
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => resolve(root))));
  if (!inside(real, realRoots)) throw outsideRoots(top);
}

function inside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = relative(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  });
}

export function outsideRoots(path: string): BridgeworkError {
  return new BridgeworkError('import.path_not_allowed', `${path} is outside the folders this server imports from (BRIDGEWORK_IMPORT_ROOTS)`, [
    { where: 'path', message: 'outside the import roots' },
  ]);
}

function notAllowed(name: string, why: string): BridgeworkError {
  return new BridgeworkError('import.path_not_allowed', `${name} ${why} (BRIDGEWORK_IMPORT_ROOTS); nothing was read`, [{ where: name, message: why }]);
}

function special(name: string, info: { isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean }): BridgeworkError {
  const what = info.isCharacterDevice() ? 'a character device' : info.isBlockDevice() ? 'a block device' : info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'not a regular file';
  return new BridgeworkError('import.invalid_file', `${name} is ${what}, not a regular file; imports read regular files only`, [{ where: name, message: `${what}, not a regular file` }]);
}

function tooLarge(maxBytes: number): BridgeworkError {
  return new BridgeworkError('import.invalid_file', `the source is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most an import reads`, [
    { where: 'path', message: 'too large' },
  ]);
}
