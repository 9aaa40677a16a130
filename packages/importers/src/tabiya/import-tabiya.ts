// A Tabiya CSV export of ESCO -> the core model, mapped as the official ESCO import maps it
// and with the same ids for the same ESCO concepts. occupations.csv is required; without
// skills.csv or occupation_to_skill_relations.csv (Tabiya's full ESCO 1.1 export has
// neither) the occupations, groups and hierarchies are imported with a warning.
import { BridgeworkError, parseFramework, type FrameworkData, type Relation, type Requirement } from '@bridgework/core';
import type { Importer } from '../import-result.ts';
import { Catalogue } from '../esco/catalogue.ts';
import { escoMeta, localesOf, versionFromFolder } from '../esco/framework-meta.ts';
import { readContext } from '../esco/read-context.ts';
import { SkillHierarchy } from '../esco/skill-hierarchy.ts';
import { missingFile, SourceFolder } from '../esco/source-files.ts';
import { readOccupationHierarchy, readSkillHierarchy } from './hierarchies.ts';
import { readModelInfo, type ModelInfo } from './model-info.ts';
import { mergeFrenchOccupations, readOccupationGroups, readOccupations } from './occupations.ts';
import { readOccupationSkillRelations, readSkillSkillRelations } from './relations.ts';
import { readSkillGroups, readSkills, type TabiyaSkillGroups } from './skills.ts';
import { locateTabiyaFiles, TABIYA_FILES } from './tabiya-files.ts';

export const TABIYA_DEFAULT_ID = 'esco-tabiya';

export const importTabiya: Importer = async (dir, options = {}) => {
  const root = await SourceFolder.open(dir);
  if (root === undefined) {
    throw new BridgeworkError('import.missing_file', `${dir}: no such folder (expected a Tabiya CSV export)`, [{ where: dir, message: 'no such folder' }]);
  }
  const files = locateTabiyaFiles(root, await SourceFolder.open(dir, 'fr'));
  if (files.occupations === undefined) throw missingFile(TABIYA_FILES.occupations, dir, 'the occupations of a Tabiya CSV export');
  const ctx = readContext(options.onProgress);

  const missingRatings: string[] = [];
  if (!files.skills) missingRatings.push(TABIYA_FILES.skills);
  if (!files.occupationSkillRelations) missingRatings.push(TABIYA_FILES.occupationSkillRelations);
  if (missingRatings.length > 0) {
    ctx.warnings.push(
      `${missingRatings.join(' and ')} not found in ${dir}: ` +
        (files.skills ? 'skills and groups imported without requirements' : 'occupations, groups and hierarchies imported without skills or requirements'),
    );
  }
  for (const key of ['occupationGroups', 'occupationHierarchy', 'skillGroups', 'skillHierarchy', 'skillRelations'] as const) {
    if (files[key] === undefined && (key !== 'skillRelations' || files.skills)) ctx.warnings.push(`${TABIYA_FILES[key]} not found in ${dir}`);
  }

  const model: ModelInfo = files.modelInfo ? await readModelInfo(files.modelInfo, ctx) : {};
  const occupationGroups = files.occupationGroups ? await readOccupationGroups(files.occupationGroups, files.fr.occupationGroups, ctx) : undefined;
  const occupations = await readOccupations(files.occupations, occupationGroups?.titles ?? new Map(), ctx);
  if (files.fr.occupations) await mergeFrenchOccupations(files.fr.occupations, occupations, files.occupations.name, ctx);
  const occupationLinks = files.occupationHierarchy ? await readOccupationHierarchy(files.occupationHierarchy, occupations, files.occupations.name, ctx) : [];

  const skillGroups: TabiyaSkillGroups = files.skillGroups
    ? await readSkillGroups(files.skillGroups, files.fr.skillGroups, ctx)
    : { groups: new Catalogue(), codes: new Map(), keys: new Map() };
  const skills = files.skills ? await readSkills(files.skills, files.fr.skills, ctx) : undefined;
  const hierarchy = new SkillHierarchy();
  if (files.skillHierarchy) {
    const names = { skills: TABIYA_FILES.skills, groups: TABIYA_FILES.skillGroups };
    await readSkillHierarchy(files.skillHierarchy, skillGroups, skills, hierarchy, names, ctx);
  }
  hierarchy.apply(skillGroups.groups.items, skills?.skills.items ?? [], skillGroups.codes);
  if (files.skillHierarchy) ctx.warnings.push(...hierarchy.warnings(files.skillHierarchy.name));

  let requirements: Requirement[] = [];
  let related: Relation[] = [];
  if (skills) {
    if (files.occupationSkillRelations) {
      const names = { occupations: files.occupations.name, skills: TABIYA_FILES.skills };
      requirements = await readOccupationSkillRelations(files.occupationSkillRelations, occupations, skills, names, ctx);
    }
    if (files.skillRelations) related = await readSkillSkillRelations(files.skillRelations, skills, TABIYA_FILES.skills, ctx);
  }

  let version = options.version ?? model.version ?? versionFromFolder(dir);
  if (version === undefined) {
    version = 'unknown';
    ctx.warnings.push(`${dir}: no version in model_info.csv or the folder name and none given; version set to "unknown"`);
  }
  const data: FrameworkData = {
    framework: escoMeta({
      id: options.id ?? TABIYA_DEFAULT_ID,
      name: `${model.name ?? 'ESCO'} (Tabiya CSV)`,
      version,
      kind: 'tabiya',
      release: model.name ?? (version === 'unknown' ? 'ESCO, Tabiya CSV export' : `ESCO v${version}, Tabiya CSV export`),
      locales: localesOf(occupations.occupations.items),
      description:
        model.description ??
        'ESCO occupations and skills from a Tabiya CSV export: essential skills as importance 1.0, optional as 0.5, one level (1.0) for all.',
    }),
    occupations: occupations.occupations.items,
    competencyGroups: skillGroups.groups.items,
    competencies: skills?.skills.items ?? [],
    requirements,
    relations: [...hierarchy.broaderRelations(), ...related],
    occupationLinks,
    crosswalks: [],
  };
  return {
    data: parseFramework(data, { requireRequirements: false }),
    warnings: [...ctx.warnings, ...ctx.skipped.warnings()],
    rowsRead: ctx.rowsRead,
  };
};
