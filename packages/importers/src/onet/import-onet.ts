// The O*NET text-release importer: reads whichever files of a release folder are present
// (see README.md beside this file for the mapping) and returns a checked FrameworkData.
// Every file is streamed row by row; a structural error stops the import with file:line:column.
import { parseFramework, type CompetencyGroup, type EntryRequirements, type Occupation, type Requirement } from '@bridgework/core';
import type { ImportOptions, ImportResult } from '../import-result.ts';
import { competenciesOf, readContentModel } from './content-model.ts';
import { readDetailedWorkActivities, workActivityCompetencies } from './detailed-work-activities.ts';
import { readEducation } from './education.ts';
import { onetFrameworkMeta } from './framework-meta.ts';
import { formatCount, type ImportContext } from './import-context.ts';
import { jobZone, jobZoneNote, readJobZones } from './job-zones.ts';
import { readOccupationData, type OccupationDraft } from './occupation-data.ts';
import { readOccupationLinks } from './occupation-links.ts';
import { readRatings } from './ratings.ts';
import { openReleaseFolder, RATING_FILES } from './release-files.ts';
import { readScales } from './scales.ts';
import { assignFieldPaths } from './soc-structure.ts';
import { readTechnologySkills } from './technology-skills.ts';
import { readTitles } from './titles.ts';
import { readTraitRatings, TRAIT_FILES } from './trait-ratings.ts';

export interface OnetImportOptions extends ImportOptions {
  /**
   * Technology Skills.txt: 'competencies' (default) imports the commodities as competencies
   * without requirements, 'requirements' also makes them requirements of the occupations that
   * use them (see technology-skills.ts), 'skip' leaves the file out.
   */
  technology?: 'competencies' | 'requirements' | 'skip';
  /**
   * A SOC Structure file to read when the release folder has none: O*NET publishes the SOC
   * structure beside its text release, not in it, and one structure serves every release of a
   * taxonomy (O*NET-SOC 2019 for releases 25.1 to 29.x).
   */
  socStructure?: string;
}

export async function importOnet(path: string, options: OnetImportOptions = {}): Promise<ImportResult> {
  const release = await openReleaseFolder(path, options.socStructure);
  const context: ImportContext = {
    release,
    warnings: [],
    rowsRead: {},
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };

  const scales = await readScales(context);
  const model = await readContentModel(context);
  const occupations = await readOccupationData(context);
  await assignFieldPaths(context, occupations);

  const requirements: Requirement[] = [];
  const rated = new Set<string>();
  const ratedIn = new Map<string, string>();
  let latestDate: string | undefined;
  for (const name of RATING_FILES) {
    const file = release.get(name);
    if (file === undefined) {
      context.warnings.push(`${name} not found: no ratings from it`);
      continue;
    }
    const read = await readRatings(context, file, { model, scales, occupations, ratedIn });
    for (const r of read.requirements) requirements.push(r);
    for (const id of read.rated) rated.add(id);
    if (read.latestDate !== undefined && (latestDate === undefined || read.latestDate > latestDate)) latestDate = read.latestDate;
  }
  // Occupations with IM and LV ratings: the only ones technology requirements go to (technology-skills.ts).
  const ratedOccupations = new Set(requirements.map((r) => r.occupation));

  for (const trait of TRAIT_FILES) {
    const read = await readTraitRatings(context, trait, { model, scales, occupations, ratedIn });
    for (const r of read.requirements) requirements.push(r);
    for (const id of read.rated) rated.add(id);
  }

  const workActivities = await readDetailedWorkActivities(context, occupations, model);
  for (const r of workActivities.requirements) requirements.push(r);

  const { competencies, groups } = competenciesOf(model, rated, workActivities.elements);
  const competencyGroups: CompetencyGroup[] = groups;
  const detailed = workActivityCompetencies(workActivities, new Set(groups.map((g) => g.id)));
  competencyGroups.push(...detailed.groups);
  competencies.push(...detailed.competencies);

  await readTitles(context, occupations);
  await readJobZones(context, occupations);
  await readEducation(context, occupations);

  const technologyMode = options.technology ?? 'competencies';
  if (technologyMode !== 'skip') {
    const scored = technologyMode === 'requirements' ? ratedOccupations : undefined;
    const technology = await readTechnologySkills(context, occupations, model, scored);
    if (technology.group !== undefined && technology.competencies.length > 0) {
      competencyGroups.push(technology.group);
      competencies.push(...technology.competencies);
      for (const r of technology.requirements) requirements.push(r);
    }
  }

  const occupationLinks = await readOccupationLinks(context, occupations);

  // Each occupation's requirements together, in Occupation Data order (stable: within one
  // occupation, the order of the files and rows), so exports and diffs read per occupation.
  const position = new Map([...occupations.keys()].map((code, i) => [code, i] as const));
  requirements.sort((a, b) => position.get(a.occupation)! - position.get(b.occupation)!);

  const unrated = occupations.size - new Set(requirements.map((r) => r.occupation)).size;
  if (unrated > 0) {
    context.warnings.push(
      `${formatCount(unrated)} of ${formatCount(occupations.size)} occupations in Occupation Data.txt have no usable ratings or work activities: kept without requirements, for lookup and crosswalks`,
    );
  }

  const data = parseFramework(
    {
      framework: onetFrameworkMeta({
        folder: path,
        ...(options.id !== undefined ? { id: options.id } : {}),
        ...(options.version !== undefined ? { version: options.version } : {}),
        ...(latestDate !== undefined ? { latestDate } : {}),
      }),
      occupations: [...occupations.values()].map(toOccupation),
      competencyGroups,
      competencies,
      requirements,
      occupationLinks,
    },
    { requireRequirements: false },
  );
  return { data, warnings: context.warnings, rowsRead: context.rowsRead };
}

function toOccupation(draft: OccupationDraft): Occupation {
  return {
    id: draft.code,
    title: { en: draft.title },
    ...(draft.alternateTitles.length > 0 ? { alternateTitles: { en: draft.alternateTitles } } : {}),
    ...(draft.description !== undefined ? { description: { en: draft.description } } : {}),
    codes: { onetSoc: draft.code },
    fieldPath: draft.fieldPath,
    regulation: [],
    ...(draft.education !== undefined || draft.jobZone !== undefined ? { entry: entryOf(draft) } : {}),
    ...(draft.jobZone !== undefined ? { notes: jobZoneNote(draft.jobZone) } : {}),
  };
}

/** Training months from the education level when the release has one, else from the job zone. */
function entryOf(draft: OccupationDraft): EntryRequirements {
  const { education, jobZone: zone } = draft;
  return {
    ...(education !== undefined ? { education: education.name } : {}),
    trainingMonths: education?.trainingMonths ?? jobZone(zone!).trainingMonths,
    ...(zone !== undefined ? { jobZone: zone } : {}),
  };
}
