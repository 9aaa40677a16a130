// requirements.csv: the native format's requirements as one row each, for generated frameworks
// too large to read quickly as YAML (the Canadian catalogue's 166,000 OaSIS ratings parse in about
// 12 s as YAML and well under a second as CSV). Same schema, same `file:line` errors.
import { Requirement, describeZodIssue } from '@bridgework/core';
import { openTable } from '../text/table-reader.ts';

export const REQUIREMENTS_CSV = 'requirements.csv';

/** Columns in order; the last four are optional (empty: not given). */
export const REQUIREMENTS_CSV_COLUMNS = ['occupation', 'competency', 'importance', 'level', 'essential', 'scale', 'rawImportance', 'rawLevel', 'relation'] as const;

export interface RequirementsCsv {
  requirements: Requirement[];
  /** Line of each requirement, for errors found across files. */
  lines: number[];
  errors: { line: number; message: string }[];
}

/** O(rows). Syntax errors (quoting, field counts) throw with file:line; value errors are collected. */
export async function readRequirementsCsv(file: string): Promise<RequirementsCsv> {
  const table = await openTable(file, { delimiter: ',', quote: '"' });
  const at = REQUIREMENTS_CSV_COLUMNS.map((name, i) => (i < 4 ? table.column(name) : table.find(name)));
  const requirements: Requirement[] = [];
  const lines: number[] = [];
  const errors: RequirementsCsv['errors'] = [];
  for await (const row of table.rows()) {
    const value = (i: number) => (at[i]! < 0 ? '' : row.get(at[i]!).trim());
    const number = (text: string) => (text === '' ? undefined : Number(text));
    const scale = value(5);
    const source =
      scale === ''
        ? undefined
        : {
            scale,
            ...(value(6) !== '' ? { importance: number(value(6)) } : {}),
            ...(value(7) !== '' ? { level: number(value(7)) } : {}),
            ...(value(8) !== '' ? { relation: value(8) } : {}),
          };
    const essential = value(4);
    const parsed = Requirement.safeParse({
      occupation: value(0),
      competency: value(1),
      importance: number(value(2)),
      level: number(value(3)),
      essential: essential === '' ? false : essential === 'true' ? true : essential === 'false' ? false : essential,
      ...(source ? { source } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line: row.line, message: `${issue.path.join('.')} ${describeZodIssue(issue)}` });
      continue;
    }
    requirements.push(parsed.data);
    lines.push(row.line);
  }
  return { requirements, lines, errors };
}

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
function field(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's text for these requirements, header first, in the order given. */
export function requirementsCsvText(requirements: readonly Requirement[]): string {
  const rows = [REQUIREMENTS_CSV_COLUMNS.join(',')];
  for (const r of requirements) {
    rows.push(
      [r.occupation, r.competency, r.importance, r.level, r.essential ? 'true' : '', r.source?.scale, r.source?.importance, r.source?.level, r.source?.relation]
        .map(field)
        .join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
