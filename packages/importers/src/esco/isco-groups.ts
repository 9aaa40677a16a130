// ISCOGroups_<lang>.csv -> titles of the ISCO-08 groups by code (1 to 4 digits), for the
// occupations' field paths. French titles are merged by code.
import type { FieldGroups } from './field-path.ts';
import type { ReadContext } from './read-context.ts';
import { openCsv, type SourceFile } from './source-files.ts';
import { cleanText } from './labels.ts';
import { requiredText, unexpectedValue } from './row-values.ts';

const ISCO_CODE = /^\d{1,4}$/;

export async function readIscoGroups(en: SourceFile, fr: SourceFile | undefined, ctx: ReadContext): Promise<FieldGroups> {
  const groups: FieldGroups = new Map();
  const table = await openCsv(en, ctx.onProgress);
  const codeColumn = table.column('code');
  const labelColumn = table.column('preferredLabel');
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    const code = row.get(codeColumn).trim();
    if (!ISCO_CODE.test(code)) throw unexpectedValue(table, row, codeColumn, 'an ISCO-08 group code of 1 to 4 digits');
    groups.set(code, { en: requiredText(table, row, labelColumn) });
  }
  ctx.rowsRead[en.name] = rows;

  if (fr) {
    const frTable = await openCsv(fr, ctx.onProgress);
    const frCode = frTable.column('code');
    const frLabel = frTable.column('preferredLabel');
    let frRows = 0;
    for await (const row of frTable.rows()) {
      frRows++;
      const code = row.get(frCode).trim();
      const title = groups.get(code);
      const label = cleanText(row.get(frLabel));
      if (title === undefined) ctx.skipped.add(fr.name, `ISCO group not in ${en.name}`, row.line, code);
      else if (label !== undefined) title.fr = label;
    }
    ctx.rowsRead[fr.name] = frRows;
  }
  return groups;
}
