// OaSIS (ESDC's Occupational and Skills Information System) -> the core model. Occupations are the
// OaSIS profiles (`31301.00`); competencies are the descriptors of the skills, abilities,
// knowledge, work activities, personal attributes and work context files and the six Holland
// interests, grouped as the guide arranges them; requirements are the non-zero ratings and the
// Holland codes of each profile (see rating-scales.ts and holland-interests.ts for the formulas).
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  BridgeworkError,
  parseFramework,
  type Competency,
  type CompetencyGroup,
  type FrameworkData,
  type Occupation,
  type Requirement,
} from '@bridgework/core';
import type { ImportOptions, ImportResult } from '../import-result.ts';
import { OPEN_GOVERNMENT_LICENCE_CANADA, releaseVersion } from '../noc/open-government-licence.ts';
import { readNocStructure } from '../noc/structure-csv.ts';
import { readDescriptorGuide, type DescriptorGuide } from './descriptor-guide.ts';
import { interestCompetencies, interestRequirements } from './holland-interests.ts';
import { locateOasisFiles, OASIS_FILES, type OasisFileKey } from './oasis-files.ts';
import { profileOccupation } from './profile-occupation.ts';
import { readInterests, readLabels, readProfileTexts, type ProfileText, type TextList } from './profile-texts.ts';
import { RATING_FAMILIES, type RatingFamily } from './rating-scales.ts';
import { readRatingFile } from './read-ratings.ts';

const TEXT_FILES: readonly (readonly [OasisFileKey, TextList, string])[] = [
  ['lead-statement', 'leadStatements', 'no descriptions'],
  ['example-titles', 'exampleTitles', 'no alternate titles'],
  ['main-duties', 'mainDuties', 'no main duties in the notes'],
  ['employment-requirements', 'employmentRequirements', 'no employment requirements in the notes'],
  ['additional-information', 'additionalInformation', 'no additional information in the notes'],
];

/** The NOC structure CSV may sit beside the OaSIS files; it gives the field path its titles. */
const NOC_STRUCTURE = /classification[\s_-]*structure.*\.csv$/i;

/** `dir` is the folder of an OaSIS release as published (one CSV per table). O(bytes). */
export async function importOasis(dir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new BridgeworkError('import.missing_file', `${dir}: expected the folder of an OaSIS release (labels_oasis_*.csv, guide_oasis_*.csv and the rating files)`, [
      { where: dir, message: info ? 'not a folder' : 'not found' },
    ]);
  }
  const folder = await locateOasisFiles(dir);
  const warnings: string[] = [];
  const rowsRead: Record<string, number> = {};
  const progress = async (path: string) => {
    const phase = basename(path);
    const total = (await stat(path)).size;
    options.onProgress?.({ phase, done: 0, total });
    return (done: number) => options.onProgress?.({ phase, done, total });
  };

  const labelsPath = folder.files.labels!;
  const labels = await readLabels(labelsPath, await progress(labelsPath));
  rowsRead[basename(labelsPath)] = labels.rowsRead;
  const profiles = labels.profiles;
  const guidePath = folder.files.guide!;
  const { guide, rowsRead: guideRows } = await readDescriptorGuide(guidePath, await progress(guidePath));
  rowsRead[basename(guidePath)] = guideRows;

  for (const [key, list, consequence] of TEXT_FILES) {
    const path = folder.files[key];
    if (path === undefined) {
      warnings.push(`${missingName(key)} is not in ${dir}: ${consequence}`);
      continue;
    }
    const read = await readProfileTexts(path, list, profiles, await progress(path));
    rowsRead[basename(path)] = read.rowsRead;
    warnings.push(...read.warnings);
  }
  const interestsPath = folder.files.interests;
  if (interestsPath === undefined) warnings.push(`${missingName('interests')} is not in ${dir}: no interests in the notes or requirements`);
  else {
    const read = await readInterests(interestsPath, profiles, await progress(interestsPath));
    rowsRead[basename(interestsPath)] = read.rowsRead;
    warnings.push(...read.warnings);
  }

  const competencies: Competency[] = [];
  const requirements: Requirement[] = [];
  const families: RatingFamily[] = [];
  const profileCodes = new Set(profiles.keys());
  for (const family of RATING_FAMILIES) {
    const path = folder.files[family.file];
    if (path === undefined) {
      warnings.push(`${missingName(family.file)} is not in ${dir}: no ${family.category.toLowerCase()} competencies or requirements`);
      continue;
    }
    const read = await readRatingFile(path, family, guide, profileCodes, await progress(path));
    rowsRead[basename(path)] = read.rowsRead;
    warnings.push(...read.warnings);
    competencies.push(...read.competencies);
    requirements.push(...read.requirements);
    families.push(family);
  }
  if (families.length === 0) {
    const expected = RATING_FAMILIES.map((f) => missingName(f.file)).join(', ');
    throw new BridgeworkError('import.missing_file', `${dir}: no OaSIS rating file; expected at least one of ${expected}`, [{ where: dir, message: 'no rating files' }]);
  }
  if (interestsPath !== undefined) {
    const interests = interestCompetencies(guide, basename(guidePath));
    warnings.push(...interests.warnings);
    competencies.push(...interests.byLetter.values());
    requirements.push(...interestRequirements(profiles.values(), interests.byLetter));
  }

  const nocTitles = await readNocTitles(dir, rowsRead);
  const occupations: Occupation[] = [];
  const untitled = new Set<string>();
  for (const profile of profiles.values()) {
    const built = profileOccupation(profile, nocTitles);
    occupations.push(built.occupation);
    for (const code of built.untitled) untitled.add(code);
  }
  if (untitled.size > 0) {
    warnings.push(
      `OaSIS files do not title the NOC groups of the field path: ${untitled.size} groups (first: ${[...untitled][0]}) read "NOC 2021 <level> <code>"; put the NOC structure CSV (noc_2021_version_1.0_-_classification_structure.csv) in ${dir} for their titles`,
    );
  }

  const release = releaseVersion(basename(labelsPath));
  if (release === undefined && options.version === undefined) {
    warnings.push(`${basename(labelsPath)}: no release in the file name (labels_oasis_2023_v1.0.csv); version 2023.1.0 assumed`);
  }
  const version = release ?? '2023.1.0';
  const [year, major, minor] = version.split('.');
  const data: FrameworkData = {
    framework: {
      id: options.id ?? 'oasis',
      name: `OaSIS ${year} (Occupational and Skills Information System)`,
      version: options.version ?? version,
      description:
        'ESDC\'s OaSIS profiles (NOC 2021 unit groups and their sub-profiles) rated on skills, abilities, knowledge, work activities, personal attributes and work context, with their Holland interests. Ratings r of 1..max become level and importance r/max; 0 (not rated) makes no requirement; the 1st, 2nd and 3rd Holland code weigh 1, 2/3 and 1/3. Personal attributes, work context and interests are traits (what the job is like, not what a person learns).',
      source: {
        kind: 'oasis',
        publisher: 'Employment and Social Development Canada (ESDC)',
        release: `OaSIS ${year} Version ${major}.${minor}`,
        url: 'https://noc.esdc.gc.ca/Oasis/OasisWelcome',
      },
      licence: { ...OPEN_GOVERNMENT_LICENCE_CANADA },
      locales: ['en'],
      importedAt: new Date().toISOString(),
    },
    occupations,
    competencyGroups: competencyGroups(guide, families, competencies),
    competencies,
    requirements,
    relations: [],
    occupationLinks: [],
    crosswalks: [],
  };
  return { data: parseFramework(data, { requireRequirements: false }), warnings, rowsRead };
}

/**
 * The guide's groups above the imported descriptors, in guide order, plus each imported family's
 * root (made from the family name if the guide lacks it). Groups with no imported descriptor
 * below them (the guide lists descriptors no rating file has) are left out.
 */
function competencyGroups(guide: DescriptorGuide, families: readonly RatingFamily[], competencies: readonly Competency[]): CompetencyGroup[] {
  const needed = new Set<string>(families.map((f) => f.categoryCode));
  for (const competency of competencies) {
    if (competency.group === undefined) continue;
    for (const entry of guide.lineage(competency.group)) needed.add(entry.code);
  }
  const groups: CompetencyGroup[] = [];
  for (const entry of guide.entries.values()) {
    if (entry.type === 'Descriptor' || !needed.has(entry.code)) continue;
    needed.delete(entry.code);
    groups.push({
      id: entry.code,
      label: { en: entry.name },
      ...(entry.parent ? { parent: entry.parent } : {}),
      ...(entry.description ? { description: { en: entry.description } } : {}),
    });
  }
  for (const family of families) {
    if (needed.has(family.categoryCode)) groups.push({ id: family.categoryCode, label: { en: family.category } });
  }
  return groups;
}

async function readNocTitles(dir: string, rowsRead: Record<string, number>): Promise<Map<string, string>> {
  const name = (await readdir(dir)).sort().find((e) => NOC_STRUCTURE.test(e));
  if (name === undefined) return new Map();
  const structure = await readNocStructure(join(dir, name));
  rowsRead[name] = structure.rowsRead;
  return new Map(structure.classes.filter((c) => c.level < 5).map((c) => [c.code, c.title] as const));
}

function missingName(key: OasisFileKey): string {
  return `${OASIS_FILES[key].prefix}_oasis_<year>_v<version>.csv`;
}
