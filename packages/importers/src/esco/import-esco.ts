// The official ESCO CSV download (one file set per language) -> the core model. English is
// the base; French occupations, ISCO groups and skill groups (and skills, where a release has
// them) are merged by concept URI. Every file is streamed; a structural error stops the
// import with file:line:column; rows naming concepts the release does not hold are skipped
// and counted in the warnings.
import { BridgeworkError, parseFramework, type Competency, type FrameworkData } from '@bridgework/core';
import type { Importer } from '../import-result.ts';
import { readOccupationPillar, readSkillPillar } from './broader-relations.ts';
import { Catalogue } from './catalogue.ts';
import { locateEscoFiles, OCCUPATIONS_FILE, OPTIONAL_FILES } from './esco-files.ts';
import type { FieldGroups } from './field-path.ts';
import { escoMeta, localesOf, versionFromFolder } from './framework-meta.ts';
import { readIscoGroups } from './isco-groups.ts';
import { readOccupationSkillRelations } from './occupation-skill-relations.ts';
import { mergeFrenchOccupations, readOccupations } from './occupations.ts';
import { readContext } from './read-context.ts';
import { readSkillGroups, readSkillsHierarchy, type SkillGroups } from './skill-groups.ts';
import { SkillHierarchy } from './skill-hierarchy.ts';
import { readSkillSkillRelations } from './skill-skill-relations.ts';
import { mergeFrenchSkills, readSkills } from './skills.ts';
import { missingFile, SourceFolder } from './source-files.ts';

export const ESCO_DEFAULT_ID = 'esco';

export const importEsco: Importer = async (dir, options = {}) => {
  const root = await SourceFolder.open(dir);
  if (root === undefined) {
    throw new BridgeworkError('import.missing_file', `${dir}: no such folder (expected ESCO's CSV download)`, [{ where: dir, message: 'no such folder' }]);
  }
  const files = locateEscoFiles(root, await SourceFolder.open(dir, 'fr'));
  if (files.occupations === undefined) throw missingFile(OCCUPATIONS_FILE, dir, "the occupations of ESCO's CSV download");
  const ctx = readContext(options.onProgress);
  for (const optional of OPTIONAL_FILES) {
    if (files[optional.key] === undefined) ctx.warnings.push(`${optional.name} not found in ${dir}: ${optional.loss}`);
  }

  const fieldGroups: FieldGroups = files.iscoGroups ? await readIscoGroups(files.iscoGroups, files.fr.iscoGroups, ctx) : new Map();
  const occupations = await readOccupations(files.occupations, fieldGroups, ctx);
  if (files.fr.occupations) await mergeFrenchOccupations(files.fr.occupations, occupations, files.occupations.name, ctx);

  const hierarchy = new SkillHierarchy();
  const skillGroups: SkillGroups = files.skillGroups
    ? await readSkillGroups(files.skillGroups, files.fr.skillGroups, ctx)
    : { groups: new Catalogue(), codes: new Map() };
  if (files.skillsHierarchy) {
    await readSkillsHierarchy(files.skillsHierarchy, skillGroups, hierarchy, ctx);
    if (files.fr.skillsHierarchy) await readSkillsHierarchy(files.fr.skillsHierarchy, skillGroups, hierarchy, ctx, true);
  }
  const skills = files.skills ? await readSkills(files.skills, ctx) : new Catalogue<Competency>();
  if (files.skills && files.fr.skills) await mergeFrenchSkills(files.fr.skills, skills, files.skills.name, ctx);
  const skillsName = files.skills?.name ?? 'skills_en.csv';
  if (files.broaderSkills) {
    const groupsName = files.skillGroups?.name ?? 'skillGroups_en.csv';
    await readSkillPillar(files.broaderSkills, skills, skillGroups.groups, hierarchy, { skills: skillsName, groups: groupsName }, ctx);
  }
  hierarchy.apply(skillGroups.groups.items, skills.items, skillGroups.codes);
  if (files.broaderSkills) ctx.warnings.push(...hierarchy.warnings(files.broaderSkills.name));

  const occupationLinks = files.broaderOccupations ? await readOccupationPillar(files.broaderOccupations, occupations, files.occupations.name, ctx) : [];
  const names = { occupations: files.occupations.name, skills: skillsName };
  const requirements =
    files.occupationSkillRelations && files.skills
      ? await readOccupationSkillRelations(files.occupationSkillRelations, occupations, skills, names, ctx)
      : [];
  const related = files.skillSkillRelations && files.skills ? await readSkillSkillRelations(files.skillSkillRelations, skills, skillsName, ctx) : [];

  let version = options.version ?? versionFromFolder(dir);
  if (version === undefined) {
    version = 'unknown';
    ctx.warnings.push(`${dir}: no version in the folder name (e.g. esco-1.1.1) and none given; version set to "unknown"`);
  }
  const data: FrameworkData = {
    framework: escoMeta({
      id: options.id ?? ESCO_DEFAULT_ID,
      name: 'ESCO (European Skills, Competences, Qualifications and Occupations)',
      version,
      kind: 'esco',
      release: `ESCO v${version}, CSV download`,
      locales: localesOf(occupations.items),
      description:
        'ESCO occupations and skills: essential skills as importance 1.0, optional as 0.5, one level (1.0) for all, since ESCO has no proficiency levels.',
    }),
    occupations: occupations.items,
    competencyGroups: skillGroups.groups.items,
    competencies: skills.items,
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
