// The occupation hierarchy -> fieldPath [major, minor, broad, detailed], broadest first. Read
// from SOC Structure.csv (O*NET's SOC / O*NET-SOC 2019 structure: one row per major, minor, broad
// and detailed group, each in its own column) when the release has it; otherwise the major
// group comes from the code's first two digits and the 2018 SOC titles, with no deeper levels.
// All four levels are kept because scoring reads how much of the path two occupations share:
// 29-1141.01 Acute Care Nurses sits closer to 29-1141.00 Registered Nurses (same detailed SOC
// occupation) than to 29-1171.00 Nurse Practitioners (same minor group only).
import type { FieldGroup } from '@bridgework/core';
import { CellReader } from './cells.ts';
import { formatCount, openReleaseTable, sampleList, type ImportContext } from './import-context.ts';
import type { Occupations } from './occupation-data.ts';
import { SOC_STRUCTURE_FILES } from './release-files.ts';
import { SOC_2018_MAJOR_GROUPS } from './soc-major-groups.ts';

interface SocGroups {
  major: Map<string, string>;
  minor: Map<string, string>;
  broad: Map<string, string>;
  detailed: Map<string, string>;
  /** Detailed occupation -> its broad group, from the file's order (29-1221 sits under 29-1210). */
  broadOf: Map<string, string>;
}

export async function assignFieldPaths(context: ImportContext, occupations: Occupations): Promise<void> {
  const groups = await readSocStructure(context);
  const unplaced: string[] = [];
  for (const occupation of occupations.values()) {
    const path = fieldPathOf(occupation.code, groups);
    if (path.length === 0) unplaced.push(occupation.code);
    occupation.fieldPath = path;
  }
  if (unplaced.length > 0) {
    context.warnings.push(`${formatCount(unplaced.length)} occupation(s) have no SOC major group and no field path (${sampleList(unplaced)})`);
  }
}

/**
 * Minor groups are XX-Y000 except where SOC 2018 split a group (15-1200 Computer Occupations,
 * 31-1100, 51-5100), so the longer prefix is tried first.
 */
function fieldPathOf(code: string, groups: SocGroups | undefined): FieldGroup[] {
  const majorCode = `${code.slice(0, 2)}-0000`;
  const majorTitle = groups?.major.get(majorCode) ?? SOC_2018_MAJOR_GROUPS[code.slice(0, 2)];
  if (majorTitle === undefined) return [];
  const path: FieldGroup[] = [{ code: majorCode, title: { en: majorTitle } }];
  if (groups === undefined) return path;
  const minorCode = [`${code.slice(0, 5)}00`, `${code.slice(0, 4)}000`].find((c) => groups.minor.has(c));
  if (minorCode === undefined) return path;
  path.push({ code: minorCode, title: { en: groups.minor.get(minorCode)! } });
  const detailedCode = code.slice(0, 7);
  const broadCode = groups.broadOf.get(detailedCode);
  if (broadCode === undefined) return path;
  path.push({ code: broadCode, title: { en: groups.broad.get(broadCode)! } });
  path.push({ code: detailedCode, title: { en: groups.detailed.get(detailedCode)! } });
  return path;
}

async function readSocStructure(context: ImportContext): Promise<SocGroups | undefined> {
  const name = SOC_STRUCTURE_FILES.find((n) => context.release.get(n) !== undefined);
  if (name === undefined) {
    context.warnings.push(
      `${SOC_STRUCTURE_FILES[0]} not found: field paths hold only the SOC 2018 major group, taken from the first two digits of each code`,
    );
    return undefined;
  }
  const table = await openReleaseTable(context, context.release.get(name)!);
  const majorColumn = table.column('Major Group');
  const minorColumn = table.column('Minor Group');
  const broadColumn = table.find('Broad Occupation');
  const detailedColumn = table.find('Detailed Occupation');
  const titleColumn = table.column('SOC or O*NET-SOC 2019 Title', 'SOC or O*NET-SOC 2018 Title', 'SOC Title', 'Title');
  const groups: SocGroups = { major: new Map(), minor: new Map(), broad: new Map(), detailed: new Map(), broadOf: new Map() };
  let currentBroad: string | undefined;
  const levels: [number, Map<string, string>][] = [[majorColumn, groups.major], [minorColumn, groups.minor]];
  if (broadColumn >= 0) levels.push([broadColumn, groups.broad]);
  if (detailedColumn >= 0) levels.push([detailedColumn, groups.detailed]);
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    for (const [column, level] of levels) {
      const code = cells.text(row, column);
      if (code === undefined) continue;
      if (!/^\d{2}-\d{4}$/.test(code)) {
        throw cells.error(row, column, `${cells.name(column)} must be a SOC code like 29-1000, found ${JSON.stringify(row.get(column))}`);
      }
      level.set(code, cells.required(row, titleColumn));
      if (level === groups.broad) currentBroad = code;
      else if (level === groups.detailed && currentBroad !== undefined) groups.broadOf.set(code, currentBroad);
      else if (level !== groups.detailed) currentBroad = undefined;
    }
  }
  return groups;
}
