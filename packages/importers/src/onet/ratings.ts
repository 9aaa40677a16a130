// Rating files in the Skills.txt layout (Skills, Knowledge, Abilities, Work Activities): one row
// per occupation, element and scale. An IM row and an LV row for the same occupation and element
// make one requirement:
//   importance = (IM - 1) / 4, level = LV / 7  (from the Scales Reference minimum and maximum),
//   essential  = importance >= 0.75, i.e. IM >= 4 ("very important" or more on O*NET's scale).
// A row is missing when Recommend Suppress = Y (O*NET: estimate too imprecise to use), when
// Not Relevant = Y (the element does not apply to the occupation, its level is meaningless) or
// when Data Value is empty. A requirement needs both ratings: when either is missing the pair is
// left out, since an importance without a level (or the reverse) cannot be scored, and one
// warning per file counts the pairs left out and why.
import type { Requirement } from '@bridgework/core';
import { CellReader } from './cells.ts';
import type { ContentModel } from './content-model.ts';
import { inBranches, RATED_BRANCHES } from './element-branches.ts';
import { formatCount, openReleaseTable, type ImportContext } from './import-context.ts';
import type { Occupations } from './occupation-data.ts';
import type { ReleaseFile } from './release-files.ts';
import { IMPORTANCE_SCALE, LEVEL_SCALE, normalize, type Scale } from './scales.ts';

/** Importance at or above which a requirement is essential: IM >= 4 on the 1-5 scale. */
export const ESSENTIAL_IMPORTANCE = 0.75;

type Rating = { value: number } | { missing: 'suppressed' | 'not-relevant' | 'empty' };

interface PairRatings {
  occupation: string;
  element: string;
  im?: Rating;
  lv?: Rating;
  imLine?: number;
  lvLine?: number;
}

export interface RatingsRead {
  requirements: Requirement[];
  /** Element ids that ended up in at least one requirement. */
  rated: Set<string>;
  /** The newest `Date` (MM/YYYY) in the file, as YYYY-MM; undefined when the file has none. */
  latestDate?: string;
}

export interface RatingsInput {
  model: ContentModel;
  scales: ReadonlyMap<string, Scale>;
  occupations: Occupations;
  /**
   * Element id -> the rating file that rates it, shared across rating files: an element belongs
   * to one file (Skills rates skills...), so one seen in two files means a mixed-up release.
   */
  ratedIn: Map<string, string>;
}

/** O(rows). Holds one small record per (occupation, element) pair of the file. */
export async function readRatings(context: ImportContext, file: ReleaseFile, input: RatingsInput): Promise<RatingsRead> {
  const { model, scales, occupations, ratedIn } = input;
  const table = await openReleaseTable(context, file);
  const codeColumn = table.column('O*NET-SOC Code');
  const elementColumn = table.column('Element ID');
  const scaleColumn = table.column('Scale ID');
  const valueColumn = table.column('Data Value');
  const suppressColumn = table.find('Recommend Suppress');
  const notRelevantColumn = table.find('Not Relevant');
  const dateColumn = table.find('Date');

  const pairs = new Map<string, PairRatings>();
  let latestDate: string | undefined;

  const cells = new CellReader(table);
  for await (const row of table.countedRows()) {
    const code = cells.onetSocCode(row, codeColumn);
    if (!occupations.has(code)) throw cells.error(row, codeColumn, `unknown O*NET-SOC Code "${code}" (not in Occupation Data.txt)`);

    const element = cells.required(row, elementColumn);
    const ratedBy = ratedIn.get(element);
    if (ratedBy !== file.name) {
      if (!model.has(element)) throw cells.error(row, elementColumn, `unknown Element ID "${element}" (not in Content Model Reference.txt)`);
      if (!inBranches(element, RATED_BRANCHES)) {
        throw cells.error(row, elementColumn, `Element ID "${element}" is not in a rated branch of the content model (expected ${RATED_BRANCHES.join(', ')})`);
      }
      if (ratedBy !== undefined) throw cells.error(row, elementColumn, `Element ID "${element}" is already rated in ${ratedBy}`);
      ratedIn.set(element, file.name);
    }

    const scaleId = cells.required(row, scaleColumn);
    const scale = scales.get(scaleId);
    if (scale === undefined) throw cells.error(row, scaleColumn, `unknown Scale ID "${scaleId}"`);
    if (scaleId !== IMPORTANCE_SCALE && scaleId !== LEVEL_SCALE) {
      throw cells.error(row, scaleColumn, `Scale ID "${scaleId}" does not rate requirements (expected ${IMPORTANCE_SCALE} or ${LEVEL_SCALE})`);
    }

    const value = cells.number(row, valueColumn);
    if (value !== undefined && (value < scale.minimum || value > scale.maximum)) {
      throw cells.error(row, valueColumn, `Data Value must be from ${scale.minimum} to ${scale.maximum} on scale ${scaleId}, found ${JSON.stringify(row.get(valueColumn))}`);
    }
    const suppressed = suppressColumn >= 0 && cells.flag(row, suppressColumn) === true;
    const notRelevant = notRelevantColumn >= 0 && cells.flag(row, notRelevantColumn) === true;

    const key = `${code}\t${element}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { occupation: code, element };
      pairs.set(key, pair);
    }
    const rating: Rating =
      value === undefined ? { missing: 'empty' } : notRelevant ? { missing: 'not-relevant' } : suppressed ? { missing: 'suppressed' } : { value };
    if (scaleId === IMPORTANCE_SCALE) {
      if (pair.im !== undefined) throw cells.error(row, scaleColumn, `duplicate IM rating of ${code} on "${element}" (first at line ${pair.imLine})`);
      pair.im = rating;
      pair.imLine = row.line;
    } else {
      if (pair.lv !== undefined) throw cells.error(row, scaleColumn, `duplicate LV rating of ${code} on "${element}" (first at line ${pair.lvLine})`);
      pair.lv = rating;
      pair.lvLine = row.line;
    }

    if (dateColumn >= 0) {
      const date = /^(\d{2})\/(\d{4})$/.exec(row.get(dateColumn).trim());
      if (date) {
        const sortable = `${date[2]}-${date[1]}`;
        if (latestDate === undefined || sortable > latestDate) latestDate = sortable;
      }
    }
  }

  const importance = scales.get(IMPORTANCE_SCALE)!;
  const level = scales.get(LEVEL_SCALE)!;
  const requirements: Requirement[] = [];
  const rated = new Set<string>();
  const left = { 'not-relevant': 0, unusable: 0, incomplete: 0 };
  for (const pair of pairs.values()) {
    const { im, lv } = pair;
    if (im === undefined || lv === undefined) {
      left.incomplete++;
    } else if ('missing' in im || 'missing' in lv) {
      const notRelevant = ('missing' in im && im.missing === 'not-relevant') || ('missing' in lv && lv.missing === 'not-relevant');
      left[notRelevant ? 'not-relevant' : 'unusable']++;
    } else {
      const w = normalize(im.value, importance);
      requirements.push({
        occupation: pair.occupation,
        competency: pair.element,
        importance: w,
        level: normalize(lv.value, level),
        essential: w >= ESSENTIAL_IMPORTANCE,
        source: { scale: 'onet', importance: im.value, level: lv.value },
      });
      rated.add(pair.element);
    }
  }

  const dropped = left['not-relevant'] + left.unusable + left.incomplete;
  if (dropped > 0) {
    const reasons = [
      left['not-relevant'] > 0 ? `${formatCount(left['not-relevant'])} rated Not Relevant` : '',
      left.unusable > 0 ? `${formatCount(left.unusable)} with a suppressed (Recommend Suppress = Y) or empty rating` : '',
      left.incomplete > 0 ? `${formatCount(left.incomplete)} with only one of the IM and LV rows` : '',
    ].filter((r) => r !== '');
    context.warnings.push(
      `${file.name}: left out ${formatCount(dropped)} of ${formatCount(pairs.size)} (occupation, element) pairs, since a requirement needs both a usable importance (IM) and level (LV): ${reasons.join(', ')}`,
    );
  }
  return { requirements, rated, ...(latestDate !== undefined ? { latestDate } : {}) };
}
