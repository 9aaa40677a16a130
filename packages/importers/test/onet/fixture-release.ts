// The hand-made O*NET release in test/fixtures/onet/release, and copies of it with some files
// replaced (by the files of an overlay folder) or removed, for the error paths.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BridgeworkError, type BridgeworkErrorCode } from '@bridgework/core';
import { importOnet, type OnetImportOptions } from '../../src/onet/index.ts';

export const RELEASE = new URL('../fixtures/onet/release/', import.meta.url).pathname;
const OVERLAYS = new URL('../fixtures/onet/overlays/', import.meta.url).pathname;

const copies: string[] = [];

/** A copy of the fixture release with the files of `overlays/<overlay>` put over it. */
export async function releaseWith(change: { overlay?: string; remove?: string[] }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bw-onet-'));
  copies.push(dir);
  await cp(RELEASE, dir, { recursive: true });
  if (change.overlay !== undefined) await cp(join(OVERLAYS, change.overlay), dir, { recursive: true });
  for (const name of change.remove ?? []) await rm(join(dir, name));
  return dir;
}

export async function removeCopies(): Promise<void> {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The error an import of `dir` fails with, checked to be a BridgeworkError with `code`. */
export async function importError(dir: string, code: BridgeworkErrorCode, options?: OnetImportOptions): Promise<string> {
  try {
    await importOnet(dir, options);
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeworkError);
    expect((error as BridgeworkError).code).toBe(code);
    return (error as BridgeworkError).message;
  }
  throw new Error(`expected the import of ${dir} to fail with ${code}`);
}
