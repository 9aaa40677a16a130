// `bridgework gaps --target <occupation> --cohort <file.csv|file.json> [--framework id] [--db file]
// [--json]`: what a cohort moving to the target lacks, for a bridging program. The CSV format is
// the API's (docs/api.md): label,occupation,years,province,languageLevel and competency:<id> columns.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCohortCsv } from '@bridgework/service';
import { BridgeworkError, describeZodIssue, Profile, type CohortGaps } from '@bridgework/core';
import { z } from 'zod';
import type { Io } from '../output.ts';
import { DB_FLAG, fixed, frameworkFlag, parseFlags, percent, required, table, withService } from './shared.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    args,
    { ...DB_FLAG, target: { type: 'string' }, cohort: { type: 'string' }, framework: { type: 'string' }, json: { type: 'boolean' } },
    { min: 0, max: 0, names: '' },
  );
  const target = required(values.target, 'target');
  const file = required(values.cohort, 'cohort');
  const profiles = await readCohort(file);
  const gaps = await withService(values.db, (service) => service.cohortGaps(frameworkFlag(values.framework), target, { profiles }));
  io.out(values.json ? JSON.stringify(gaps, null, 2) : formatGaps(gaps));
  return 0;
}

const JsonCohort = z.union([z.array(Profile), z.strictObject({ profiles: z.array(Profile) })]);

/** A .json file holds an array of profiles (or { profiles: [...] }); anything else is read as CSV. */
export async function readCohort(file: string): Promise<Profile[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BridgeworkError('request.invalid', `cannot read the cohort file ${file}: ${(error as Error).message}`);
  }
  if (!file.toLowerCase().endsWith('.json')) return parseCohortCsv(text, basename(file));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BridgeworkError('request.invalid', `${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = JsonCohort.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ where: `${file}:${i.path.join('.')}`, message: describeZodIssue(i) }));
    throw new BridgeworkError('request.invalid', `${file} is not a cohort (an array of profiles)`, details);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.profiles;
}

export function formatGaps(g: CohortGaps): string {
  const lines = [`Cohort of ${g.cohortSize} towards ${g.target.title}: ${percent(g.meanCoverage)} of its needs met on average`, ''];
  if (g.gaps.length === 0) lines.push('Nobody lacks any of its competencies.');
  else {
    lines.push(
      'What to teach first:',
      table(
        ['competency', 'lacking', 'share', 'mean deficit', 'priority', 'essential'],
        g.gaps.map((x) => [x.competency.label, `${x.lacking}/${g.cohortSize}`, percent(x.shareLacking), fixed(x.meanDeficit), fixed(x.priority, 3), x.essential ? 'yes' : '']),
        ['left', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  if (g.alreadyMet.length > 0) lines.push('', `Already met by everyone (prior learning to credit): ${g.alreadyMet.map((c) => c.label).join(', ')}`);
  return lines.join('\n');
}
