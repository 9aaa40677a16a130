// Alternate Titles.txt and Sample of Reported Titles.txt -> occupation alternateTitles.en.
// Alternate titles (with their short forms such as "RN") come first, then the titles incumbents
// reported; a title already listed, in any case or spacing, or equal to the preferred title is
// not repeated. Both help a person find their occupation by the name they know it by.
import { CellReader } from './cells.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import { addAlternateTitle, type Occupations } from './occupation-data.ts';
import { ONET_FILES } from './release-files.ts';
import { UnknownCodes } from './unknown-codes.ts';

export async function readTitles(context: ImportContext, occupations: Occupations): Promise<void> {
  await readTitleFile(context, occupations, ONET_FILES.alternateTitles, ['Alternate Title'], ['Short Title']);
  await readTitleFile(context, occupations, ONET_FILES.reportedTitles, ['Reported Job Title'], []);
}

async function readTitleFile(
  context: ImportContext,
  occupations: Occupations,
  name: string,
  titleColumns: string[],
  optionalColumns: string[],
): Promise<void> {
  const file = context.release.get(name);
  if (file === undefined) {
    context.warnings.push(`${name} not found: occupations get no titles from it`);
    return;
  }
  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const required = titleColumns.map((c) => table.column(c));
  const optional = optionalColumns.map((c) => table.find(c)).filter((i) => i >= 0);
  const unknown = new UnknownCodes(name);
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    const occupation = occupations.get(code);
    if (occupation === undefined) {
      unknown.add(code);
      continue;
    }
    for (const column of required) addAlternateTitle(occupation, cells.required(row, column));
    for (const column of optional) {
      const title = cells.text(row, column);
      if (title !== undefined) addAlternateTitle(occupation, title);
    }
  }
  unknown.report(context);
}
