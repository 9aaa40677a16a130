// The files of ESCO's official CSV download and where each language's set lives. English is
// the base (`*_en.csv`); French (`*_fr.csv`) may sit beside it or in `fr/`. The relation files
// carry no language suffix in v1.1.1 and `_en` in later releases: both are accepted.
import type { SourceFile, SourceFolder } from './source-files.ts';

export interface EscoFiles {
  occupations?: SourceFile;
  skills?: SourceFile;
  iscoGroups?: SourceFile;
  skillGroups?: SourceFile;
  skillsHierarchy?: SourceFile;
  occupationSkillRelations?: SourceFile;
  skillSkillRelations?: SourceFile;
  broaderOccupations?: SourceFile;
  broaderSkills?: SourceFile;
  fr: {
    occupations?: SourceFile;
    skills?: SourceFile;
    iscoGroups?: SourceFile;
    skillGroups?: SourceFile;
    skillsHierarchy?: SourceFile;
  };
}

export const OCCUPATIONS_FILE = 'occupations_en.csv';

export function locateEscoFiles(root: SourceFolder, fr: SourceFolder | undefined): EscoFiles {
  const relation = (name: string) => root.find(`${name}.csv`, `${name}_en.csv`);
  const french = (name: string) => fr?.find(`${name}_fr.csv`) ?? root.find(`${name}_fr.csv`);
  return {
    occupations: root.find(OCCUPATIONS_FILE),
    skills: root.find('skills_en.csv'),
    iscoGroups: root.find('ISCOGroups_en.csv'),
    skillGroups: root.find('skillGroups_en.csv'),
    skillsHierarchy: root.find('skillsHierarchy_en.csv'),
    occupationSkillRelations: relation('occupationSkillRelations'),
    skillSkillRelations: relation('skillSkillRelations'),
    broaderOccupations: relation('broaderRelationsOccPillar'),
    broaderSkills: relation('broaderRelationsSkillPillar'),
    fr: {
      occupations: french('occupations'),
      skills: french('skills'),
      iscoGroups: french('ISCOGroups'),
      skillGroups: french('skillGroups'),
      skillsHierarchy: french('skillsHierarchy'),
    },
  };
}

/** What is lost when an optional file is absent, for the warning. */
export const OPTIONAL_FILES: readonly { key: Exclude<keyof EscoFiles, 'fr' | 'occupations'>; name: string; loss: string }[] = [
  { key: 'skills', name: 'skills_en.csv', loss: 'no competencies and no requirements' },
  { key: 'occupationSkillRelations', name: 'occupationSkillRelations.csv', loss: 'no requirements (occupations have no essential or optional skills)' },
  { key: 'iscoGroups', name: 'ISCOGroups_en.csv', loss: 'occupations have no ISCO field path' },
  { key: 'skillGroups', name: 'skillGroups_en.csv', loss: 'no competency groups' },
  { key: 'broaderSkills', name: 'broaderRelationsSkillPillar.csv', loss: 'skills have no group and no broader skill' },
  { key: 'broaderOccupations', name: 'broaderRelationsOccPillar.csv', loss: 'no broader-occupation links' },
  { key: 'skillSkillRelations', name: 'skillSkillRelations.csv', loss: 'no related-skill relations' },
  { key: 'skillsHierarchy', name: 'skillsHierarchy_en.csv', loss: 'skill groups missing from skillGroups_en.csv stay unknown' },
];
