// Task Statements.txt -> which of an occupation's tasks are Core. O*NET calls a task Core when
// incumbents rate it relevant and important to the occupation (relevance >= 67%, importance >= 3),
// Supplemental otherwise; analyst-written tasks have no type (n/a). Only the type is needed here:
// it weights the detailed work activities the task links to (detailed-work-activities.ts).
import { CellReader } from './cells.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import { ONET_FILES } from './release-files.ts';

/** `code\ttask id` -> true for a Core task, false for a Supplemental or untyped one. */
export type TaskTypes = Map<string, boolean>;

export function taskKey(code: string, taskId: string): string {
  return `${code}\t${taskId}`;
}

/** The task types, or undefined when the release has no Task Statements.txt. O(rows). */
export async function readTaskTypes(context: ImportContext): Promise<TaskTypes | undefined> {
  const file = context.release.get(ONET_FILES.taskStatements);
  if (file === undefined) return undefined;
  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const taskColumn = table.column('Task ID');
  const typeColumn = table.column('Task Type');
  const types: TaskTypes = new Map();
  const cells = new CellReader(table);
  // Rows of codes missing from Occupation Data are kept: they are only looked up, from the task
  // links, and Tasks to DWAs.txt already reports those codes.
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    const task = cells.required(row, taskColumn);
    const type = cells.text(row, typeColumn);
    if (type !== undefined && type !== 'Core' && type !== 'Supplemental') {
      throw cells.error(row, typeColumn, `Task Type must be Core, Supplemental or n/a, found ${JSON.stringify(row.get(typeColumn))}`);
    }
    const key = taskKey(code, task);
    if (types.has(key)) throw cells.error(row, taskColumn, `duplicate Task ID ${task} of ${code}`);
    types.set(key, type === 'Core');
  }
  return types;
}
