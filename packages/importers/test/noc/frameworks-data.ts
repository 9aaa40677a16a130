// Where the real framework releases live (../shared/frameworks-data beside the repository; CI has
// it too) and a guard that skips a suite, saying why, when a folder is not there.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const frameworksData = resolve(repoRoot, '../shared/frameworks-data');

/** The folder's path, or undefined after a console.warn naming the suite that will be skipped. */
export function realFolder(name: string, suite: string): string | undefined {
  const folder = resolve(frameworksData, name);
  if (existsSync(folder)) return folder;
  console.warn(`skipping "${suite}": ${folder} is not there (real framework data lives in ../shared/frameworks-data)`);
  return undefined;
}
