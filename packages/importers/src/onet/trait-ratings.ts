// Interests.txt and Work Styles.txt: one rating per occupation and element on a single scale,
// made into a requirement of a trait competency (interest or attribute, core's isTraitKind:
// kinds that describe the job, for judging how alike two jobs are, never a gap to close):
//   Interests.txt    OI rows (RIASEC, 1-7)    importance = level = (OI - 1) / 6
//   Work Styles.txt  IM rows (importance 1-5) importance = level = (IM - 1) / 4
// (generally (v - min) / (max - min) with the Scales Reference range). The files give one number
// per element, how strongly it describes the occupation; it serves as both weight and level, so
// a style the occupation leans on counts more and asks more. A rating at the scale's minimum
// (OI 1: the interest does not describe the occupation at all; 461 rows in 29.2) gives no
// requirement: at importance 0 and level 0 it would add nothing to any score. Rows on other
// scales (Interests' IH high-point codes, derived from the OI rows) are skipped without a check
// or a warning; rowsRead still counts them. As in ratings.ts, a Recommend Suppress = Y, Not
// Relevant = Y or empty rating is left out and counted in one warning, and an unknown code,
// element or scale, a value outside its scale or a duplicate rating is an error.
import type { Requirement } from '@bridgework/core';
import { CellReader } from './cells.ts';
import { inBranches, INTEREST_BRANCHES, WORK_STYLE_BRANCHES } from './element-branches.ts';
import { formatCount, openReleaseTable, type ImportContext } from './import-context.ts';
import type { RatingsInput } from './ratings.ts';
import { ONET_FILES } from './release-files.ts';
import { IMPORTANCE_SCALE, INTEREST_SCALE, normalize } from './scales.ts';

export interface TraitFile {
  name: string;
  /** The scale whose rows become requirements: OI for interests, IM for work styles. */
  scale: string;
  /** The content model branches the file rates. */
  branches: readonly string[];
  /** What one element is, for messages. */
  noun: 'work style' | 'occupational interest';
  article: 'a' | 'an';
}

/** In reading order, which is also the order of their requirements within an occupation. */
export const TRAIT_FILES: readonly TraitFile[] = [
  { name: ONET_FILES.workStyles, scale: IMPORTANCE_SCALE, branches: WORK_STYLE_BRANCHES, noun: 'work style', article: 'a' },
  { name: ONET_FILES.interests, scale: INTEREST_SCALE, branches: INTEREST_BRANCHES, noun: 'occupational interest', article: 'an' },
];

export interface TraitRatingsRead {
  requirements: Requirement[];
  rated: Set<string>;
}

/** O(rows). Holds one line number per (occupation, element) rated on the file's scale. */
export async function readTraitRatings(context: ImportContext, trait: TraitFile, input: RatingsInput): Promise<TraitRatingsRead> {
  const { model, scales, occupations, ratedIn } = input;
  const requirements: Requirement[] = [];
  const rated = new Set<string>();
  const file = context.release.get(trait.name);
  if (file === undefined) {
    context.warnings.push(`${trait.name} not found: no ${trait.noun} requirements`);
    return { requirements, rated };
  }
  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const elementColumn = table.column('Element ID');
  const scaleColumn = table.column('Scale ID');
  const valueColumn = table.column('Data Value');
  const suppressColumn = table.find('Recommend Suppress');
  const notRelevantColumn = table.find('Not Relevant');

  const firstLine = new Map<string, number>();
  const left = { suppressed: 0, 'not-relevant': 0, empty: 0 };
  let onScale = 0;
  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    if (!occupations.has(code)) throw cells.error(row, codeColumn, `unknown O*NET-SOC Code "${code}" (not in Occupation Data.txt)`);

    const element = cells.required(row, elementColumn);
    const ratedBy = ratedIn.get(element);
    if (ratedBy !== file.name) {
      if (!model.has(element)) throw cells.error(row, elementColumn, `unknown Element ID "${element}" (not in Content Model Reference.txt)`);
      if (!inBranches(element, trait.branches)) {
        throw cells.error(row, elementColumn, `Element ID "${element}" is not ${trait.article} ${trait.noun} (expected an element of ${trait.branches.join(', ')})`);
      }
      if (ratedBy !== undefined) throw cells.error(row, elementColumn, `Element ID "${element}" is already rated in ${ratedBy}`);
      ratedIn.set(element, file.name);
    }

    // Other scales are not looked up: a release without Scales Reference.txt has no IH range.
    const scaleId = cells.required(row, scaleColumn);
    if (scaleId !== trait.scale) continue;
    const scale = scales.get(scaleId);
    if (scale === undefined) throw cells.error(row, scaleColumn, `unknown Scale ID "${scaleId}"`);
    onScale++;

    const value = cells.number(row, valueColumn);
    if (value !== undefined && (value < scale.minimum || value > scale.maximum)) {
      throw cells.error(row, valueColumn, `Data Value must be from ${scale.minimum} to ${scale.maximum} on scale ${scaleId}, found ${JSON.stringify(row.get(valueColumn))}`);
    }
    const suppressed = suppressColumn >= 0 && cells.flag(row, suppressColumn) === true;
    const notRelevant = notRelevantColumn >= 0 && cells.flag(row, notRelevantColumn) === true;
    const key = `${code}\t${element}`;
    const first = firstLine.get(key);
    if (first !== undefined) throw cells.error(row, scaleColumn, `duplicate ${scaleId} rating of ${code} on "${element}" (first at line ${first})`);
    firstLine.set(key, row.line);

    if (value === undefined) left.empty++;
    else if (notRelevant) left['not-relevant']++;
    else if (suppressed) left.suppressed++;
    else {
      const w = normalize(value, scale);
      if (w === 0) continue;
      requirements.push({ occupation: code, competency: element, importance: w, level: w, essential: false, source: { scale: 'onet', importance: value } });
      rated.add(element);
    }
  }

  const dropped = left.suppressed + left['not-relevant'] + left.empty;
  if (dropped > 0) {
    const reasons = [
      left.suppressed > 0 ? `${formatCount(left.suppressed)} with Recommend Suppress = Y` : '',
      left['not-relevant'] > 0 ? `${formatCount(left['not-relevant'])} rated Not Relevant` : '',
      left.empty > 0 ? `${formatCount(left.empty)} with an empty Data Value` : '',
    ].filter((r) => r !== '');
    context.warnings.push(`${file.name}: left out ${formatCount(dropped)} of ${formatCount(onScale)} ${trait.scale} ratings: ${reasons.join(', ')}`);
  }
  return { requirements, rated };
}
