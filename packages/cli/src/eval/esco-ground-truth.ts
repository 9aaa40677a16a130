// The ESCO ground truths: O*NET's lists projected onto ESCO (esco-projection.ts) from the two
// crosswalk files, Nesta's (shared frameworks-data) and O*NET's 2010 -> 2019 (data/, SOURCE.md).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTable, readCrosswalk } from '@bridgework/importers';
import { escoOnetCodes, projectLists, type EscoCodes } from './esco-projection.ts';
import type { LoadedFramework } from './frameworks.ts';
import { byId, ratedIn, type GroundTruth } from './ground-truth.ts';

export const SOC_2010_TO_2019 = join(dirname(fileURLToPath(import.meta.url)), 'data/onet-soc-2010-to-2019.csv');
export const NESTA_CROSSWALK = (dataDir: string) => join(dataDir, 'onet-esco-crosswalk/esco_onet_crosswalk_Nov2020.csv');

/** O*NET-SOC 2010 code -> its O*NET-SOC 2019 codes. O(rows). */
export async function readSoc2010To2019(path: string = SOC_2010_TO_2019): Promise<Map<string, string[]>> {
  const table = await openTable(path, { delimiter: ',', quote: '"' });
  const from = table.column('O*NET-SOC 2010 Code');
  const to = table.column('O*NET-SOC 2019 Code');
  const map = new Map<string, string[]>();
  for await (const row of table.rows()) {
    const c2010 = row.get(from).trim();
    const list = map.get(c2010) ?? [];
    list.push(row.get(to).trim());
    map.set(c2010, list);
  }
  return map;
}

/** ESCO occupation id -> Nesta's O*NET-SOC 2010 codes, read by the crosswalk importer. */
export async function readNesta(path: string): Promise<Map<string, string[]>> {
  const { crosswalks } = await readCrosswalk(path, { fromFramework: 'esco', toFramework: 'onet' });
  const map = new Map<string, string[]>();
  for (const c of crosswalks) map.set(c.fromOccupation, [...(map.get(c.fromOccupation) ?? []), c.toOccupation]);
  return map;
}

/** C(e) for every ESCO occupation of the import. */
export async function escoCodes(esco: LoadedFramework, dataDir: string): Promise<EscoCodes> {
  const broader = new Map<string, string[]>();
  for (const link of esco.data.occupationLinks) {
    if (link.type === 'broader') broader.set(link.from, [...(broader.get(link.from) ?? []), link.to]);
  }
  return escoOnetCodes({
    occupations: esco.data.occupations.map((o) => o.id),
    broader,
    nesta: await readNesta(NESTA_CROSSWALK(dataDir)),
    soc2010to2019: await readSoc2010To2019(),
  });
}

export function escoGroundTruth(name: string, esco: LoadedFramework, codes: EscoCodes, lists: ReadonlyMap<string, ReadonlySet<string>>, listName: string): GroundTruth {
  const sources = projectLists(codes.codes, lists, ratedIn(esco.index)).sort(byId);
  const { direct, inherited, none, unknown2010 } = codes.counts;
  const undetermined = sources.reduce((sum, s) => sum + (s.undetermined?.size ?? 0), 0);
  return {
    name,
    framework: 'esco',
    sources,
    measures: ['precision@10', 'recall@20'],
    notes: [
      `${name}: ESCO occupations with O*NET codes: ${direct} from their own Nesta row, ${inherited} from the nearest broader occupation, ${none} without (undetermined)` +
        (unknown2010 > 0 ? `; ${unknown2010} Nesta codes not in the 2010 -> 2019 crosswalk` : ''),
      `${name}: ${sources.length} sources with a non-empty projection of ${listName}; mean ${(undetermined / Math.max(1, sources.length)).toFixed(1)} undetermined occupations removed per source`,
    ],
  };
}
