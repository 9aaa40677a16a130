// The files of a Tabiya CSV export (documented by Tabiya's taxonomy-model-application,
// backend/Import_Export_CSV_format.md): nine CSV files, French ones in `fr/` with the same ids.
import type { SourceFile, SourceFolder } from '../esco/source-files.ts';

export const TABIYA_FILES = {
  modelInfo: 'model_info.csv',
  occupations: 'occupations.csv',
  occupationGroups: 'occupation_groups.csv',
  occupationHierarchy: 'occupation_hierarchy.csv',
  skills: 'skills.csv',
  skillGroups: 'skill_groups.csv',
  skillHierarchy: 'skill_hierarchy.csv',
  skillRelations: 'skill_to_skill_relations.csv',
  occupationSkillRelations: 'occupation_to_skill_relations.csv',
} as const;

type Key = keyof typeof TABIYA_FILES;
export type TabiyaFiles = { [K in Key]?: SourceFile } & {
  fr: { occupations?: SourceFile; occupationGroups?: SourceFile; skills?: SourceFile; skillGroups?: SourceFile };
};

export function locateTabiyaFiles(root: SourceFolder, fr: SourceFolder | undefined): TabiyaFiles {
  const files: TabiyaFiles = { fr: {} };
  for (const key of Object.keys(TABIYA_FILES) as Key[]) {
    const file = root.find(TABIYA_FILES[key]);
    if (file) files[key] = file;
  }
  // fr/model_info.csv is not read: the version comes from the base model, and Tabiya's own
  // French export of ESCO has a malformed row there (5 fields for a 7-column header).
  for (const key of ['occupations', 'occupationGroups', 'skills', 'skillGroups'] as const) {
    const file = fr?.find(TABIYA_FILES[key]);
    if (file) files.fr[key] = file;
  }
  return files;
}
