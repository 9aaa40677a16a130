// The files of an O*NET text release this importer reads, and finding them in a folder as users
// unpack it: names compared without case (a release copied through Windows or a zip tool may
// change case), required files checked before anything is parsed.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeworkError } from '@bridgework/core';

export const ONET_FILES = {
  occupationData: 'Occupation Data.txt',
  contentModel: 'Content Model Reference.txt',
  scales: 'Scales Reference.txt',
  skills: 'Skills.txt',
  knowledge: 'Knowledge.txt',
  abilities: 'Abilities.txt',
  workActivities: 'Work Activities.txt',
  alternateTitles: 'Alternate Titles.txt',
  reportedTitles: 'Sample of Reported Titles.txt',
  jobZones: 'Job Zones.txt',
  education: 'Education, Training, and Experience.txt',
  educationCategories: 'Education, Training, and Experience Categories.txt',
  workStyles: 'Work Styles.txt',
  interests: 'Interests.txt',
  taskStatements: 'Task Statements.txt',
  tasksToDwas: 'Tasks to DWAs.txt',
  dwaReference: 'DWA Reference.txt',
  iwaReference: 'IWA Reference.txt',
  technologySkills: 'Technology Skills.txt',
  careerChangers: 'Career Changers Matrix.txt',
  relatedOccupations: 'Related Occupations.txt',
} as const;

/** Rating files in the Skills.txt layout (IM and LV rows per occupation and element). */
export const RATING_FILES = [ONET_FILES.skills, ONET_FILES.knowledge, ONET_FILES.abilities, ONET_FILES.workActivities] as const;

/** The SOC structure is not part of the text release; O*NET publishes it beside it, as CSV or text. */
export const SOC_STRUCTURE_FILES = ['SOC Structure.csv', 'SOC Structure.txt'] as const;

export interface ReleaseFile {
  /** The official name, used in messages and as the key of rowsRead. */
  name: string;
  path: string;
  bytes: number;
}

export interface ReleaseFolder {
  folder: string;
  /** The file with this official name, or undefined when the release lacks it. */
  get(name: string): ReleaseFile | undefined;
}

/**
 * Lists the folder once. Throws import.missing_file when the folder, Occupation Data, the
 * Content Model Reference, or every rating file is missing: without them there is nothing to map.
 * Every other file is optional, the task, interest and work style files included: a release
 * holding only those (no Skills-layout rating file) still fails here, since what it would give
 * is a framework ranked on unrated task links or on traits alone (see README.md).
 */
export async function openReleaseFolder(folder: string, socStructure?: string): Promise<ReleaseFolder> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    throw new BridgeworkError('import.missing_file', `O*NET release folder not found: ${folder}`, [{ where: folder, message: 'folder not found' }]);
  }
  const byName = new Map<string, string>();
  for (const entry of entries) {
    const key = entry.toLowerCase();
    if (!byName.has(key)) byName.set(key, entry);
  }
  const files = new Map<string, ReleaseFile>();
  for (const name of [...Object.values(ONET_FILES), ...SOC_STRUCTURE_FILES]) {
    const actual = byName.get(name.toLowerCase());
    if (actual === undefined) continue;
    const path = join(folder, actual);
    const info = await stat(path);
    if (info.isFile()) files.set(name, { name, path, bytes: info.size });
  }

  if (socStructure !== undefined && !SOC_STRUCTURE_FILES.some((name) => files.has(name))) {
    let info;
    try {
      info = await stat(socStructure);
    } catch {
      throw new BridgeworkError('import.missing_file', `SOC structure file not found: ${socStructure}`, [{ where: socStructure, message: 'file not found' }]);
    }
    const name = socStructure.toLowerCase().endsWith('.csv') ? SOC_STRUCTURE_FILES[0] : SOC_STRUCTURE_FILES[1];
    if (info.isFile()) files.set(name, { name, path: socStructure, bytes: info.size });
  }

  const missing = (what: string) =>
    new BridgeworkError('import.missing_file', `${what} in the O*NET release folder ${folder}`, [{ where: folder, message: what }]);
  for (const name of [ONET_FILES.occupationData, ONET_FILES.contentModel]) {
    if (!files.has(name)) throw missing(`missing required file "${name}"`);
  }
  if (!RATING_FILES.some((name) => files.has(name))) {
    throw missing(`missing a rating file: expected at least one of ${RATING_FILES.map((n) => `"${n}"`).join(', ')}`);
  }
  return { folder, get: (name) => files.get(name) };
}
