// O*NET's 12 Required Level of Education categories (scale RL, element 2.D.1) and the typical
// months of education beyond secondary school each stands for, which become entry.trainingMonths.
// The names come from Education, Training, and Experience Categories.txt (the part of the
// Category Description before " - "); the months are ours, from the descriptions and the usual
// length of US programmes, a year counted as 12 months as job-zones.ts does:
//    1 Less than a High School Diploma     0  nothing beyond secondary school
//    2 High School Diploma (or GED)        0  idem
//    3 Post-Secondary Certificate         12  "training completed after high school" in a trade or
//                                             a health field: programmes of a few months to two
//                                             years, about one year typically
//    4 Some College Courses               12  college study short of a degree, i.e. of the 24
//                                             months of an associate's: about a year
//    5 Associate's Degree                 24  "2-year degree"
//    6 Bachelor's Degree                  48  four years
//    7 Post-Baccalaureate Certificate     60  a bachelor's and a programme short of a master's:
//                                             about one more year
//    8 Master's Degree                    72  a bachelor's and two years
//    9 Post-Master's Certificate          84  a master's and about one more year
//   10 First Professional Degree          96  the description asks at least 2 years of college
//                                             before entry and at least 6 academic years in all
//                                             (72 months); most such degrees follow a bachelor's
//                                             (law 3 years, 84; medicine, dentistry, veterinary
//                                             medicine, optometry 4 years, 96): the 8-year case
//   11 Doctoral Degree                   108  a bachelor's and about five years of doctoral study
//   12 Post-Doctoral Training            132  a doctorate and two years of post-doctoral training
// The months are tied to the category numbers, so a Categories file naming a category otherwise
// (a renumbered future release) is an error rather than months silently given to the wrong level.
import { CellReader } from './cells.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import { ONET_FILES } from './release-files.ts';

export interface EducationLevel {
  category: number;
  name: string;
  trainingMonths: number;
}

/** Scale and element of the Required Level of Education rows. */
export const EDUCATION_SCALE = 'RL';

export const EDUCATION_LEVELS: readonly EducationLevel[] = [
  { category: 1, name: 'Less than a High School Diploma', trainingMonths: 0 },
  { category: 2, name: 'High School Diploma', trainingMonths: 0 },
  { category: 3, name: 'Post-Secondary Certificate', trainingMonths: 12 },
  { category: 4, name: 'Some College Courses', trainingMonths: 12 },
  { category: 5, name: "Associate's Degree", trainingMonths: 24 },
  { category: 6, name: "Bachelor's Degree", trainingMonths: 48 },
  { category: 7, name: 'Post-Baccalaureate Certificate', trainingMonths: 60 },
  { category: 8, name: "Master's Degree", trainingMonths: 72 },
  { category: 9, name: "Post-Master's Certificate", trainingMonths: 84 },
  { category: 10, name: 'First Professional Degree', trainingMonths: 96 },
  { category: 11, name: 'Doctoral Degree', trainingMonths: 108 },
  { category: 12, name: 'Post-Doctoral Training', trainingMonths: 132 },
];

/**
 * The 12 levels with the names the Categories file gives them, or the built-in names (and a
 * warning) when the release lacks that file. Rows of other scales (RW, PT, OJ) are skipped.
 */
export async function readEducationLevels(context: ImportContext): Promise<EducationLevel[]> {
  const levels = EDUCATION_LEVELS.map((level) => ({ ...level }));
  const file = context.release.get(ONET_FILES.educationCategories);
  if (file === undefined) {
    context.warnings.push(`${ONET_FILES.educationCategories} not found: education levels carry O*NET's category names as this importer knows them`);
    return levels;
  }
  const table = await openReleaseTable(context, file);
  const scaleColumn = table.column('Scale ID');
  const categoryColumn = table.column('Category');
  const descriptionColumn = table.column('Category Description');
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    if (cells.text(row, scaleColumn) !== EDUCATION_SCALE) continue;
    const level = levels[cells.integer(row, categoryColumn, 1, levels.length) - 1]!;
    const name = cells.required(row, descriptionColumn).split(' - ')[0]!.trim();
    if (!name.toLowerCase().startsWith(level.name.toLowerCase())) {
      throw cells.error(
        row,
        descriptionColumn,
        `${EDUCATION_SCALE} category ${level.category} must be ${JSON.stringify(level.name)} (the months this importer assigns follow O*NET's 12 categories), found ${JSON.stringify(name)}`,
      );
    }
    level.name = name;
  }
  return levels;
}
