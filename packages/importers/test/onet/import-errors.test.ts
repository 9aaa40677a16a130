// How importOnet rejects a release: missing files name the file and the folder; a bad row names
// file:line:column, what was expected and what was found. Each case is the fixture release with
// one file replaced by a hand-made broken one (test/fixtures/onet/overlays/<case>/) or removed.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importOnet } from '../../src/onet/index.ts';
import { importError, RELEASE, releaseWith, removeCopies } from './fixture-release.ts';

afterEach(removeCopies);

describe('importOnet on a release with a missing file', () => {
  it('requires Occupation Data', async () => {
    const dir = await releaseWith({ remove: ['Occupation Data.txt'] });
    expect(await importError(dir, 'import.missing_file')).toBe(
      `missing required file "Occupation Data.txt" in the O*NET release folder ${dir}`,
    );
  });

  it('requires the Content Model Reference', async () => {
    const dir = await releaseWith({ remove: ['Content Model Reference.txt'] });
    expect(await importError(dir, 'import.missing_file')).toBe(
      `missing required file "Content Model Reference.txt" in the O*NET release folder ${dir}`,
    );
  });

  it('requires at least one rating file', async () => {
    const dir = await releaseWith({ remove: ['Skills.txt', 'Knowledge.txt', 'Abilities.txt', 'Work Activities.txt'] });
    expect(await importError(dir, 'import.missing_file')).toBe(
      `missing a rating file: expected at least one of "Skills.txt", "Knowledge.txt", "Abilities.txt", "Work Activities.txt" in the O*NET release folder ${dir}`,
    );
  });

  it('names a folder that does not exist', async () => {
    const dir = join(RELEASE, 'no-such-release');
    expect(await importError(dir, 'import.missing_file')).toBe(`O*NET release folder not found: ${dir}`);
  });

  it('requires a rating file even when the task, interest and work style files are there', async () => {
    const dir = await releaseWith({ remove: ['Skills.txt', 'Knowledge.txt', 'Abilities.txt', 'Work Activities.txt'] });
    expect(await importError(dir, 'import.missing_file')).toMatch(/^missing a rating file: expected at least one of "Skills.txt"/);
  });

  it('imports without the optional files, with one warning for each', async () => {
    const dir = await releaseWith({
      remove: [
        'Knowledge.txt', 'Abilities.txt', 'Work Activities.txt', 'Scales Reference.txt', 'Work Styles.txt', 'Interests.txt',
        'Tasks to DWAs.txt', 'DWA Reference.txt', 'IWA Reference.txt', 'Task Statements.txt', 'Alternate Titles.txt',
        'Sample of Reported Titles.txt', 'Job Zones.txt', 'Education, Training, and Experience.txt',
        'Education, Training, and Experience Categories.txt', 'Technology Skills.txt', 'Related Occupations.txt',
      ],
    });
    const { data, warnings } = await importOnet(dir);
    expect(data.requirements.map((r) => `${r.occupation} ${r.competency}`)).toEqual([
      '29-1141.00 2.A.1.a', '29-1141.00 2.A.1.b', '15-1252.00 2.A.1.a', '15-1252.00 2.A.1.e', '15-1252.00 2.B.3.e',
    ]);
    expect(data.occupations.map((o) => o.entry)).toEqual([undefined, undefined, undefined]);
    expect(warnings).toEqual([
      'Scales Reference.txt not found: using the O*NET ranges IM 1-5, LV 0-7 and OI 1-7, and any other Scale ID in a rating file is an error',
      'SOC Structure.csv not found: field paths hold only the SOC 2018 major group, taken from the first two digits of each code',
      'Skills.txt: left out 2 of 7 (occupation, element) pairs, since a requirement needs both a usable importance (IM) and level (LV): 1 rated Not Relevant, 1 with a suppressed (Recommend Suppress = Y) or empty rating',
      'Knowledge.txt not found: no ratings from it',
      'Abilities.txt not found: no ratings from it',
      'Work Activities.txt not found: no ratings from it',
      'Work Styles.txt not found: no work style requirements',
      'Interests.txt not found: no occupational interest requirements',
      'Tasks to DWAs.txt not found: no detailed work activities',
      'Alternate Titles.txt not found: occupations get no titles from it',
      'Sample of Reported Titles.txt not found: occupations get no titles from it',
      'Job Zones.txt not found: occupations have no job zone',
      'Education, Training, and Experience.txt not found: occupations have no education level; training months come from the job zone',
      'Technology Skills.txt not found: no technology competencies',
      'neither Career Changers Matrix.txt nor Related Occupations.txt found: no occupation links to evaluate rankings against',
      '1 of 3 occupations in Occupation Data.txt have no usable ratings or work activities: kept without requirements, for lookup and crosswalks',
    ]);
  });
});

describe('importOnet on a release with a bad row', () => {
  const cases: [overlay: string, message: string][] = [
    ['non-numeric', 'Skills.txt:4:40: Data Value must be a number, found "abc"'],
    ['unknown-scale', 'Skills.txt:4:37: unknown Scale ID "XX"'],
    ['not-a-requirement-scale', 'Skills.txt:4:37: Scale ID "CX" does not rate requirements (expected IM or LV)'],
    ['out-of-range', 'Skills.txt:4:40: Data Value must be from 1 to 5 on scale IM, found "5.50"'],
    ['field-count', 'Skills.txt:4:74: expected 13 fields as in the header, found 12'],
    ['bad-flag', 'Skills.txt:4:68: Recommend Suppress must be Y, N, blank or n/a, found "X"'],
    ['unknown-occupation', 'Knowledge.txt:3:1: unknown O*NET-SOC Code "13-2011.00" (not in Occupation Data.txt)'],
    ['unknown-element', 'Abilities.txt:2:12: unknown Element ID "1.A.1.a.9" (not in Content Model Reference.txt)'],
    ['duplicate-rating', 'Work Activities.txt:4:42: duplicate IM rating of 29-1141.00 on "4.A.1.a.1" (first at line 2)'],
    ['interest-out-of-range', 'Interests.txt:3:37: Data Value must be from 1 to 7 on scale OI, found "7.50"'],
    ['interest-unknown-occupation', 'Interests.txt:4:1: unknown O*NET-SOC Code "13-2011.00" (not in Occupation Data.txt)'],
    ['work-style-element', 'Work Styles.txt:2:12: Element ID "2.A.1.a" is not a work style (expected an element of 1.C)'],
    ['unknown-dwa', 'Tasks to DWAs.txt:3:17: unknown DWA ID "4.A.1.a.1.I02.D99" (not in DWA Reference.txt)'],
    ['unknown-iwa', 'DWA Reference.txt:4:11: unknown IWA ID "4.A.2.a.4.I77" (not in IWA Reference.txt)'],
    ['unknown-iwa-element', 'IWA Reference.txt:5:1: unknown Element ID "4.A.4.a.9" (not in Content Model Reference.txt)'],
    ['bad-task-type', 'Task Statements.txt:3:71: Task Type must be Core, Supplemental or n/a, found "Optional"'],
    ['education-out-of-range', 'Education, Training, and Experience.txt:5:51: Data Value must be a percent from 0 to 100 on scale RL, found "120.00"'],
    [
      'education-categories-renumbered',
      'Education, Training, and Experience Categories.txt:7:40: RL category 6 must be "Bachelor\'s Degree" (the months this importer assigns follow O*NET\'s 12 categories), found "Master\'s Degree"',
    ],
  ];
  for (const [overlay, message] of cases) {
    it(`reports ${overlay} as ${message.split(': ')[0]}`, async () => {
      expect(await importError(await releaseWith({ overlay }), 'import.invalid_file')).toBe(message);
    });
  }

  it('reports a missing column with the columns it found', async () => {
    expect(await importError(await releaseWith({ overlay: 'missing-column' }), 'import.invalid_file')).toBe(
      'Skills.txt:1: missing column "Scale ID"; found "O*NET-SOC Code", "Element ID", "Element Name", "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date", "Domain Source"',
    );
  });
});
