// One OaSIS rating file (`OaSIS Code - Final`, `OaSIS Label - Final`, then one column per
// descriptor, each cell a rating) -> that family's competencies and the requirements of every
// profile. Column names are matched to the guide after trimming and folding spaces: the published
// headers carry stray, doubled and no-break spaces (`Writing  `, `\u00a0Active Learning`).
import { basename } from 'node:path';
import type { Competency, Requirement } from '@bridgework/core';
import { sourceError } from '../source-error.ts';
import { openTable } from '../text/table-reader.ts';
import { descriptorCompetency, slug } from './descriptor-competency.ts';
import type { DescriptorGuide } from './descriptor-guide.ts';
import { profileCodeAt } from './profile-code.ts';
import { ratedRequirement, type RatingFamily, type RatingScale } from './rating-scales.ts';
import { UNSTATED_SCALE, workContextColumn } from './work-context.ts';

export interface FamilyRatings {
  competencies: Competency[];
  requirements: Requirement[];
  rowsRead: number;
  warnings: string[];
}

interface DescriptorColumn {
  index: number;
  competency: Competency;
  scale: RatingScale;
}

/**
 * O(rows x columns). Strict: a profile that is not in the labels file, a profile rated twice, or
 * a cell that is not a whole number 0..max is an error at file:line:column. A column the guide
 * does not know still becomes a competency (id `<category code>-<slug>`, in the family's root
 * group), with a warning.
 */
export async function readRatingFile(
  path: string,
  family: RatingFamily,
  guide: DescriptorGuide,
  profiles: ReadonlySet<string>,
  onBytes?: (bytes: number) => void,
): Promise<FamilyRatings> {
  const table = await openTable(path, { delimiter: ',', quote: '"', onBytes });
  const file = table.file;
  const name = basename(path);
  const warnings: string[] = [];
  const codeColumn = table.column('OaSIS Code - Final', 'OaSIS Code', 'OaSIS profile code');
  // The label column is skipped, not read: the labels file is the reference, and rating files
  // carry a few stale or mistyped labels ("farm machinery operators", "...managers.").
  const labelColumn = ['OaSIS Label - Final', 'OaSIS Label', 'Label'].map((n) => table.find(n)).find((i) => i >= 0) ?? -1;

  const columns: DescriptorColumn[] = [];
  const byId = new Map<string, string>();
  table.header.forEach((header, index) => {
    if (index === codeColumn || index === labelColumn) return;
    const shown = header.replace(/\s+/g, ' ').trim();
    if (shown === '') throw sourceError({ file, line: 1 }, `column ${index + 1} of the header has no descriptor name`);
    const known = ratedColumn(shown, family, guide);
    const { competency, scale } = known ?? unknownColumn(shown, family);
    if (known === undefined) {
      const assumed = family.scale === 'per descriptor' ? `, on a scale of 1-${scale.max} (assumed)` : '';
      warnings.push(`${name}: column "${shown}" is not a ${family.category} descriptor of the guide; imported as "${competency.id}" without a group below ${family.categoryCode}${assumed}`);
    }
    const other = byId.get(competency.id);
    if (other !== undefined) throw sourceError({ file, line: 1 }, `columns "${other}" and "${shown}" both name descriptor ${competency.id}`);
    byId.set(competency.id, shown);
    columns.push({ index, competency, scale });
  });

  const requirements: Requirement[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for await (const row of table.rows()) {
    rowsRead++;
    const code = profileCodeAt(file, row, codeColumn);
    const at = (column: number) => ({ file, line: row.line, column: row.columnOf(column) });
    if (!profiles.has(code)) throw sourceError(at(codeColumn), `profile ${code} is not in the labels file`);
    const first = seen.get(code);
    if (first !== undefined) throw sourceError(at(codeColumn), `profile ${code} is already rated at line ${first}`);
    seen.set(code, row.line);
    for (const { index, competency, scale } of columns) {
      const cell = row.get(index).trim();
      const rating = /^\d+$/.test(cell) ? Number(cell) : NaN;
      if (!(rating >= 0 && rating <= scale.max)) {
        const found = cell === '' ? 'an empty field' : JSON.stringify(cell);
        throw sourceError(at(index), `expected a rating 0-${scale.max} (${scale.measures}; 0 = not rated) for "${competency.label.en}", found ${found}`);
      }
      if (rating === 0) continue;
      requirements.push({ occupation: code, competency: competency.id, essential: false, ...ratedRequirement(rating, scale) });
    }
  }

  const unrated = [...profiles].filter((p) => !seen.has(p));
  if (unrated.length > 0) {
    warnings.push(`${name}: ${unrated.length} profile${unrated.length === 1 ? ' has' : 's have'} no row (first: ${unrated[0]}), so no ${family.category.toLowerCase()} requirements`);
  }
  return { competencies: columns.map((c) => c.competency), requirements, rowsRead, warnings };
}

/** The competency and scale of a column the guide knows; undefined for one it does not. */
function ratedColumn(column: string, family: RatingFamily, guide: DescriptorGuide): { competency: Competency; scale: RatingScale } | undefined {
  if (family.scale === 'per descriptor') return workContextColumn(column, family, guide);
  const entry = guide.descriptor(family.category, column);
  return entry && { competency: descriptorCompetency(entry, family.kind, { column }), scale: family.scale };
}

/** A column the guide does not know: still imported, in the family's root group. */
function unknownColumn(column: string, family: RatingFamily): { competency: Competency; scale: RatingScale } {
  return {
    competency: { id: `${family.categoryCode}-${slug(column)}`, label: { en: column }, kind: family.kind, group: family.categoryCode },
    scale: family.scale === 'per descriptor' ? UNSTATED_SCALE : family.scale,
  };
}
