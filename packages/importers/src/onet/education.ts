// Education, Training, and Experience.txt -> entry.education and entry.trainingMonths. For each
// occupation the RL rows (Required Level of Education) give the percent of respondents naming
// each of 12 categories; the occupation's level is the median respondent's: the first category,
// in order, where the cumulative percent reaches 50 (an exact half lands on the lower category).
// The category's name is entry.education and its months (education-levels.ts) the training
// months, in place of the job zone's (job-zones.ts), since it is measured per occupation.
// Recommend Suppress = Y rows (29.2: 199 of 10,296 RL rows) are used: each is still a share of
// respondents, only a less precise one, and leaving it out would shift the median to the other
// categories. An occupation whose RL rows are all suppressed keeps the job zone's months.
// The other scales of the file (RW experience, PT and OJ training, IM) are not read.
import { CellReader } from './cells.ts';
import { EDUCATION_SCALE, readEducationLevels } from './education-levels.ts';
import { formatCount, openReleaseTable, sampleList, type ImportContext } from './import-context.ts';
import type { Occupations } from './occupation-data.ts';
import { ONET_FILES } from './release-files.ts';
import { UnknownCodes } from './unknown-codes.ts';

/** Percents are written with two decimals, so sums may miss 50 by a rounding error. */
const HALF = 50 - 1e-9;

interface Distribution {
  /** Percent per category, index = category - 1; NaN until its row is read. */
  percent: number[];
  lines: number[];
  rows: number;
  suppressed: number;
}

export async function readEducation(context: ImportContext, occupations: Occupations): Promise<void> {
  const file = context.release.get(ONET_FILES.education);
  if (file === undefined) {
    context.warnings.push(`${ONET_FILES.education} not found: occupations have no education level; training months come from the job zone`);
    return;
  }
  const levels = await readEducationLevels(context);
  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const scaleColumn = table.column('Scale ID');
  const categoryColumn = table.column('Category');
  const valueColumn = table.column('Data Value');
  const suppressColumn = table.find('Recommend Suppress');

  const distributions = new Map<string, Distribution>();
  const unknown = new UnknownCodes(file.name);
  let suppressedRows = 0;
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    if (cells.text(row, scaleColumn) !== EDUCATION_SCALE) continue;
    const code = cells.onetSocCode(row, codeColumn);
    const category = cells.integer(row, categoryColumn, 1, levels.length);
    const value = cells.number(row, valueColumn);
    if (value !== undefined && (value < 0 || value > 100)) {
      throw cells.error(row, valueColumn, `Data Value must be a percent from 0 to 100 on scale ${EDUCATION_SCALE}, found ${JSON.stringify(row.get(valueColumn))}`);
    }
    const suppressed = suppressColumn >= 0 && cells.flag(row, suppressColumn) === true;
    if (!occupations.has(code)) {
      unknown.add(code);
      continue;
    }
    // An empty share counts as no respondents, like a category without a row.
    if (value === undefined) continue;
    let distribution = distributions.get(code);
    if (distribution === undefined) {
      distribution = { percent: levels.map(() => Number.NaN), lines: levels.map(() => 0), rows: 0, suppressed: 0 };
      distributions.set(code, distribution);
    }
    if (!Number.isNaN(distribution.percent[category - 1]!)) {
      throw cells.error(row, categoryColumn, `duplicate ${EDUCATION_SCALE} Category ${category} for ${code} (first at line ${distribution.lines[category - 1]})`);
    }
    distribution.percent[category - 1] = value;
    distribution.lines[category - 1] = row.line;
    distribution.rows++;
    if (suppressed) {
      distribution.suppressed++;
      suppressedRows++;
    }
  }
  unknown.report(context);

  const allSuppressed: string[] = [];
  const underHalf: string[] = [];
  for (const [code, distribution] of distributions) {
    if (distribution.suppressed === distribution.rows) {
      allSuppressed.push(code);
      continue;
    }
    const median = medianCategory(distribution.percent);
    if (median === undefined) {
      underHalf.push(code);
      continue;
    }
    const level = levels[median - 1]!;
    occupations.get(code)!.education = { name: level.name, trainingMonths: level.trainingMonths };
  }

  const used = suppressedRows - allSuppressed.reduce((n, code) => n + distributions.get(code)!.suppressed, 0);
  if (used > 0) {
    context.warnings.push(
      `${file.name}: used ${formatCount(used)} Required Level of Education rows marked Recommend Suppress = Y: each is still a share of respondents, only a less precise one`,
    );
  }
  if (allSuppressed.length > 0) {
    context.warnings.push(
      `${file.name}: ${formatCount(allSuppressed.length)} occupation(s) with every Required Level of Education row suppressed keep the job zone's training months (${sampleList(allSuppressed)})`,
    );
  }
  if (underHalf.length > 0) {
    context.warnings.push(
      `${file.name}: ${formatCount(underHalf.length)} occupation(s) whose Required Level of Education percents add up to less than 50 have no education level (${sampleList(underHalf)})`,
    );
  }
}

/** The first category (1-based) where the cumulative percent reaches 50; categories without a row count 0. */
export function medianCategory(percent: readonly number[]): number | undefined {
  let cumulative = 0;
  for (let i = 0; i < percent.length; i++) {
    const p = percent[i]!;
    if (!Number.isNaN(p)) cumulative += p;
    if (cumulative >= HALF) return i + 1;
  }
  return undefined;
}
