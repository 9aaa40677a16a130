// importOnet on the real O*NET copies in ../shared/frameworks-data (onet-25 and onet-29; see
// that folder's README). Every expected number is computed here from the source files with a
// plain split, independently of the importer. Skipped, with a warning, where the folder is absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFramework, type FrameworkData } from '@bridgework/core';
import type { ImportResult } from '../../src/import-result.ts';
import { EDUCATION_LEVELS, importOnet, JOB_ZONES } from '../../src/onet/index.ts';
import { ratingValue, realRelease, tsvRows, usablePairs, type Row } from './source-files.ts';

const ONET_25 = realRelease('onet-25');
const ONET_29 = realRelease('onet-29');

const codesOf = (rows: Row[]) => new Set(rows.map((r) => r['O*NET-SOC Code']!));
/** Requirements made from IM and LV pairs (Skills.txt layout): the only ones whose source has a level. */
const ratedPairs = (data: FrameworkData) => data.requirements.filter((r) => r.source?.level !== undefined);
const pairsOf = (data: FrameworkData) => new Set(ratedPairs(data).map((r) => `${r.occupation} ${r.competency}`));
const isDwa = (id: string) => /\.I\d+\.D\d+$/.test(id);
const occupation = (data: FrameworkData, id: string) => data.occupations.find((o) => o.id === id)!;
const requirement = (data: FrameworkData, occupationId: string, competency: string) =>
  data.requirements.find((r) => r.occupation === occupationId && r.competency === competency);
const folded = (titles: Iterable<string>) => new Set([...titles].map((t) => t.replace(/\s+/g, ' ').trim().toLowerCase()));

/** Major and minor group titles from SOC Structure.csv: `code,,,,,title` rows, title maybe quoted. */
function socTitles(dir: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'SOC Structure.csv'), 'utf8').split('\n').slice(1)) {
    const cells = line.split(',');
    const code = cells[0] || cells[1] || cells[2] || cells[3];
    if (code) titles.set(code, cells.slice(5).join(',').replace(/^"|"$/g, ''));
  }
  return titles;
}

describe.skipIf(ONET_25 === undefined)('importOnet on O*NET 25 (onet-25)', () => {
  const dir = ONET_25!;
  let result: ImportResult;
  let data: FrameworkData;
  let skills: Row[];
  beforeAll(async () => {
    result = await importOnet(dir);
    data = result.data;
    skills = tsvRows(dir, 'Skills.txt');
  });

  it('passes parseFramework and is versioned from the folder name', () => {
    expect(parseFramework(data, { requireRequirements: false }).occupations).toHaveLength(data.occupations.length);
    expect(data.framework).toMatchObject({ id: 'onet', name: 'O*NET 25', version: '25', source: { kind: 'onet', release: '25' } });
  });

  it('has one occupation per code of Occupation Data, the codes rated in Skills.txt', () => {
    const listed = codesOf(tsvRows(dir, 'Occupation Data.txt'));
    expect(new Set(data.occupations.map((o) => o.id))).toEqual(listed);
    expect(new Set(data.occupations.map((o) => o.id))).toEqual(codesOf(skills));
    expect(data.occupations).toHaveLength(873);
  });

  it('makes a requirement of every pair with a usable IM and LV row, and of no other', () => {
    const expected = usablePairs(skills);
    expect(pairsOf(data)).toEqual(expected);
    expect(data.requirements).toHaveLength(expected.size);
  });

  it('normalises Registered Nurses on Reading Comprehension from the raw IM and LV', () => {
    const im = ratingValue(skills, '29-1141.00', '2.A.1.a', 'IM');
    const lv = ratingValue(skills, '29-1141.00', '2.A.1.a', 'LV');
    expect(requirement(data, '29-1141.00', '2.A.1.a')).toEqual({
      occupation: '29-1141.00',
      competency: '2.A.1.a',
      importance: (im - 1) / 4,
      level: lv / 7,
      essential: im >= 4,
      source: { scale: 'onet', importance: im, level: lv },
    });
  });

  it('leaves out every pair with a suppressed or not-relevant row', () => {
    const flagged = skills.filter((r) => r['Recommend Suppress'] === 'Y' || r['Not Relevant'] === 'Y');
    expect(flagged.length).toBeGreaterThan(0);
    const pairs = pairsOf(data);
    for (const row of flagged) expect(pairs.has(`${row['O*NET-SOC Code']} ${row['Element ID']}`)).toBe(false);
  });

  it('imports the Career Changers Matrix: one ranked link per row', () => {
    const matrix = tsvRows(dir, 'Career Changers Matrix.txt');
    expect(data.occupationLinks).toHaveLength(7221);
    expect(data.occupationLinks.map((l) => [l.from, l.to, l.type, l.rank])).toEqual(
      matrix.map((r) => [r['O*NET-SOC Code'], r['Related O*NET-SOC Code'], 'career-changer', Number(r['Index'])]),
    );
  });

  it('places occupations under their SOC major, minor, broad and detailed group', () => {
    const titles = socTitles(dir);
    const path = (id: string) => occupation(data, id).fieldPath.map((g) => [g.code, g.title.en]);
    const level = (code: string) => [code, titles.get(code)];
    expect(path('29-1141.01')).toEqual([level('29-0000'), level('29-1000'), level('29-1140'), level('29-1141')]);
    // SOC 2018 split 15-1000 into 15-1200 (Computer Occupations) and 15-2000.
    expect(path('15-1211.00')).toEqual([level('15-0000'), level('15-1200'), level('15-1210'), level('15-1211')]);
    expect(data.occupations.filter((o) => o.fieldPath.length !== 4)).toEqual([]);
  });

  it('adds the reported titles, each once, and warns about rows of codes it does not know', () => {
    const reported = tsvRows(dir, 'Sample of Reported Titles.txt');
    const nurse = occupation(data, '29-1141.00');
    const titles = folded([nurse.title.en, ...nurse.alternateTitles!.en!]);
    const expected = folded(reported.filter((r) => r['O*NET-SOC Code'] === '29-1141.00').map((r) => r['Reported Job Title']!));
    expect(expected.size).toBeGreaterThan(0);
    for (const title of expected) expect(titles).toContain(title);
    expect(titles.size).toBe(nurse.alternateTitles!.en!.length + 1);

    const known = codesOf(tsvRows(dir, 'Occupation Data.txt'));
    const unknownRows = reported.filter((r) => !known.has(r['O*NET-SOC Code']!));
    expect(result.warnings).toContain(
      `Sample of Reported Titles.txt: skipped ${unknownRows.length} rows for ${codesOf(unknownRows).size} O*NET-SOC code(s) not in Occupation Data.txt (${[...codesOf(unknownRows)].slice(0, 3).join(', ')} and ${codesOf(unknownRows).size - 3} more)`,
    );
  });

  it('makes one technology competency per commodity of a known occupation', () => {
    const known = codesOf(tsvRows(dir, 'Occupation Data.txt'));
    const commodities = new Set(tsvRows(dir, 'Technology Skills.txt').filter((r) => known.has(r['O*NET-SOC Code']!)).map((r) => r['Commodity Code']));
    expect(new Set(data.competencies.filter((c) => c.group === '5.F').map((c) => c.externalId))).toEqual(commodities);
  });

  it('counts the rows it read', () => {
    expect(result.rowsRead['Skills.txt']).toBe(skills.length);
    expect(result.rowsRead['Career Changers Matrix.txt']).toBe(7221);
  });

  it('imports as before without the task, interest, work style and education files, warning about each', () => {
    for (const warning of [
      'Work Styles.txt not found: no work style requirements',
      'Interests.txt not found: no occupational interest requirements',
      'Tasks to DWAs.txt not found: no detailed work activities',
      'Job Zones.txt not found: occupations have no job zone',
      'Education, Training, and Experience.txt not found: occupations have no education level; training months come from the job zone',
    ]) {
      expect(result.warnings).toContain(warning);
    }
    expect(new Set(data.competencies.map((c) => c.kind))).toEqual(new Set(['skill']));
    expect(data.occupations.filter((o) => o.entry !== undefined)).toEqual([]);
  });
});

describe.skipIf(ONET_29 === undefined)('importOnet on O*NET 29.2 (onet-29)', () => {
  const dir = ONET_29!;
  let result: ImportResult;
  let data: FrameworkData;
  let skills: Row[];
  let knowledge: Row[];
  let listed: Set<string>;
  let taskLinks: Row[];
  beforeAll(async () => {
    result = await importOnet(dir);
    data = result.data;
    skills = tsvRows(dir, 'Skills.txt');
    knowledge = tsvRows(dir, 'Knowledge.txt');
    listed = codesOf(tsvRows(dir, 'Occupation Data.txt'));
    taskLinks = tsvRows(dir, 'Tasks to DWAs.txt').filter((r) => listed.has(r['O*NET-SOC Code']!));
  });

  it('passes parseFramework, with the O*NET 29 attribution', () => {
    expect(parseFramework(data, { requireRequirements: false }).requirements).toHaveLength(data.requirements.length);
    expect(data.framework.version).toBe('29');
    expect(data.framework.licence).toEqual({
      name: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
      attribution:
        'This product includes information from the O*NET 29 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.',
    });
  });

  it('keeps every occupation of Occupation Data and gives requirements to those with ratings or work activities', () => {
    expect(new Set(data.occupations.map((o) => o.id))).toEqual(listed);
    const rated = new Set([...usablePairs(skills), ...usablePairs(knowledge)].map((pair) => pair.split(' ')[0]!));
    expect(rated).toEqual(new Set([...codesOf(skills), ...codesOf(knowledge)]));
    const linked = codesOf(taskLinks);
    expect([rated.size, linked.size, [...linked].filter((code) => !rated.has(code)).length]).toEqual([879, 923, 44]);
    const withRequirements = new Set(data.requirements.map((r) => r.occupation));
    expect(withRequirements).toEqual(new Set([...rated, ...linked]));
    expect(new Set(ratedPairs(data).map((r) => r.occupation))).toEqual(rated);
    expect(result.warnings).toContain(
      `${listed.size - withRequirements.size} of ${listed.size.toLocaleString('en-US')} occupations in Occupation Data.txt have no usable ratings or work activities: kept without requirements, for lookup and crosswalks`,
    );
  });

  it('makes a requirement of every usable Skills and Knowledge pair, and of no other', () => {
    const expected = new Set([...usablePairs(skills), ...usablePairs(knowledge)]);
    expect(pairsOf(data)).toEqual(expected);
    expect(ratedPairs(data)).toHaveLength(expected.size);
  });

  it('makes a work-activity competency of every DWA linked to an occupation, in the group of its IWA', () => {
    const reference = new Map(tsvRows(dir, 'DWA Reference.txt').map((r) => [r['DWA ID']!, r]));
    const linked = new Set(taskLinks.map((r) => r['DWA ID']!));
    const dwas = data.competencies.filter((c) => isDwa(c.id));
    expect([reference.size, linked.size, dwas.length]).toEqual([2087, 2082, 2082]);
    expect(new Set(dwas.map((c) => c.id))).toEqual(linked);
    for (const c of dwas) {
      const row = reference.get(c.id)!;
      expect(c).toEqual({ id: c.id, label: { en: row['DWA Title'] }, kind: 'work-activity', group: row['IWA ID'], reuse: 'cross-sector', externalId: c.id });
    }
    expect(data.competencies.find((c) => c.id === '4.A.2.a.4.I09.D03')?.label.en).toBe('Analyze impact of legal or regulatory changes.');
  });

  it('makes each IWA a group under its GWA, and the GWAs and their ancestors groups named by the content model', () => {
    const iwas = tsvRows(dir, 'IWA Reference.txt');
    const groups = new Map(data.competencyGroups.map((g) => [g.id, g]));
    const iwaGroups = data.competencyGroups.filter((g) => /\.I\d+$/.test(g.id));
    expect(iwaGroups.map((g) => [g.id, g.label.en, g.parent])).toEqual(iwas.map((r) => [r['IWA ID'], r['IWA Title'], r['Element ID']]));
    expect(iwaGroups).toHaveLength(332);
    const names = new Map(tsvRows(dir, 'Content Model Reference.txt').map((r) => [r['Element ID']!, r['Element Name']!]));
    const gwas = new Set(iwas.map((r) => r['Element ID']!));
    expect(gwas.size).toBe(37);
    for (const gwa of gwas) {
      const parts = gwa.split('.');
      for (let n = parts.length; n >= 1; n--) {
        const id = parts.slice(0, n).join('.');
        expect(groups.get(id)?.label.en).toBe(names.get(id));
      }
    }
    expect(groups.get('4.A.2.a.4')).toMatchObject({ label: { en: 'Analyzing Data or Information' }, parent: '4.A.2.a' });
  });

  it('weighs each (occupation, DWA) 1.0 when a Core task links them, else 0.5', () => {
    const core = new Set(tsvRows(dir, 'Task Statements.txt').filter((r) => r['Task Type'] === 'Core').map((r) => `${r['O*NET-SOC Code']} ${r['Task ID']}`));
    const expected = new Map<string, number>();
    for (const r of taskLinks) {
      const key = `${r['O*NET-SOC Code']} ${r['DWA ID']}`;
      expected.set(key, Math.max(expected.get(key) ?? 0, core.has(`${r['O*NET-SOC Code']} ${r['Task ID']}`) ? 1 : 0.5));
    }
    const dwaRequirements = data.requirements.filter((r) => isDwa(r.competency));
    expect(new Map(dwaRequirements.map((r) => [`${r.occupation} ${r.competency}`, r.importance]))).toEqual(expected);
    expect(dwaRequirements).toHaveLength(17806);
    expect(dwaRequirements.filter((r) => r.importance === 1)).toHaveLength(13271);
    expect(new Set(dwaRequirements.map((r) => r.occupation)).size).toBe(923);
    for (const r of dwaRequirements) {
      expect([r.level, r.essential, r.source]).toEqual([1, false, { scale: 'onet', relation: r.importance === 1 ? 'core-task' : 'supplemental-task' }]);
    }
  });

  it('makes an interest requirement of every OI row above 1: importance = level = (OI - 1) / 6', () => {
    const oi = tsvRows(dir, 'Interests.txt').filter((r) => r['Scale ID'] === 'OI');
    const expected = new Map(oi.filter((r) => Number(r['Data Value']) > 1).map((r) => [`${r['O*NET-SOC Code']} ${r['Element ID']}`, Number(r['Data Value'])]));
    expect([oi.length, expected.size]).toEqual([5538, 5077]);
    const interests = data.requirements.filter((r) => r.competency.startsWith('1.B.'));
    expect(new Map(interests.map((r) => [`${r.occupation} ${r.competency}`, r.source?.importance]))).toEqual(expected);
    for (const r of interests) expect([r.importance, r.level, r.essential]).toEqual([(r.source!.importance! - 1) / 6, (r.source!.importance! - 1) / 6, false]);
    expect(data.competencies.filter((c) => c.kind === 'interest').map((c) => c.label.en)).toEqual([
      'Realistic', 'Investigative', 'Artistic', 'Social', 'Enterprising', 'Conventional',
    ]);
  });

  it('makes a work style requirement of every IM row not suppressed: importance = level = (IM - 1) / 4', () => {
    const rows = tsvRows(dir, 'Work Styles.txt');
    const expected = new Map(rows.filter((r) => r['Recommend Suppress'] !== 'Y').map((r) => [`${r['O*NET-SOC Code']} ${r['Element ID']}`, Number(r['Data Value'])]));
    expect(expected.size).toBe(14064);
    const styles = data.requirements.filter((r) => r.competency.startsWith('1.C.'));
    expect(new Map(styles.map((r) => [`${r.occupation} ${r.competency}`, r.source?.importance]))).toEqual(expected);
    for (const r of styles) expect([r.importance, r.level, r.essential]).toEqual([(r.source!.importance! - 1) / 4, (r.source!.importance! - 1) / 4, false]);
    expect(data.competencies.filter((c) => c.kind === 'attribute')).toHaveLength(16);
    expect(requirement(data, '29-1141.00', '1.C.5.b')?.importance).toBe((ratingValue(rows, '29-1141.00', '1.C.5.b', 'IM') - 1) / 4);
  });

  it('normalises Registered Nurses on Reading Comprehension and on Medicine and Dentistry', () => {
    const medicine = knowledge.find((r) => r['O*NET-SOC Code'] === '29-1141.00' && r['Element Name'] === 'Medicine and Dentistry')!['Element ID']!;
    for (const [rows, element] of [[skills, '2.A.1.a'], [knowledge, medicine]] as const) {
      const im = ratingValue(rows, '29-1141.00', element, 'IM');
      const lv = ratingValue(rows, '29-1141.00', element, 'LV');
      expect(requirement(data, '29-1141.00', element)).toMatchObject({ importance: (im - 1) / 4, level: lv / 7, essential: im >= 4 });
    }
  });

  it('leaves out Knowledge pairs with a suppressed row', () => {
    const suppressed = knowledge.filter((r) => r['Recommend Suppress'] === 'Y');
    expect(suppressed.length).toBeGreaterThan(0);
    const pairs = pairsOf(data);
    for (const row of suppressed) expect(pairs.has(`${row['O*NET-SOC Code']} ${row['Element ID']}`)).toBe(false);
  });

  it('lists the Alternate Titles and reported titles of Registered Nurses', () => {
    const nurse = occupation(data, '29-1141.00');
    expect(nurse.description?.en).toBe(tsvRows(dir, 'Occupation Data.txt').find((r) => r['O*NET-SOC Code'] === '29-1141.00')!['Description']);
    const titles = folded([nurse.title.en, ...nurse.alternateTitles!.en!]);
    const alternate = tsvRows(dir, 'Alternate Titles.txt').filter((r) => r['O*NET-SOC Code'] === '29-1141.00');
    const reported = tsvRows(dir, 'Sample of Reported Titles.txt').filter((r) => r['O*NET-SOC Code'] === '29-1141.00');
    const expected = folded([
      ...alternate.map((r) => r['Alternate Title']!),
      ...alternate.map((r) => r['Short Title']!).filter((t) => t !== 'n/a'),
      ...reported.map((r) => r['Reported Job Title']!),
    ]);
    expect(alternate.length).toBeGreaterThan(0);
    for (const title of expected) expect(titles).toContain(title);
    expect(titles.size).toBe(nurse.alternateTitles!.en!.length + 1);
  });

  it('gives each occupation of Job Zones.txt its zone in entry and notes', () => {
    const zones = tsvRows(dir, 'Job Zones.txt');
    expect(data.occupations.filter((o) => o.entry !== undefined)).toHaveLength(zones.length);
    for (const row of zones) {
      const o = occupation(data, row['O*NET-SOC Code']!);
      expect(o.entry?.jobZone).toBe(Number(row['Job Zone']));
      expect(o.notes).toMatch(new RegExp(`^O\\*NET Job Zone ${row['Job Zone']}: `));
    }
  });

  it('sets education and training months from the median respondent of the RL rows, else the job zone months', () => {
    const names = tsvRows(dir, 'Education, Training, and Experience Categories.txt')
      .filter((r) => r['Scale ID'] === 'RL')
      .map((r) => r['Category Description']!.split(' - ')[0]);
    // Percents in hundredths, so the cumulative sum is exact.
    const hundredths = new Map<string, number[]>();
    for (const r of tsvRows(dir, 'Education, Training, and Experience.txt').filter((r) => r['Scale ID'] === 'RL')) {
      const percents = hundredths.get(r['O*NET-SOC Code']!) ?? Array(12).fill(0);
      percents[Number(r['Category']) - 1] = Math.round(Number(r['Data Value']) * 100);
      hundredths.set(r['O*NET-SOC Code']!, percents);
    }
    expect(hundredths.size).toBe(858);
    const median = (percents: number[]) => {
      let sum = 0;
      return percents.findIndex((p) => (sum += p) >= 5000) + 1;
    };
    for (const o of data.occupations) {
      const percents = hundredths.get(o.id);
      if (percents === undefined) {
        expect(o.entry?.education).toBeUndefined();
        if (o.entry !== undefined) expect(o.entry.trainingMonths).toBe(JOB_ZONES[o.entry.jobZone! - 1]!.trainingMonths);
      } else {
        const level = median(percents);
        expect([o.entry?.education, o.entry?.trainingMonths]).toEqual([names[level - 1], EDUCATION_LEVELS[level - 1]!.trainingMonths]);
      }
    }
    // Registered Nurses: 55.92% name a bachelor's (a Recommend Suppress = Y row, used), after 42.65% below it.
    expect(occupation(data, '29-1141.00').entry).toEqual({ education: "Bachelor's Degree", trainingMonths: 48, jobZone: 4 });
    expect(occupation(data, '29-1215.00').entry).toEqual({ education: 'Doctoral Degree', trainingMonths: 108, jobZone: 5 });
    expect(occupation(data, '15-1252.00').entry).toEqual({ trainingMonths: 36, jobZone: 4 });
    expect(result.warnings).toContain(
      'Education, Training, and Experience.txt: used 199 Required Level of Education rows marked Recommend Suppress = Y: each is still a share of respondents, only a less precise one',
    );
  });

  it('derives the SOC major group of every occupation from its code', () => {
    expect(occupation(data, '29-1141.00').fieldPath).toEqual([{ code: '29-0000', title: { en: 'Healthcare Practitioners and Technical Occupations' } }]);
    expect(data.occupations.filter((o) => o.fieldPath.length !== 1)).toEqual([]);
  });

  it('counts the rows it read', () => {
    expect(result.rowsRead['Skills.txt']).toBe(skills.length);
    expect(result.rowsRead['Knowledge.txt']).toBe(knowledge.length);
    expect(result.rowsRead['Alternate Titles.txt']).toBe(tsvRows(dir, 'Alternate Titles.txt').length);
    expect(result.rowsRead).toMatchObject({
      'Tasks to DWAs.txt': 23233,
      'DWA Reference.txt': 2087,
      'IWA Reference.txt': 332,
      'Task Statements.txt': 18796,
      'Interests.txt': 8307,
      'Work Styles.txt': 14064,
      'Education, Training, and Experience.txt': 36209,
      'Education, Training, and Experience Categories.txt': 41,
    });
  });
});
