// DWA Reference.txt and IWA Reference.txt: the titles and the hierarchy of O*NET's work
// activities below the content model. Each generalized work activity (GWA, a content model
// element such as 4.A.2.a.4 "Analyzing Data or Information") has intermediate work activities
// (IWA, 4.A.2.a.4.I09), and each IWA has detailed work activities (DWA, 4.A.2.a.4.I09.D03).
// 29.2: 332 IWAs under 37 GWAs, 2,087 DWAs.
import { CellReader } from './cells.ts';
import type { ContentModel } from './content-model.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import { ONET_FILES } from './release-files.ts';

export interface WorkActivity {
  title: string;
  /** The generalized work activity (content model element) it sits under. */
  element: string;
}

export interface DetailedWorkActivity extends WorkActivity {
  iwa: string;
}

export interface WorkActivityReference {
  /** DWA ID -> title, IWA and GWA, in file order. */
  dwas: Map<string, DetailedWorkActivity>;
  /** IWA ID -> title and GWA, in file order; undefined when the release has no IWA Reference.txt. */
  iwas?: Map<string, WorkActivity>;
}

/**
 * Both references, or undefined when DWA Reference.txt is missing (the caller warns: the DWA
 * titles cannot be made up). Without IWA Reference.txt, a warning, and the DWAs keep their GWA.
 */
export async function readWorkActivityReference(context: ImportContext, model: ContentModel): Promise<WorkActivityReference | undefined> {
  const dwaFile = context.release.get(ONET_FILES.dwaReference);
  if (dwaFile === undefined) return undefined;

  let iwas: Map<string, WorkActivity> | undefined;
  const iwaFile = context.release.get(ONET_FILES.iwaReference);
  if (iwaFile === undefined) {
    context.warnings.push(`${ONET_FILES.iwaReference} not found: detailed work activities are grouped under their generalized work activity`);
  } else {
    iwas = new Map();
    const table = await openReleaseTable(context, iwaFile);
    const elementColumn = table.column('Element ID');
    const idColumn = table.column('IWA ID');
    const titleColumn = table.column('IWA Title');
    const cells = new CellReader(table);
    for await (const row of table.countedRows()) {
      const element = cells.required(row, elementColumn);
      if (!model.has(element)) throw cells.error(row, elementColumn, `unknown Element ID "${element}" (not in Content Model Reference.txt)`);
      const id = cells.required(row, idColumn);
      if (iwas.has(id)) throw cells.error(row, idColumn, `duplicate IWA ID "${id}"`);
      iwas.set(id, { title: cells.required(row, titleColumn), element });
    }
  }

  const dwas = new Map<string, DetailedWorkActivity>();
  const table = await openReleaseTable(context, dwaFile);
  const elementColumn = table.column('Element ID');
  const iwaColumn = table.column('IWA ID');
  const idColumn = table.column('DWA ID');
  const titleColumn = table.column('DWA Title');
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const element = cells.required(row, elementColumn);
    if (!model.has(element)) throw cells.error(row, elementColumn, `unknown Element ID "${element}" (not in Content Model Reference.txt)`);
    const iwa = cells.required(row, iwaColumn);
    if (iwas !== undefined && !iwas.has(iwa)) throw cells.error(row, iwaColumn, `unknown IWA ID "${iwa}" (not in ${ONET_FILES.iwaReference})`);
    const id = cells.required(row, idColumn);
    if (dwas.has(id)) throw cells.error(row, idColumn, `duplicate DWA ID "${id}"`);
    dwas.set(id, { title: cells.required(row, titleColumn), element, iwa });
  }
  return { dwas, ...(iwas !== undefined ? { iwas } : {}) };
}
