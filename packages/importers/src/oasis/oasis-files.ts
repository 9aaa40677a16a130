// The files of an OaSIS release, found by what their names start with: the published names carry
// the release (`skills_oasis_2023_v1.0.csv`) and are not even uniform (`main-duties_oasis-2023_v1.0.csv`).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeworkError } from '@bridgework/core';

export const OASIS_FILES = {
  labels: { prefix: 'labels', required: true },
  guide: { prefix: 'guide', required: true },
  skills: { prefix: 'skills', required: false },
  abilities: { prefix: 'abilities', required: false },
  knowledges: { prefix: 'knowledges', required: false },
  workactivities: { prefix: 'workactivities', required: false },
  'personal-attributes': { prefix: 'personal-attributes', required: false },
  workcontext: { prefix: 'workcontext', required: false },
  'lead-statement': { prefix: 'lead-statement', required: false },
  'example-titles': { prefix: 'example-titles', required: false },
  'main-duties': { prefix: 'main-duties', required: false },
  'employment-requirements': { prefix: 'employment-requirements', required: false },
  'additional-information': { prefix: 'additional-information', required: false },
  interests: { prefix: 'interests', required: false },
} as const;

export type OasisFileKey = keyof typeof OASIS_FILES;

export interface OasisFolder {
  /** Path of each file found. */
  files: Partial<Record<OasisFileKey, string>>;
  /** File names as found, to derive the release from. */
  names: Partial<Record<OasisFileKey, string>>;
  /** Optional files that are not there. */
  missing: OasisFileKey[];
}

/**
 * `<prefix>_oasis[_-]<year>...csv`, case-insensitive. A required file that is missing, or two
 * files for one role, is an error naming what was expected.
 */
export async function locateOasisFiles(dir: string): Promise<OasisFolder> {
  const entries = (await readdir(dir)).sort();
  const folder: OasisFolder = { files: {}, names: {}, missing: [] };
  const absent: string[] = [];
  for (const key of Object.keys(OASIS_FILES) as OasisFileKey[]) {
    const { prefix, required } = OASIS_FILES[key];
    const pattern = new RegExp(`^${prefix}_oasis[_-]\\d{4}.*\\.csv$`, 'i');
    const matches = entries.filter((e) => pattern.test(e));
    if (matches.length > 1) {
      throw new BridgeworkError('import.invalid_file', `${dir}: ${matches.length} files could be the OaSIS ${key} file: ${matches.join(', ')}; keep one`, [
        { where: dir, message: `several ${key} files` },
      ]);
    }
    const name = matches[0];
    if (name === undefined) {
      if (required) absent.push(`${prefix}_oasis_<year>_v<version>.csv`);
      else folder.missing.push(key);
      continue;
    }
    folder.files[key] = join(dir, name);
    folder.names[key] = name;
  }
  if (absent.length > 0) {
    throw new BridgeworkError('import.missing_file', `${dir}: missing the OaSIS file${absent.length > 1 ? 's' : ''} ${absent.join(', ')}`, absent.map((a) => ({ where: dir, message: `missing ${a}` })));
  }
  return folder;
}
