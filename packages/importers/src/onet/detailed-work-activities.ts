// Tasks to DWAs.txt -> the detailed work activities (DWAs) of each occupation, through its tasks.
// Each DWA linked to an occupation becomes a competency (id = DWA ID, kind work-activity) in the
// group of its IWA, under its GWA; each (occupation, DWA) pair one requirement:
//   importance 1.0 when at least one of the occupation's Core tasks links to the DWA, else 0.5
//   (only Supplemental or untyped tasks do); level 1.0; never essential.
// DWAs are unrated, like ESCO's skill lists: O*NET says which activities an occupation performs,
// not how well, so the level is the full activity and only the task type (Core tasks are the ones
// incumbents rate relevant and important) tells the weight. Reuse is cross-sector: a DWA names a
// concrete activity ("Administer intravenous medications") shared by a few related occupations
// (8.6 on average in 29.2), so unlike a GWA such as Getting Information it says something about
// the field. They make occupations without Skills ratings rankable (onet-29: 44 of 923).
import type { Competency, CompetencyGroup, Requirement } from '@bridgework/core';
import { CellReader } from './cells.ts';
import type { ContentModel } from './content-model.ts';
import { ancestorsOf } from './element-branches.ts';
import { formatCount, openReleaseTable, type ImportContext } from './import-context.ts';
import type { Occupations } from './occupation-data.ts';
import { ONET_FILES } from './release-files.ts';
import { readWorkActivityReference, type WorkActivityReference } from './dwa-reference.ts';
import { readTaskTypes, taskKey } from './task-statements.ts';
import { UnknownCodes } from './unknown-codes.ts';

export const CORE_TASK_IMPORTANCE = 1;
export const SUPPLEMENTAL_TASK_IMPORTANCE = 0.5;
export const WORK_ACTIVITY_LEVEL = 1;

export interface WorkActivitiesRead {
  requirements: Requirement[];
  /** The references, with the DWAs and IWAs some known occupation links to. */
  reference?: WorkActivityReference;
  usedDwas: Set<string>;
  /** GWAs of the linked DWAs: content model elements that must exist as groups. */
  elements: Set<string>;
}

/** O(rows of the four files). Holds one record per reference row and per (occupation, DWA). */
export async function readDetailedWorkActivities(context: ImportContext, occupations: Occupations, model: ContentModel): Promise<WorkActivitiesRead> {
  const none: WorkActivitiesRead = { requirements: [], usedDwas: new Set(), elements: new Set() };
  const file = context.release.get(ONET_FILES.tasksToDwas);
  if (file === undefined) {
    context.warnings.push(`${ONET_FILES.tasksToDwas} not found: no detailed work activities`);
    return none;
  }
  const reference = await readWorkActivityReference(context, model);
  if (reference === undefined) {
    context.warnings.push(`${ONET_FILES.dwaReference} not found: no detailed work activities (${file.name} gives only their ids; the titles are in ${ONET_FILES.dwaReference})`);
    return none;
  }
  const taskTypes = await readTaskTypes(context);
  if (taskTypes === undefined) {
    context.warnings.push(
      `${ONET_FILES.taskStatements} not found: task types are unknown, so every detailed work activity of an occupation gets importance ${CORE_TASK_IMPORTANCE}, as if a Core task linked to it`,
    );
  }

  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const taskColumn = table.column('Task ID');
  const dwaColumn = table.column('DWA ID');
  /** `code\tDWA ID` -> whether a Core task links them, in first-link order. */
  const links = new Map<string, boolean>();
  const unknown = new UnknownCodes(file.name);
  let untypedTasks = 0;
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    const task = cells.required(row, taskColumn);
    const dwa = cells.required(row, dwaColumn);
    if (!reference.dwas.has(dwa)) throw cells.error(row, dwaColumn, `unknown DWA ID "${dwa}" (not in ${ONET_FILES.dwaReference})`);
    if (!occupations.has(code)) {
      unknown.add(code);
      continue;
    }
    let core = true;
    if (taskTypes !== undefined) {
      const type = taskTypes.get(taskKey(code, task));
      if (type === undefined) untypedTasks++;
      core = type === true;
    }
    const key = `${code}\t${dwa}`;
    links.set(key, (links.get(key) ?? false) || core);
  }
  unknown.report(context, 'task links');
  if (untypedTasks > 0) {
    context.warnings.push(
      `${file.name}: ${formatCount(untypedTasks)} task links name a task not in ${ONET_FILES.taskStatements} for that occupation: counted as links of an untyped task (importance ${SUPPLEMENTAL_TASK_IMPORTANCE})`,
    );
  }

  const requirements: Requirement[] = [];
  const usedDwas = new Set<string>();
  const elements = new Set<string>();
  for (const [key, core] of links) {
    const [occupation, dwa] = key.split('\t') as [string, string];
    usedDwas.add(dwa);
    elements.add(reference.dwas.get(dwa)!.element);
    requirements.push({
      occupation,
      competency: dwa,
      importance: core ? CORE_TASK_IMPORTANCE : SUPPLEMENTAL_TASK_IMPORTANCE,
      level: WORK_ACTIVITY_LEVEL,
      essential: false,
      source: taskTypes !== undefined ? { scale: 'onet', relation: core ? 'core-task' : 'supplemental-task' } : { scale: 'onet' },
    });
  }
  return { requirements, reference, usedDwas, elements };
}

/**
 * The IWA groups and DWA competencies of the linked DWAs, in reference order. `groupIds` are the
 * content model groups already made (the DWAs' GWAs among them, see competenciesOf): an IWA's
 * parent is its GWA, or the GWA's nearest group when the release rates the GWA itself
 * (Work Activities.txt), since a rated element is a competency and cannot also be a group.
 */
export function workActivityCompetencies(read: WorkActivitiesRead, groupIds: ReadonlySet<string>): { groups: CompetencyGroup[]; competencies: Competency[] } {
  const { reference, usedDwas } = read;
  if (reference === undefined) return { groups: [], competencies: [] };
  const nearestGroup = (element: string) => [element, ...ancestorsOf(element)].find((id) => groupIds.has(id));
  const usedIwas = new Set([...usedDwas].map((dwa) => reference.dwas.get(dwa)!.iwa));

  const groups: CompetencyGroup[] = [];
  for (const [id, iwa] of reference.iwas ?? []) {
    if (!usedIwas.has(id)) continue;
    const parent = nearestGroup(iwa.element);
    groups.push({ id, label: { en: iwa.title }, ...(parent !== undefined ? { parent } : {}) });
  }
  const competencies: Competency[] = [];
  for (const [id, dwa] of reference.dwas) {
    if (!usedDwas.has(id)) continue;
    const group = reference.iwas !== undefined ? dwa.iwa : nearestGroup(dwa.element);
    competencies.push({
      id,
      label: { en: dwa.title },
      kind: 'work-activity',
      ...(group !== undefined ? { group } : {}),
      reuse: 'cross-sector',
      externalId: id,
    });
  }
  return { groups, competencies };
}
