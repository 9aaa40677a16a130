// Where the real framework files are: ../shared/frameworks-data beside the repository, or
// BRIDGEWORK_FRAMEWORKS_DATA. Absent for a user outside the team; every caller says so.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function frameworksDataDir(): string | undefined {
  const dir = process.env.BRIDGEWORK_FRAMEWORKS_DATA ?? resolve(REPO_ROOT, '../shared/frameworks-data');
  return existsSync(dir) ? dir : undefined;
}
