// The real ESCO releases in ../shared/frameworks-data (beside the repository; CI has them),
// and plain line-based counts over their files, written independently of the importers'
// CSV reader so that tests compare the import with the source rather than with itself.
import { existsSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FRAMEWORKS_DATA = resolve(repoRoot, '../shared/frameworks-data');

/** The folder, or undefined (with a console warning saying why the tests skip) when absent. */
export function realFolder(name: string): string | undefined {
  const dir = join(FRAMEWORKS_DATA, name);
  if (existsSync(dir)) return dir;
  console.warn(`skipping the ${name} tests: ${dir} not found (real framework data lives beside the repository)`);
  return undefined;
}

/** Every physical line of a file, line ends (LF or CRLF) removed. */
export async function* lines(path: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of reader) yield line;
}

/** Physical lines starting with `prefix`: in ESCO's files a record starts with its concept type. */
export async function countLinesStartingWith(path: string, prefix: string | RegExp): Promise<number> {
  let count = 0;
  for await (const line of lines(path)) if (typeof prefix === 'string' ? line.startsWith(prefix) : prefix.test(line)) count++;
  return count;
}

/**
 * The rows of a file whose records never span lines and hold no commas inside fields (the
 * relation files), split on commas, quotes removed, header left out; `line` is 1-based.
 */
export async function simpleRows(path: string): Promise<{ line: number; fields: string[] }[]> {
  const rows: { line: number; fields: string[] }[] = [];
  let line = 0;
  for await (const text of lines(path)) {
    line++;
    if (line === 1 || text === '') continue;
    rows.push({ line, fields: text.split(',').map((f) => f.replace(/^"|"$/g, '')) });
  }
  return rows;
}

/** The last path segment of a concept URI, as the importers' ids are meant to be. */
export const uuidOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);
