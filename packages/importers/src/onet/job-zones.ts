// Job Zones.txt -> entry.jobZone, a note naming the zone, and entry.trainingMonths when the
// release gives no education level for the occupation (education.ts). O*NET defines each zone by
// a range of Specific Vocational Preparation (SVP, Job Zone Reference.txt), and SVP levels are
// time spans (SVP 4: over 3 months up to 6; SVP 7: over 2 years up to 4; ...). Typical months
// are the middle of each zone's span, rounded:
//   zone 1 (SVP below 4, up to 3 months)        ->  2 months
//   zone 2 (SVP 4 to < 6, 3 to 12 months)       ->  8 months
//   zone 3 (SVP 6, 1 to 2 years)                -> 18 months
//   zone 4 (SVP 7, 2 to 4 years)                -> 36 months
//   zone 5 (SVP 8 and above, 4 to 10 years)     -> 84 months
// The zone itself is kept in the occupation's notes, so the coarse source stays visible.
import { CellReader } from './cells.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import type { Occupations } from './occupation-data.ts';
import { ONET_FILES } from './release-files.ts';
import { UnknownCodes } from './unknown-codes.ts';

export interface JobZone {
  zone: number;
  name: string;
  svp: string;
  trainingMonths: number;
}

export const JOB_ZONES: readonly JobZone[] = [
  { zone: 1, name: 'Little or No Preparation Needed', svp: 'below 4.0', trainingMonths: 2 },
  { zone: 2, name: 'Some Preparation Needed', svp: '4.0 to < 6.0', trainingMonths: 8 },
  { zone: 3, name: 'Medium Preparation Needed', svp: '6.0 to < 7.0', trainingMonths: 18 },
  { zone: 4, name: 'Considerable Preparation Needed', svp: '7.0 to < 8.0', trainingMonths: 36 },
  { zone: 5, name: 'Extensive Preparation Needed', svp: '8.0 and above', trainingMonths: 84 },
];

export function jobZone(zone: number): JobZone {
  return JOB_ZONES[zone - 1]!;
}

/** The note an occupation carries: "O*NET Job Zone 4: Considerable Preparation Needed (SVP 7.0 to < 8.0)". */
export function jobZoneNote(zone: number): string {
  const z = jobZone(zone);
  return `O*NET Job Zone ${z.zone}: ${z.name} (SVP ${z.svp})`;
}

export async function readJobZones(context: ImportContext, occupations: Occupations): Promise<void> {
  const file = context.release.get(ONET_FILES.jobZones);
  if (file === undefined) {
    context.warnings.push(`${ONET_FILES.jobZones} not found: occupations have no job zone`);
    return;
  }
  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const zoneColumn = table.column('Job Zone');
  const unknown = new UnknownCodes(file.name);
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    if (cells.text(row, zoneColumn) === undefined) continue;
    const zone = cells.integer(row, zoneColumn, 1, 5);
    const occupation = occupations.get(code);
    if (occupation === undefined) {
      unknown.add(code);
      continue;
    }
    if (occupation.jobZone !== undefined) throw cells.error(row, codeColumn, `duplicate Job Zone for ${code}`);
    occupation.jobZone = zone;
  }
  unknown.report(context);
}
