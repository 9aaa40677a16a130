// The O*NET Content Model Reference: every element id (an outline position such as 2.A.1.a)
// with its name and description. Rated elements become competencies whose id is the element id;
// their ancestors in the outline become the competency groups.
import type { Competency, CompetencyGroup } from '@bridgework/core';
import { CellReader } from './cells.ts';
import { ancestorsOf, branchOf } from './element-branches.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import { ONET_FILES } from './release-files.ts';

export interface ContentElement {
  id: string;
  name: string;
  description?: string;
}

/** Elements in file order (the outline order), so output order follows the content model. */
export type ContentModel = Map<string, ContentElement>;

export async function readContentModel(context: ImportContext): Promise<ContentModel> {
  const model: ContentModel = new Map();
  const table = await openReleaseTable(context, context.release.get(ONET_FILES.contentModel)!);
  const idColumn = table.column('Element ID');
  const nameColumn = table.column('Element Name');
  const descriptionColumn = table.find('Description');
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const id = cells.required(row, idColumn);
    if (!/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/.test(id)) {
      throw cells.error(row, idColumn, `Element ID must be a dotted outline position like 2.A.1.a, found ${JSON.stringify(id)}`);
    }
    if (model.has(id)) throw cells.error(row, idColumn, `duplicate Element ID "${id}"`);
    const description = descriptionColumn >= 0 ? cells.text(row, descriptionColumn) : undefined;
    model.set(id, { id, name: cells.required(row, nameColumn), ...(description !== undefined ? { description } : {}) });
  }
  return model;
}

/**
 * Competencies for the rated elements and groups for all their ancestors present in the
 * reference, both in outline order. `grouping` are elements that hold competencies from
 * elsewhere (the generalized work activities above the detailed ones): they and their
 * ancestors become groups too. A group's parent is its nearest ancestor in the reference (an
 * element that is itself rated stays a competency and is skipped as a group).
 * O(elements * depth).
 */
export function competenciesOf(
  model: ContentModel,
  rated: ReadonlySet<string>,
  grouping: ReadonlySet<string> = new Set(),
): { competencies: Competency[]; groups: CompetencyGroup[] } {
  const groupIds = new Set<string>();
  for (const id of grouping) if (model.has(id) && !rated.has(id)) groupIds.add(id);
  for (const id of [...rated, ...grouping]) {
    for (const ancestor of ancestorsOf(id)) if (model.has(ancestor) && !rated.has(ancestor)) groupIds.add(ancestor);
  }

  const competencies: Competency[] = [];
  const groups: CompetencyGroup[] = [];
  const nearestAncestor = (id: string) => ancestorsOf(id).find((a) => groupIds.has(a));
  for (const element of model.values()) {
    const description = describe(element);
    if (rated.has(element.id)) {
      const branch = branchOf(element.id)!;
      const group = nearestAncestor(element.id);
      competencies.push({
        id: element.id,
        label: { en: element.name },
        ...(description ? { description } : {}),
        kind: branch.kind,
        ...(group !== undefined ? { group } : {}),
        reuse: branch.reuse,
        externalId: element.id,
      });
    } else if (groupIds.has(element.id)) {
      const parent = nearestAncestor(element.id);
      groups.push({
        id: element.id,
        label: { en: element.name },
        ...(parent !== undefined ? { parent } : {}),
        ...(description ? { description } : {}),
      });
    }
  }
  return { competencies, groups };
}

/** Top-level elements repeat their name as description; that says nothing, so it is left out. */
function describe(element: ContentElement): { en: string } | undefined {
  return element.description !== undefined && element.description !== element.name ? { en: element.description } : undefined;
}
