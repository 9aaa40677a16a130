// Education, Training, and Experience.txt in the hand-made release: the RL distribution of the
// nurse (real 29.2 percents: median in Bachelor's Degree, whose row is Recommend Suppress = Y)
// and of the software developer (45.83 + 4.17 = exactly 50 at Post-Baccalaureate Certificate);
// the chief executive has no RL rows and keeps the job zone's months.
import { afterEach, describe, expect, it } from 'vitest';
import { importOnet } from '../../src/onet/index.ts';
import { medianCategory } from '../../src/onet/education.ts';
import { RELEASE, releaseWith, removeCopies } from './fixture-release.ts';

afterEach(removeCopies);

describe('importOnet on Education, Training, and Experience.txt', () => {
  it("sets the median respondent's education level, its months as training months, and the job zone", async () => {
    const { data } = await importOnet(RELEASE);
    expect(data.occupations.map((o) => [o.id, o.entry])).toEqual([
      ['29-1141.00', { education: "Bachelor's Degree", trainingMonths: 48, jobZone: 3 }],
      ['15-1252.00', { education: 'Post-Baccalaureate Certificate', trainingMonths: 60, jobZone: 4 }],
      ['11-1011.00', { trainingMonths: 84, jobZone: 5 }],
    ]);
  });

  it('uses rows marked Recommend Suppress = Y, and says so', async () => {
    const { warnings } = await importOnet(RELEASE);
    expect(warnings).toContain(
      'Education, Training, and Experience.txt: used 1 Required Level of Education rows marked Recommend Suppress = Y: each is still a share of respondents, only a less precise one',
    );
  });

  it("keeps the job zone's months for an occupation whose RL rows are all suppressed", async () => {
    const { data, warnings } = await importOnet(await releaseWith({ overlay: 'education-suppressed' }));
    expect(data.occupations[1]!.entry).toEqual({ trainingMonths: 36, jobZone: 4 });
    expect(warnings).toContain(
      "Education, Training, and Experience.txt: 1 occupation(s) with every Required Level of Education row suppressed keep the job zone's training months (15-1252.00)",
    );
    expect(warnings).toContain(
      'Education, Training, and Experience.txt: used 1 Required Level of Education rows marked Recommend Suppress = Y: each is still a share of respondents, only a less precise one',
    );
  });

  it('names the levels with the built-in category names when the Categories file is absent', async () => {
    const { data, warnings } = await importOnet(await releaseWith({ remove: ['Education, Training, and Experience Categories.txt'] }));
    expect(data.occupations.map((o) => o.entry?.education)).toEqual(["Bachelor's Degree", 'Post-Baccalaureate Certificate', undefined]);
    expect(warnings).toContain(
      "Education, Training, and Experience Categories.txt not found: education levels carry O*NET's category names as this importer knows them",
    );
  });

  it('has an education level only with a job zone when Job Zones.txt is there', async () => {
    const { data } = await importOnet(await releaseWith({ remove: ['Job Zones.txt'] }));
    expect(data.occupations.map((o) => [o.entry, o.notes])).toEqual([
      [{ education: "Bachelor's Degree", trainingMonths: 48 }, undefined],
      [{ education: 'Post-Baccalaureate Certificate', trainingMonths: 60 }, undefined],
      [undefined, undefined],
    ]);
  });
});

describe('medianCategory', () => {
  it('is the first category where the cumulative percent reaches 50', () => {
    expect(medianCategory([0, 0.76, 22.5, 0, 19.39, 55.92, 0, 1.43, 0, 0, 0, 0])).toBe(6);
    expect(medianCategory([10, 20, 19.99, 50.01])).toBe(4);
  });

  it('lands an exact half on the lower category, whatever the rounding of the sum', () => {
    expect(medianCategory([0, 0, 0, 0, 0, 45.83, 4.17, 37.5, 4.17, 0, 4.17, 4.16])).toBe(7);
    expect(medianCategory([3.19, 41.34, 0, 5.47, 13.19])).toBe(4);
  });

  it('counts a category without a row as 0, and has no median under 50 in all', () => {
    expect(medianCategory([Number.NaN, 60, 40])).toBe(2);
    expect(medianCategory([10, 20, Number.NaN])).toBeUndefined();
  });
});
