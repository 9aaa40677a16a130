// The CSV files the cohort page hands out: the result of a gap analysis (to open in a spreadsheet)
// and an example cohort in the format parseCohortCsv reads (service/cohort-csv.ts).
import type { CohortGaps, CompiledIndex } from '@bridgework/core';
import { COHORT_COLUMNS, COMPETENCY_COLUMN_PREFIX } from '@bridgework/service';
import { rootGroupOf } from './framework-view.ts';

export const GAPS_CSV_COLUMNS = [
  'status',
  'rank',
  'competency_id',
  'competency',
  'competency_fr',
  'essential',
  'importance',
  'required',
  'lacking',
  'share_lacking',
  'mean_deficit',
  'mean_deficit_among_lacking',
  'priority',
] as const;

/**
 * One row per competency of the target: `gap` rows by priority (as on the page), then
 * `already-met` rows (candidates for prior learning credit) with the numeric columns empty.
 */
export function cohortGapsCsv(result: CohortGaps): string {
  const rows: (string | number)[][] = [[...GAPS_CSV_COLUMNS]];
  result.gaps.forEach((g, i) => {
    rows.push([
      'gap',
      i + 1,
      g.competency.id,
      g.competency.label,
      g.competency.labelFr ?? '',
      g.essential ? 'yes' : 'no',
      g.importance,
      g.required,
      g.lacking,
      g.shareLacking,
      g.meanDeficit,
      g.meanDeficitAmongLacking,
      g.priority,
    ]);
  });
  for (const c of result.alreadyMet) rows.push(['already-met', '', c.id, c.label, c.labelFr ?? '', '', '', '', 0, 0, 0, 0, 0]);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Six made-up learners trained in one occupation (physician when the framework has it), with
 * levels below the typical ones in a few competencies: Canadian context and language first,
 * which training abroad rarely covers.
 */
export function exampleCohortCsv(index: CompiledIndex): string {
  let source = index.occupationIndex.get('physician');
  if (source === undefined || index.reqStart[source + 1] === index.reqStart[source]) {
    source = index.occupations.findIndex((_, o) => index.reqStart[o + 1]! > index.reqStart[o]!);
  }
  if (source < 0) return COHORT_COLUMNS.join(',') + '\r\n';
  const requirements: { id: string; level: number; context: boolean }[] = [];
  for (let k = index.reqStart[source]!; k < index.reqStart[source + 1]!; k++) {
    const competency = index.competencies[index.reqCompetency[k]!]!;
    const root = rootGroupOf(index, competency.group)?.id;
    requirements.push({ id: competency.id, level: index.reqLevel[k]!, context: root === 'canadian-context' || root === 'languages' });
  }
  const chosen = [...requirements.filter((r) => r.context), ...requirements.filter((r) => !r.context)].slice(0, 4);
  const occupation = index.occupations[source]!.id;
  const provinces = ['ON', 'QC', 'AB', 'BC', 'ON', 'MB'];
  const factors = [0.3, 0.5, 0.7, 0.9, 1, 0.6];
  const header = [...COHORT_COLUMNS, ...chosen.map((r) => COMPETENCY_COLUMN_PREFIX + r.id)];
  const rows = factors.map((f, i) => [
    `Learner ${i + 1}`,
    occupation,
    String(3 + ((i * 5) % 13)),
    provinces[i]!,
    String(6 + (i % 4)),
    ...chosen.map((r, j) => String(Math.round(r.level * Math.min(1, f + j * 0.1) * 100) / 100)),
  ]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with a quote. */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
