// Temporary copies of a fixture folder with hand-made broken files laid over it, so that each
// error case is one small file in the official layout and everything else stays valid.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BridgeworkError } from '@bridgework/core';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const made: string[] = [];

/**
 * A copy of `fixtures/<kind>/tiny`, with `fixtures/<kind>/broken/<broken>` laid over it;
 * `folder` names the copy (importers read versions from folder names).
 */
export async function fixtureCopy(kind: 'esco' | 'tabiya', broken?: string, folder = 'release'): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), `bw-${kind}-`));
  made.push(parent);
  const dir = join(parent, folder);
  await cp(join(FIXTURES, kind, 'tiny'), dir, { recursive: true });
  if (broken !== undefined) await cp(join(FIXTURES, kind, 'broken', broken), dir, { recursive: true });
  return dir;
}

export async function removeCopies(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The BridgeworkError an import rejects with; fails the test if it resolves or throws something else. */
export async function rejectionOf(run: Promise<unknown>): Promise<BridgeworkError> {
  const outcome = await run.then(
    () => new Error('expected the import to fail'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof BridgeworkError)) throw outcome;
  return outcome;
}
