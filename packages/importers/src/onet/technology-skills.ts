// Technology Skills.txt -> one competency per UNSPSC commodity (e.g. 43232202 "Document
// management software"), in a "Technology Skills" group, with the examples (product names such
// as "Microsoft Excel") as its alternative labels. Commodities, not examples: about 130 of them
// against about 9,000 product names, and a profile that knows one spreadsheet program knows the
// category.
//
// Kept out of scoring by default: O*NET lists which technologies an occupation uses but does not
// rate them, so any importance would be invented, and measured against O*NET's Career Changers
// Matrix (onet-25, a coverage x utilization ranking) adding them at importance 0.5 lowered
// precision@10 from 0.24 to 0.18. With the import option `technology: 'requirements'` they
// become requirements:
//   importance 0.5, or 0.7 when any of the occupation's examples in the commodity is a Hot
//   Technology (frequent in job postings overall) or In Demand (frequent in this occupation's
//   postings); level 0.5 (working use); never essential; source scale 'generated'.
// Even then they are added only for occupations that have rated requirements, so that an
// occupation O*NET has not rated is never ranked on a software list alone.
import type { Competency, CompetencyGroup, Requirement } from '@bridgework/core';
import { CellReader } from './cells.ts';
import { formatCount, openReleaseTable, type ImportContext } from './import-context.ts';
import type { ContentModel } from './content-model.ts';
import type { Occupations } from './occupation-data.ts';
import { ONET_FILES } from './release-files.ts';
import { UnknownCodes } from './unknown-codes.ts';

/** The content model's element for technology skills; its id is the group id. */
export const TECHNOLOGY_GROUP = '5.F';
export const TECHNOLOGY_IMPORTANCE = 0.5;
export const HOT_TECHNOLOGY_IMPORTANCE = 0.7;
export const TECHNOLOGY_LEVEL = 0.5;

/** Competency id of a commodity: `unspsc.43232202`. */
export function technologyId(commodityCode: string): string {
  return `unspsc.${commodityCode}`;
}

export interface TechnologyRead {
  group?: CompetencyGroup;
  competencies: Competency[];
  requirements: Requirement[];
}

export async function readTechnologySkills(
  context: ImportContext,
  occupations: Occupations,
  model: ContentModel,
  /** Occupations to add technology requirements to; undefined keeps technology out of scoring. */
  scoredOccupations: ReadonlySet<string> | undefined,
): Promise<TechnologyRead> {
  const file = context.release.get(ONET_FILES.technologySkills);
  if (file === undefined) {
    context.warnings.push(`${ONET_FILES.technologySkills} not found: no technology competencies`);
    return { competencies: [], requirements: [] };
  }
  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const exampleColumn = table.column('Example');
  const commodityColumn = table.column('Commodity Code');
  const commodityTitleColumn = table.column('Commodity Title');
  const hotColumn = table.find('Hot Technology');
  const inDemandColumn = table.find('In Demand');

  const commodities = new Map<string, { title: string; examples: Map<string, string> }>();
  /** `code\tcommodity` -> hot or in demand, in file order. */
  const uses = new Map<string, boolean>();
  const unknown = new UnknownCodes(file.name);
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    const commodity = cells.required(row, commodityColumn);
    if (!/^\d{8}$/.test(commodity)) {
      throw cells.error(row, commodityColumn, `Commodity Code must be an 8-digit UNSPSC code, found ${JSON.stringify(row.get(commodityColumn))}`);
    }
    const title = cells.required(row, commodityTitleColumn);
    const example = cells.required(row, exampleColumn);
    const hot = (hotColumn >= 0 && cells.flag(row, hotColumn) === true) || (inDemandColumn >= 0 && cells.flag(row, inDemandColumn) === true);
    if (!occupations.has(code)) {
      unknown.add(code);
      continue;
    }
    let entry = commodities.get(commodity);
    if (entry === undefined) {
      entry = { title, examples: new Map() };
      commodities.set(commodity, entry);
    }
    const exampleKey = example.toLowerCase();
    if (!entry.examples.has(exampleKey)) entry.examples.set(exampleKey, example);
    const key = `${code}\t${commodity}`;
    uses.set(key, (uses.get(key) ?? false) || hot);
  }
  unknown.report(context);

  const competencies: Competency[] = [...commodities.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([commodity, { title, examples }]) => {
      const altLabels = [...examples.values()].filter((e) => e.toLowerCase() !== title.toLowerCase());
      return {
        id: technologyId(commodity),
        label: { en: title },
        ...(altLabels.length > 0 ? { altLabels: { en: altLabels } } : {}),
        kind: 'skill',
        group: TECHNOLOGY_GROUP,
        reuse: 'cross-sector',
        externalId: commodity,
      } satisfies Competency;
    });

  const requirements: Requirement[] = [];
  let unrated = 0;
  for (const [key, hot] of scoredOccupations !== undefined ? uses : []) {
    const [occupation, commodity] = key.split('\t') as [string, string];
    if (!scoredOccupations!.has(occupation)) {
      unrated++;
      continue;
    }
    requirements.push({
      occupation,
      competency: technologyId(commodity),
      importance: hot ? HOT_TECHNOLOGY_IMPORTANCE : TECHNOLOGY_IMPORTANCE,
      level: TECHNOLOGY_LEVEL,
      essential: false,
      source: { scale: 'generated' },
    });
  }
  if (unrated > 0) {
    context.warnings.push(
      `${file.name}: ${formatCount(unrated)} technology uses of occupations without rated requirements kept out of scoring (no requirement added)`,
    );
  }

  const element = model.get(TECHNOLOGY_GROUP);
  const group: CompetencyGroup = {
    id: TECHNOLOGY_GROUP,
    label: { en: element?.name ?? 'Technology Skills' },
    description: { en: 'Software and technology categories (UNSPSC commodities) that O*NET lists per occupation, unrated' },
  };
  return { group, competencies, requirements };
}
