// Detailed work activities in the hand-made release: Tasks to DWAs.txt links tasks to DWAs, Task
// Statements.txt says which tasks are Core, DWA and IWA Reference.txt give titles and hierarchy.
// The nurse's tasks: 5001 Core, 5002 Supplemental, 5003 untyped (n/a), 5004 Core; the software
// developer's: 6001 and 6002 Core, 6003 Supplemental; the chief executive's 7001 Core (the only
// data the fixture has for that occupation).
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameworkData } from '@bridgework/core';
import { importOnet } from '../../src/onet/index.ts';
import { RELEASE, releaseWith, removeCopies } from './fixture-release.ts';

afterEach(removeCopies);

const isDwa = (id: string) => /\.I\d+\.D\d+$/.test(id);
const dwaRequirements = (data: FrameworkData) =>
  data.requirements.filter((r) => isDwa(r.competency)).map((r) => [r.occupation, r.competency, r.importance, r.level, r.essential, r.source]);
const core = { scale: 'onet', relation: 'core-task' };
const supplemental = { scale: 'onet', relation: 'supplemental-task' };

describe('importOnet on detailed work activities', () => {
  it('weighs a DWA 1.0 when a Core task of the occupation links to it, else 0.5; level 1; never essential', async () => {
    const { data } = await importOnet(RELEASE);
    expect(dwaRequirements(data)).toEqual([
      ['29-1141.00', '4.A.4.a.5.I03.D02', 1, 1, false, core], // task 5001, Core
      ['29-1141.00', '4.A.1.a.1.I02.D07', 1, 1, false, core], // tasks 5003 (untyped) and 5004 (Core)
      ['29-1141.00', '4.A.4.a.5.I01.D02', 0.5, 1, false, supplemental], // task 5002, Supplemental
      ['29-1141.00', '4.A.2.a.4.I09.D03', 0.5, 1, false, supplemental], // task 5003, untyped
      ['15-1252.00', '4.A.2.a.4.I05.D02', 1, 1, false, core], // tasks 6003 (Supplemental) and 6001 (Core)
      ['15-1252.00', '4.A.2.a.4.I05.D05', 1, 1, false, core],
      ['15-1252.00', '4.A.1.a.1.I02.D07', 1, 1, false, core],
      ['11-1011.00', '4.A.2.a.4.I09.D03', 1, 1, false, core],
    ]);
  });

  it('makes an occupation without ratings rankable through its work activities', async () => {
    const { data, warnings } = await importOnet(RELEASE);
    expect(data.requirements.filter((r) => r.occupation === '11-1011.00').map((r) => r.competency)).toEqual(['4.A.2.a.4.I09.D03']);
    expect(warnings.filter((w) => w.includes('have no usable ratings'))).toEqual([]);
  });

  it('makes each linked DWA a cross-sector work activity in the group of its IWA, and leaves unlinked ones out', async () => {
    const { data } = await importOnet(RELEASE);
    expect(data.competencies.filter((c) => isDwa(c.id))).toEqual([
      dwa('4.A.1.a.1.I02.D07', 'Read documents to gather technical information.', '4.A.1.a.1.I02'),
      dwa('4.A.2.a.4.I05.D02', 'Analyze design requirements for computer or electronics systems.', '4.A.2.a.4.I05'),
      dwa('4.A.2.a.4.I05.D05', 'Analyze project data to determine specifications or requirements.', '4.A.2.a.4.I05'),
      dwa('4.A.2.a.4.I09.D03', 'Analyze impact of legal or regulatory changes.', '4.A.2.a.4.I09'),
      dwa('4.A.4.a.5.I01.D02', 'Refer patients to other healthcare practitioners or health resources.', '4.A.4.a.5.I01'),
      dwa('4.A.4.a.5.I03.D02', 'Administer basic health care or medical treatments.', '4.A.4.a.5.I03'),
    ]);
  });

  it('makes IWAs groups under their GWA, or under its group when Work Activities.txt rates the GWA', async () => {
    const { data } = await importOnet(RELEASE);
    const group = (id: string) => data.competencyGroups.find((g) => g.id === id);
    expect(data.competencyGroups.filter((g) => g.id.includes('.I'))).toEqual([
      // 4.A.1.a.1 Getting Information is rated in Work Activities.txt, so it is a competency.
      { id: '4.A.1.a.1.I02', label: { en: 'Read documents or materials to inform work processes.' }, parent: '4.A.1.a' },
      { id: '4.A.2.a.4.I05', label: { en: 'Evaluate designs, specifications, or other technical data.' }, parent: '4.A.2.a.4' },
      { id: '4.A.2.a.4.I09', label: { en: 'Analyze impact of legal or regulatory changes.' }, parent: '4.A.2.a.4' },
      { id: '4.A.4.a.5.I01', label: { en: 'Assist others to access additional services or resources.' }, parent: '4.A.4.a.5' },
      { id: '4.A.4.a.5.I03', label: { en: 'Administer basic health care or medical treatments.' }, parent: '4.A.4.a.5' },
    ]);
    // The GWAs and their ancestors are groups with their Content Model names.
    expect(group('4.A.4.a.5')).toEqual({
      id: '4.A.4.a.5',
      label: { en: 'Assisting and Caring for Others' },
      parent: '4.A.4.a',
      description: { en: 'Providing personal assistance, medical attention, emotional support, or other personal care.' },
    });
    expect([group('4.A.4.a'), group('4.A.4')].map((g) => [g?.label.en, g?.parent])).toEqual([
      ['Communicating and Interacting', '4.A.4'],
      ['Interacting With Others', '4.A'],
    ]);
    expect(group('4.A.1.a.1')).toBeUndefined();
  });

  it('makes the GWA a group when Work Activities.txt is absent', async () => {
    const { data } = await importOnet(await releaseWith({ remove: ['Work Activities.txt'] }));
    expect(data.competencyGroups.find((g) => g.id === '4.A.1.a.1')).toMatchObject({ label: { en: 'Getting Information' }, parent: '4.A.1.a' });
    expect(data.competencyGroups.find((g) => g.id === '4.A.1.a.1.I02')?.parent).toBe('4.A.1.a.1');
  });

  it('skips links of codes not in Occupation Data and says how many', async () => {
    const { warnings } = await importOnet(RELEASE);
    expect(warnings).toContain('Tasks to DWAs.txt: skipped 1 task links for 1 O*NET-SOC code(s) not in Occupation Data.txt (13-2011.00)');
  });

  it('counts a link to a task missing from Task Statements as a link of an untyped task', async () => {
    const { data, warnings } = await importOnet(await releaseWith({ overlay: 'untyped-task' }));
    expect(dwaRequirements(data).filter(([occupation]) => occupation === '15-1252.00').map((r) => [r[1], r[2]])).toEqual([
      ['4.A.2.a.4.I05.D02', 1],
      ['4.A.2.a.4.I05.D05', 1],
      ['4.A.1.a.1.I02.D07', 1],
      ['4.A.2.a.4.I09.D03', 0.5],
    ]);
    expect(warnings).toContain(
      'Tasks to DWAs.txt: 1 task links name a task not in Task Statements.txt for that occupation: counted as links of an untyped task (importance 0.5)',
    );
  });

  it('weighs every link 1.0, without a relation, when Task Statements.txt is absent', async () => {
    const { data, warnings, rowsRead } = await importOnet(await releaseWith({ remove: ['Task Statements.txt'] }));
    expect(dwaRequirements(data).map((r) => [r[2], r[5]])).toEqual(Array(8).fill([1, { scale: 'onet' }]));
    expect(warnings).toContain(
      'Task Statements.txt not found: task types are unknown, so every detailed work activity of an occupation gets importance 1, as if a Core task linked to it',
    );
    expect(rowsRead['Tasks to DWAs.txt']).toBe(11);
  });

  it('groups DWAs under their GWA, or its nearest group, when IWA Reference.txt is absent', async () => {
    const { data, warnings } = await importOnet(await releaseWith({ remove: ['IWA Reference.txt'] }));
    expect(data.competencies.filter((c) => isDwa(c.id)).map((c) => [c.id, c.group])).toEqual([
      ['4.A.1.a.1.I02.D07', '4.A.1.a'],
      ['4.A.2.a.4.I05.D02', '4.A.2.a.4'],
      ['4.A.2.a.4.I05.D05', '4.A.2.a.4'],
      ['4.A.2.a.4.I09.D03', '4.A.2.a.4'],
      ['4.A.4.a.5.I01.D02', '4.A.4.a.5'],
      ['4.A.4.a.5.I03.D02', '4.A.4.a.5'],
    ]);
    expect(data.competencyGroups.filter((g) => g.id.includes('.I'))).toEqual([]);
    expect(warnings).toContain('IWA Reference.txt not found: detailed work activities are grouped under their generalized work activity');
  });

  it('makes no DWAs without DWA Reference.txt, whose titles they need, and reads no other task file', async () => {
    const { data, warnings, rowsRead } = await importOnet(await releaseWith({ remove: ['DWA Reference.txt'] }));
    expect(data.competencies.filter((c) => isDwa(c.id))).toEqual([]);
    expect(data.requirements.filter((r) => isDwa(r.competency))).toEqual([]);
    expect(data.competencyGroups.map((g) => g.id)).not.toContain('4.A.4.a.5');
    expect(warnings).toContain(
      'DWA Reference.txt not found: no detailed work activities (Tasks to DWAs.txt gives only their ids; the titles are in DWA Reference.txt)',
    );
    expect(Object.keys(rowsRead).filter((f) => /DWA|IWA|Task/.test(f))).toEqual([]);
  });

  it('warns once when Tasks to DWAs.txt is absent, without reading the references', async () => {
    const { data, warnings, rowsRead } = await importOnet(await releaseWith({ remove: ['Tasks to DWAs.txt'] }));
    expect(data.competencies.filter((c) => isDwa(c.id))).toEqual([]);
    expect(warnings.filter((w) => /DWA|IWA|Task/.test(w))).toEqual(['Tasks to DWAs.txt not found: no detailed work activities']);
    expect(rowsRead['DWA Reference.txt']).toBeUndefined();
  });
});

function dwa(id: string, title: string, group: string) {
  return { id, label: { en: title }, kind: 'work-activity', group, reuse: 'cross-sector', externalId: id };
}
