// importOnet on a small hand-made release in the official layout (test/fixtures/onet/release):
// three occupations, every rating file (Abilities and Work Activities included), titles, job
// zones, technology and Related Occupations. Expected numbers are the fixture's raw values put
// through the documented formulas. Work styles, interests, detailed work activities and education
// have their own test files beside this one.
import { afterEach, describe, expect, it } from 'vitest';
import { parseFramework, type Requirement } from '@bridgework/core';
import type { Importer } from '../../src/import-result.ts';
import { importOnet } from '../../src/onet/index.ts';
import { RELEASE, releaseWith, removeCopies } from './fixture-release.ts';

const importance = (im: number) => (im - 1) / 4;
const level = (lv: number) => lv / 7;
/** What a pair of IM and LV rows of the fixture should become. */
const rated = (competency: string, im: number, lv: number) => ({
  competency,
  importance: importance(im),
  level: level(lv),
  essential: im >= 4,
  source: { scale: 'onet', importance: im, level: lv },
});
/** The requirements made from IM and LV pairs (the Skills.txt layout): their source has a level. */
const ratedPairs = (requirements: Requirement[]) => requirements.filter((r) => r.source?.level !== undefined);
const requirementsOf = (requirements: Requirement[], occupation: string) =>
  ratedPairs(requirements).filter((r) => r.occupation === occupation).map(({ occupation: _, ...r }) => r);

afterEach(removeCopies);

describe('importOnet on a hand-made release', () => {
  it('is an Importer whose output passes parseFramework', async () => {
    const importer: Importer = importOnet;
    const { data } = await importer(RELEASE);
    expect(parseFramework(data, { requireRequirements: false })).toEqual(data);
  });

  it('keeps every occupation of Occupation Data, with its code, title and description', async () => {
    const { data } = await importOnet(RELEASE);
    expect(data.occupations.map((o) => [o.id, o.codes.onetSoc, o.title.en])).toEqual([
      ['29-1141.00', '29-1141.00', 'Registered Nurses'],
      ['15-1252.00', '15-1252.00', 'Software Developers'],
      ['11-1011.00', '11-1011.00', 'Chief Executives'],
    ]);
    expect(data.occupations[1]!.description).toEqual({ en: 'Design and develop computer applications and the software that runs them.' });
  });

  it('turns an IM and an LV row into one requirement: (IM-1)/4, LV/7, essential from IM 4', async () => {
    const { data } = await importOnet(RELEASE);
    expect(requirementsOf(data.requirements, '29-1141.00')).toEqual([
      rated('2.A.1.a', 3.88, 4.25),
      rated('2.A.1.b', 4.12, 4.0),
      rated('2.C.1.a', 2.9, 2.5),
      rated('1.A.1.a.1', 4.25, 4.38),
      rated('4.A.1.a.1', 4.5, 4.62),
    ]);
    expect(requirementsOf(data.requirements, '15-1252.00')).toEqual([
      rated('2.A.1.a', 4.0, 4.88),
      rated('2.A.1.e', 3.12, 3.75),
      rated('2.B.3.e', 4.62, 5.5),
      rated('1.A.1.a.1', 3.75, 3.88),
      rated('4.A.3.a.1', 1.5, 0.75),
    ]);
    expect(data.requirements.filter((r) => r.essential).map((r) => `${r.occupation} ${r.competency}`)).toEqual([
      '29-1141.00 2.A.1.b',
      '29-1141.00 1.A.1.a.1',
      '29-1141.00 4.A.1.a.1',
      '15-1252.00 2.A.1.a',
      '15-1252.00 2.B.3.e',
    ]);
  });

  it('leaves out pairs whose LV is suppressed or not relevant, and IM suppressed, and says how many', async () => {
    const { data, warnings } = await importOnet(RELEASE);
    const pairs = data.requirements.map((r) => `${r.occupation} ${r.competency}`);
    expect(pairs).not.toContain('29-1141.00 2.A.1.e'); // LV Recommend Suppress = Y
    expect(pairs).not.toContain('29-1141.00 2.B.3.e'); // LV Not Relevant = Y
    expect(pairs).not.toContain('15-1252.00 2.C.1.a'); // IM Recommend Suppress = Y
    expect(warnings).toContain(
      'Skills.txt: left out 2 of 7 (occupation, element) pairs, since a requirement needs both a usable importance (IM) and level (LV): 1 rated Not Relevant, 1 with a suppressed (Recommend Suppress = Y) or empty rating',
    );
    expect(warnings).toContain(
      'Knowledge.txt: left out 1 of 2 (occupation, element) pairs, since a requirement needs both a usable importance (IM) and level (LV): 1 with a suppressed (Recommend Suppress = Y) or empty rating',
    );
  });

  it('treats an empty Data Value, blank or n/a, as a missing rating', async () => {
    const { data, warnings } = await importOnet(await releaseWith({ overlay: 'empty-value' }));
    expect(data.requirements.filter((r) => r.competency === '2.C.1.a')).toEqual([]);
    expect(warnings).toContain(
      'Knowledge.txt: left out 2 of 2 (occupation, element) pairs, since a requirement needs both a usable importance (IM) and level (LV): 2 with a suppressed (Recommend Suppress = Y) or empty rating',
    );
  });

  it('imports Abilities.txt and Work Activities.txt, which have the Skills.txt layout', async () => {
    const { data } = await importOnet(RELEASE);
    const of = (kind: string) =>
      ratedPairs(data.requirements)
        .filter((r) => data.competencies.find((c) => c.id === r.competency)!.kind === kind)
        .map((r) => [r.occupation, r.competency, r.importance, r.level]);
    expect(of('ability')).toEqual([
      ['29-1141.00', '1.A.1.a.1', importance(4.25), level(4.38)],
      ['15-1252.00', '1.A.1.a.1', importance(3.75), level(3.88)],
    ]);
    expect(of('work-activity')).toEqual([
      ['29-1141.00', '4.A.1.a.1', importance(4.5), level(4.62)],
      ['15-1252.00', '4.A.3.a.1', importance(1.5), level(0.75)],
    ]);
  });

  it('reads blank cells exactly as n/a cells', async () => {
    const withNa = await importOnet(RELEASE);
    const withBlanks = await importOnet(await releaseWith({ overlay: 'blank-cells' }));
    expect(withBlanks.data.requirements).toEqual(withNa.data.requirements);
    expect(withBlanks.warnings).toEqual(withNa.warnings);
  });

  it('reads files that start with a UTF-8 byte order mark', async () => {
    const { data } = await importOnet(await releaseWith({ overlay: 'bom' }));
    const plain = await importOnet(RELEASE);
    expect(data.occupations.map((o) => o.id)).toEqual(plain.data.occupations.map((o) => o.id));
    expect(data.requirements).toEqual(plain.data.requirements);
  });

  it('makes rated elements competencies, kind and reuse by branch, grouped by the outline', async () => {
    const { data } = await importOnet(RELEASE);
    const elements = data.competencies.filter((c) => !c.id.startsWith('unspsc.') && !/\.I\d+\.D\d+$/.test(c.id));
    expect(elements.map((c) => [c.id, c.label.en, c.kind, c.reuse, c.group])).toEqual([
      ['1.A.1.a.1', 'Oral Comprehension', 'ability', 'transversal', '1.A.1.a'],
      ['1.B.1.a', 'Realistic', 'interest', 'transversal', '1.B.1'],
      ['1.B.1.b', 'Investigative', 'interest', 'transversal', '1.B.1'],
      ['1.B.1.c', 'Artistic', 'interest', 'transversal', '1.B.1'],
      ['1.B.1.d', 'Social', 'interest', 'transversal', '1.B.1'],
      ['1.B.1.e', 'Enterprising', 'interest', 'transversal', '1.B.1'],
      ['1.B.1.f', 'Conventional', 'interest', 'transversal', '1.B.1'],
      ['1.C.4.b', 'Stress Tolerance', 'attribute', 'transversal', '1.C.4'],
      ['1.C.5.a', 'Dependability', 'attribute', 'transversal', '1.C.5'],
      ['1.C.5.b', 'Attention to Detail', 'attribute', 'transversal', '1.C.5'],
      ['1.C.6', 'Independence', 'attribute', 'transversal', '1.C'],
      ['2.A.1.a', 'Reading Comprehension', 'skill', 'transversal', '2.A.1'],
      ['2.A.1.b', 'Active Listening', 'skill', 'transversal', '2.A.1'],
      ['2.A.1.e', 'Mathematics', 'skill', 'transversal', '2.A.1'],
      ['2.B.3.e', 'Programming', 'skill', 'cross-sector', '2.B.3'],
      ['2.C.1.a', 'Administration and Management', 'knowledge', 'cross-sector', '2.C.1'],
      ['4.A.1.a.1', 'Getting Information', 'work-activity', 'transversal', '4.A.1.a'],
      ['4.A.3.a.1', 'Performing General Physical Activities', 'work-activity', 'cross-sector', '4.A.3.a'],
    ]);
    expect(data.competencies[0]!.description).toEqual({ en: 'Listening to and understanding spoken information.' });
    expect(data.competencyGroups.map((g) => [g.id, g.parent])).toEqual([
      ['1', undefined], ['1.A', '1'], ['1.A.1', '1.A'], ['1.A.1.a', '1.A.1'],
      ['1.B', '1'], ['1.B.1', '1.B'], ['1.C', '1'], ['1.C.4', '1.C'], ['1.C.5', '1.C'],
      ['2', undefined], ['2.A', '2'], ['2.A.1', '2.A'], ['2.B', '2'], ['2.B.3', '2.B'], ['2.C', '2'], ['2.C.1', '2.C'],
      ['4', undefined], ['4.A', '4'], ['4.A.1', '4.A'], ['4.A.1.a', '4.A.1'],
      ['4.A.2', '4.A'], ['4.A.2.a', '4.A.2'], ['4.A.2.a.4', '4.A.2.a'],
      ['4.A.3', '4.A'], ['4.A.3.a', '4.A.3'],
      ['4.A.4', '4.A'], ['4.A.4.a', '4.A.4'], ['4.A.4.a.5', '4.A.4.a'],
      ['4.A.1.a.1.I02', '4.A.1.a'], ['4.A.2.a.4.I05', '4.A.2.a.4'], ['4.A.2.a.4.I09', '4.A.2.a.4'],
      ['4.A.4.a.5.I01', '4.A.4.a.5'], ['4.A.4.a.5.I03', '4.A.4.a.5'],
      ['5.F', undefined],
    ]);
  });

  it('keeps an occupation without ratings or work activities and counts it in a warning', async () => {
    const { data, warnings } = await importOnet(await releaseWith({ remove: ['Tasks to DWAs.txt'] }));
    expect(data.occupations.map((o) => o.id)).toContain('11-1011.00');
    expect(data.requirements.some((r) => r.occupation === '11-1011.00')).toBe(false);
    expect(warnings).toContain(
      '1 of 3 occupations in Occupation Data.txt have no usable ratings or work activities: kept without requirements, for lookup and crosswalks',
    );
  });

  it('lists alternate, short and reported titles once each, and skips titles of unknown codes', async () => {
    const { data, warnings } = await importOnet(RELEASE);
    expect(data.occupations[0]!.alternateTitles).toEqual({ en: ['Staff Nurse', 'Registered Nurse', 'RN', 'Charge Nurse'] });
    expect(data.occupations[1]!.alternateTitles).toEqual({ en: ['Software Engineer', 'Application Developer'] });
    expect(data.occupations[2]!.alternateTitles).toBeUndefined();
    expect(warnings).toContain('Alternate Titles.txt: skipped 1 rows for 1 O*NET-SOC code(s) not in Occupation Data.txt (13-2011.00)');
  });

  it('maps job zones to entry.jobZone, typical training months and a note naming the zone', async () => {
    // Without the education file, so that the training months are the job zone's (education.test.ts).
    const { data } = await importOnet(await releaseWith({ remove: ['Education, Training, and Experience.txt'] }));
    expect(data.occupations.map((o) => [o.entry, o.notes])).toEqual([
      [{ trainingMonths: 18, jobZone: 3 }, 'O*NET Job Zone 3: Medium Preparation Needed (SVP 6.0 to < 7.0)'],
      [{ trainingMonths: 36, jobZone: 4 }, 'O*NET Job Zone 4: Considerable Preparation Needed (SVP 7.0 to < 8.0)'],
      [{ trainingMonths: 84, jobZone: 5 }, 'O*NET Job Zone 5: Extensive Preparation Needed (SVP 8.0 and above)'],
    ]);
  });

  it('derives the SOC major group from the code when the release has no SOC structure', async () => {
    const { data, warnings } = await importOnet(RELEASE);
    expect(data.occupations.map((o) => o.fieldPath)).toEqual([
      [{ code: '29-0000', title: { en: 'Healthcare Practitioners and Technical Occupations' } }],
      [{ code: '15-0000', title: { en: 'Computer and Mathematical Occupations' } }],
      [{ code: '11-0000', title: { en: 'Management Occupations' } }],
    ]);
    expect(warnings).toContain(
      'SOC Structure.csv not found: field paths hold only the SOC 2018 major group, taken from the first two digits of each code',
    );
  });

  it('reads major, minor, broad and detailed groups from SOC Structure.csv, split minor groups included', async () => {
    const { data } = await importOnet(await releaseWith({ overlay: 'soc-structure' }));
    expect(data.occupations.map((o) => o.fieldPath.map((g) => `${g.code} ${g.title.en}`))).toEqual([
      ['29-0000 Healthcare Practitioners and Technical Occupations', '29-1000 Healthcare Diagnosing or Treating Practitioners', '29-1140 Registered Nurses', '29-1141 Registered Nurses'],
      ['15-0000 Computer and Mathematical Occupations', '15-1200 Computer Occupations', '15-1250 Software and Web Developers, Programmers, and Testers', '15-1252 Software Developers'],
      ['11-0000 Management Occupations', '11-1000 Top Executives', '11-1010 Chief Executives', '11-1011 Chief Executives'],
    ]);
  });

  it('imports technology commodities as competencies without requirements by default', async () => {
    const { data } = await importOnet(RELEASE);
    const technology = data.competencies.filter((c) => c.group === '5.F');
    expect(technology.map((c) => [c.id, c.label.en, c.altLabels?.en, c.kind])).toEqual([
      ['unspsc.43232110', 'Spreadsheet software', ['Microsoft Excel', 'LibreOffice Calc'], 'skill'],
      ['unspsc.43232305', 'Medical software', ['Epic Systems'], 'skill'],
      ['unspsc.43232402', 'Development environment software', ['Git'], 'skill'],
      ['unspsc.43232405', 'Object or component oriented development software', ['Python'], 'skill'],
    ]);
    expect(data.requirements.filter((r) => r.competency.startsWith('unspsc.'))).toEqual([]);
  });

  it("scores technology on request: 0.5, 0.7 when hot or in demand, only for rated occupations", async () => {
    const { data, warnings } = await importOnet(RELEASE, { technology: 'requirements' });
    const technology = data.requirements.filter((r) => r.competency.startsWith('unspsc.'));
    expect(technology.map((r) => [r.occupation, r.competency, r.importance, r.level, r.essential, r.source])).toEqual([
      ['29-1141.00', 'unspsc.43232305', 0.7, 0.5, false, { scale: 'generated' }],
      ['29-1141.00', 'unspsc.43232110', 0.5, 0.5, false, { scale: 'generated' }],
      ['15-1252.00', 'unspsc.43232110', 0.5, 0.5, false, { scale: 'generated' }],
      ['15-1252.00', 'unspsc.43232405', 0.7, 0.5, false, { scale: 'generated' }],
      ['15-1252.00', 'unspsc.43232402', 0.5, 0.5, false, { scale: 'generated' }],
    ]);
    expect(warnings).toContain(
      'Technology Skills.txt: 1 technology uses of occupations without rated requirements kept out of scoring (no requirement added)',
    );
  });

  it('leaves Technology Skills out when asked to skip it', async () => {
    const { data, rowsRead } = await importOnet(RELEASE, { technology: 'skip' });
    expect(data.competencies.filter((c) => c.id.startsWith('unspsc.'))).toEqual([]);
    expect(data.competencyGroups.map((g) => g.id)).not.toContain('5.F');
    expect(rowsRead['Technology Skills.txt']).toBeUndefined();
  });

  it('imports Related Occupations as ranked related links with their tier', async () => {
    const { data } = await importOnet(RELEASE);
    expect(data.occupationLinks).toEqual([
      { from: '29-1141.00', to: '11-1011.00', type: 'related', rank: 1, source: 'O*NET Related Occupations: Primary-Short' },
      { from: '29-1141.00', to: '15-1252.00', type: 'related', rank: 2, source: 'O*NET Related Occupations: Supplemental' },
      { from: '15-1252.00', to: '11-1011.00', type: 'related', rank: 1, source: 'O*NET Related Occupations: Primary-Short' },
      { from: '15-1252.00', to: '29-1141.00', type: 'related', rank: 2, source: 'O*NET Related Occupations: Primary-Long' },
    ]);
  });

  it('counts the data rows read per file', async () => {
    const { rowsRead } = await importOnet(RELEASE);
    expect(rowsRead).toEqual({
      'Scales Reference.txt': 6,
      'Content Model Reference.txt': 49,
      'Occupation Data.txt': 3,
      'Skills.txt': 14,
      'Knowledge.txt': 4,
      'Abilities.txt': 4,
      'Work Activities.txt': 4,
      'Work Styles.txt': 7,
      'Interests.txt': 14,
      'IWA Reference.txt': 6,
      'DWA Reference.txt': 8,
      'Task Statements.txt': 8,
      'Tasks to DWAs.txt': 11,
      'Alternate Titles.txt': 5,
      'Sample of Reported Titles.txt': 3,
      'Job Zones.txt': 3,
      'Education, Training, and Experience Categories.txt': 14,
      'Education, Training, and Experience.txt': 27,
      'Technology Skills.txt': 6,
      'Related Occupations.txt': 4,
    });
  });

  it('reports progress per file in bytes', async () => {
    const phases = new Set<string>();
    let last = { phase: '', done: 0, total: 0 as number | undefined };
    await importOnet(RELEASE, {
      onProgress: (p) => {
        phases.add(p.phase);
        if (p.phase === 'Skills.txt') last = { phase: p.phase, done: p.done, total: p.total };
      },
    });
    expect(phases).toContain('Skills.txt');
    expect(last.done).toBe(last.total);
  });

  it('describes the framework: id, version, source and the O*NET attribution', async () => {
    const { data } = await importOnet(RELEASE, { id: 'onet-test', version: '29.2' });
    expect(data.framework).toMatchObject({
      id: 'onet-test',
      name: 'O*NET 29.2',
      version: '29.2',
      source: { kind: 'onet', publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)', release: '29.2' },
      licence: {
        name: 'CC BY 4.0',
        attribution:
          'This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.',
      },
      locales: ['en'],
    });
  });

  it('takes the version from the newest rating date when neither option nor folder name gives one', async () => {
    const { data } = await importOnet(RELEASE);
    expect(data.framework.id).toBe('onet');
    expect(data.framework.version).toBe('2023-08');
    expect(data.framework.licence.attribution).toContain('from the O*NET Database by');
  });
});
