// Finding, opening and reporting on the CSV files of a downloaded release folder: file names
// match case-insensitively (releases differ in case and suffixes), every file is shown by its
// path inside the folder, and progress is reported in bytes.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeworkError } from '@bridgework/core';
import type { ImportProgress } from '../import-result.ts';
import { openTable, type Table } from '../text/table-reader.ts';

export interface SourceFile {
  path: string;
  /** Path inside the release folder (`fr/occupations_fr.csv`), used in messages and rowsRead. */
  name: string;
}

/** The files of one folder, looked up by name without regard to case. */
export class SourceFolder {
  private constructor(
    readonly dir: string,
    private readonly prefix: string,
    private readonly names: Map<string, string>,
  ) {}

  static async open(dir: string, sub = ''): Promise<SourceFolder | undefined> {
    const path = sub === '' ? dir : join(dir, sub);
    let entries: string[];
    try {
      if (!(await stat(path)).isDirectory()) return undefined;
      entries = await readdir(path);
    } catch {
      return undefined;
    }
    return new SourceFolder(path, sub === '' ? '' : `${sub}/`, new Map(entries.map((e) => [e.toLowerCase(), e])));
  }

  /** The first candidate name present in the folder. */
  find(...candidates: string[]): SourceFile | undefined {
    for (const candidate of candidates) {
      const actual = this.names.get(candidate.toLowerCase());
      if (actual !== undefined) return { path: join(this.dir, actual), name: this.prefix + actual };
    }
    return undefined;
  }
}

export function missingFile(name: string, dir: string, why: string): BridgeworkError {
  return new BridgeworkError('import.missing_file', `${dir}: missing required file ${name} (${why})`, [
    { where: join(dir, name), message: `missing required file ${name}` },
  ]);
}

/** A CSV table (comma, RFC 4180 quotes) that reports byte progress under the file's name. */
export async function openCsv(file: SourceFile, onProgress?: (progress: ImportProgress) => void): Promise<Table> {
  let onBytes: ((bytes: number) => void) | undefined;
  if (onProgress) {
    const total = (await stat(file.path)).size;
    onProgress({ phase: file.name, done: 0, total });
    onBytes = (done) => onProgress({ phase: file.name, done, total });
  }
  return openTable(file.path, { delimiter: ',', quote: '"', displayName: file.name, ...(onBytes ? { onBytes } : {}) });
}
