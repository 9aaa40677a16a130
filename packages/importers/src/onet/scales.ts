// O*NET rating scales (Scales Reference.txt): each Scale ID with its minimum and maximum, which
// turn raw ratings into [0,1]. The scales requirements use are fixed by the O*NET content model,
// so they have built-in ranges for releases copied without the reference file.
import { BridgeworkError } from '@bridgework/core';
import { CellReader } from './cells.ts';
import { formatCount, openReleaseTable, type ImportContext } from './import-context.ts';
import { ONET_FILES } from './release-files.ts';

export interface Scale {
  id: string;
  minimum: number;
  maximum: number;
}

/** IM: importance 1 (not important) to 5 (extremely important). LV: level 0 to 7. */
export const IMPORTANCE_SCALE = 'IM';
export const LEVEL_SCALE = 'LV';
/** OI: occupational interest (RIASEC), 1 (not at all like the occupation) to 7. */
export const INTEREST_SCALE = 'OI';

const BUILT_IN: readonly Scale[] = [
  { id: IMPORTANCE_SCALE, minimum: 1, maximum: 5 },
  { id: LEVEL_SCALE, minimum: 0, maximum: 7 },
  { id: INTEREST_SCALE, minimum: 1, maximum: 7 },
];
/** The Skills-layout ratings need these two; a reference file without them is broken. */
const REQUIRED = [IMPORTANCE_SCALE, LEVEL_SCALE] as const;

/** Where a raw rating sits between the scale's minimum and maximum: IM (v-1)/4, LV v/7. */
export function normalize(value: number, scale: Scale): number {
  return (value - scale.minimum) / (scale.maximum - scale.minimum);
}

export async function readScales(context: ImportContext): Promise<Map<string, Scale>> {
  const scales = new Map<string, Scale>();
  const file = context.release.get(ONET_FILES.scales);
  if (file === undefined) {
    for (const scale of BUILT_IN) scales.set(scale.id, scale);
    context.warnings.push(
      `${ONET_FILES.scales} not found: using the O*NET ranges IM 1-5, LV 0-7 and OI 1-7, and any other Scale ID in a rating file is an error`,
    );
    return scales;
  }

  const table = await openReleaseTable(context, file);
  const idColumn = table.column('Scale ID');
  const minColumn = table.column('Minimum');
  const maxColumn = table.column('Maximum');
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const id = cells.required(row, idColumn);
    const minimum = cells.number(row, minColumn);
    const maximum = cells.number(row, maxColumn);
    if (minimum === undefined) throw cells.error(row, minColumn, 'Minimum must not be empty');
    if (maximum === undefined || !(maximum > minimum)) {
      throw cells.error(row, maxColumn, `Maximum must be a number above the Minimum (${minimum}), found ${JSON.stringify(row.get(maxColumn))}`);
    }
    if (scales.has(id)) throw cells.error(row, idColumn, `duplicate Scale ID "${id}"`);
    scales.set(id, { id, minimum, maximum });
  }
  for (const id of REQUIRED) {
    if (!scales.has(id)) {
      const message = `no Scale ID "${id}" among its ${formatCount(scales.size)} scales (ratings need IM and LV)`;
      throw new BridgeworkError('import.invalid_file', `${file.name}: ${message}`, [{ where: file.name, message }]);
    }
  }
  return scales;
}
