// Career Changers Matrix.txt (up to 26.x) and Related Occupations.txt (from 27.x) ->
// occupationLinks of type 'career-changer' and 'related', ranked by their Index column (1 is
// closest). O*NET's own lists of where people with an occupation's skills can go: kept as
// ground truth for evaluating rankings, never used in scoring.
import type { OccupationLink } from '@bridgework/core';
import { CellReader } from './cells.ts';
import { openReleaseTable, type ImportContext } from './import-context.ts';
import type { Occupations } from './occupation-data.ts';
import { ONET_FILES } from './release-files.ts';
import { UnknownCodes } from './unknown-codes.ts';

const LINK_FILES = [
  { name: ONET_FILES.careerChangers, type: 'career-changer' },
  { name: ONET_FILES.relatedOccupations, type: 'related' },
] as const;

export async function readOccupationLinks(context: ImportContext, occupations: Occupations): Promise<OccupationLink[]> {
  const links: OccupationLink[] = [];
  const present = LINK_FILES.filter((f) => context.release.get(f.name) !== undefined);
  if (present.length === 0) {
    context.warnings.push(`neither ${ONET_FILES.careerChangers} nor ${ONET_FILES.relatedOccupations} found: no occupation links to evaluate rankings against`);
  }
  for (const { name, type } of present) {
    const table = await openReleaseTable(context, context.release.get(name)!);
    const fromColumn = table.column('O*NET-SOC Code');
    const toColumn = table.column('Related O*NET-SOC Code');
    const indexColumn = table.column('Index');
    const tierColumn = table.find('Relatedness Tier');
    const unknown = new UnknownCodes(name);
    const cells = new CellReader(table);
    for await (const row of table.countedRows()) {
      const from = cells.onetSocCode(row, fromColumn);
      const to = cells.onetSocCode(row, toColumn);
      const rank = cells.integer(row, indexColumn, 1, 1_000_000);
      const tier = tierColumn >= 0 ? cells.text(row, tierColumn) : undefined;
      if (!occupations.has(from) || !occupations.has(to)) {
        unknown.add(occupations.has(from) ? to : from);
        continue;
      }
      const source = tier !== undefined ? `O*NET ${name.replace(/\.txt$/, '')}: ${tier}` : `O*NET ${name.replace(/\.txt$/, '')}`;
      links.push({ from, to, type, rank, source });
    }
    unknown.report(context, 'links');
  }
  return links;
}
