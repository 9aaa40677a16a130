// Work Styles.txt and Interests.txt in the hand-made release: one rating per occupation and
// element, made into requirements of trait competencies (attribute, interest). Expected numbers
// are the fixture's raw values put through the documented formulas.
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameworkData } from '@bridgework/core';
import { importOnet } from '../../src/onet/index.ts';
import { RELEASE, releaseWith, removeCopies } from './fixture-release.ts';

afterEach(removeCopies);

const interest = (oi: number) => (oi - 1) / 6;
const workStyle = (im: number) => (im - 1) / 4;
/** [occupation, competency, importance, level, essential, source] of one kind's requirements. */
const requirementsOfKind = (data: FrameworkData, kind: string) => {
  const ids = new Set(data.competencies.filter((c) => c.kind === kind).map((c) => c.id));
  return data.requirements.filter((r) => ids.has(r.competency)).map((r) => [r.occupation, r.competency, r.importance, r.level, r.essential, r.source]);
};

describe('importOnet on Interests.txt', () => {
  it('makes each OI rating an interest requirement, importance = level = (OI - 1) / 6, none at OI 1', async () => {
    const { data } = await importOnet(RELEASE);
    const row = (occupation: string, element: string, oi: number) => [occupation, element, interest(oi), interest(oi), false, { scale: 'onet', importance: oi }];
    expect(requirementsOfKind(data, 'interest')).toEqual([
      row('29-1141.00', '1.B.1.a', 2.5),
      row('29-1141.00', '1.B.1.b', 4.33),
      // 1.B.1.c Artistic is OI 1.00 for nurses: no requirement.
      row('29-1141.00', '1.B.1.d', 6.67),
      row('29-1141.00', '1.B.1.e', 2.17),
      row('29-1141.00', '1.B.1.f', 3.5),
      row('15-1252.00', '1.B.1.a', 1.67),
      row('15-1252.00', '1.B.1.b', 6.0),
      row('15-1252.00', '1.B.1.c', 2.33),
      // 1.B.1.d Social is OI 1.00 for software developers.
      row('15-1252.00', '1.B.1.e', 2.0),
      row('15-1252.00', '1.B.1.f', 4.83),
    ]);
  });

  it('skips the IH high-point rows without a warning; rowsRead counts every row', async () => {
    const { data, warnings, rowsRead } = await importOnet(RELEASE);
    expect(data.competencies.map((c) => c.id)).not.toContain('1.B.1.g');
    expect(warnings.filter((w) => w.includes('Interests.txt'))).toEqual([]);
    expect(rowsRead['Interests.txt']).toBe(14);
  });

  it('uses the built-in OI range 1-7, and skips IH unchecked, when the release has no Scales Reference', async () => {
    const { data } = await importOnet(await releaseWith({ remove: ['Scales Reference.txt'] }));
    const plain = await importOnet(RELEASE);
    expect(requirementsOfKind(data, 'interest')).toEqual(requirementsOfKind(plain.data, 'interest'));
  });

  it('makes the six RIASEC elements transversal interest competencies under the content model groups', async () => {
    const { data } = await importOnet(RELEASE);
    expect(data.competencies.filter((c) => c.kind === 'interest').map((c) => [c.id, c.label.en, c.reuse, c.group, c.externalId])).toEqual([
      ['1.B.1.a', 'Realistic', 'transversal', '1.B.1', '1.B.1.a'],
      ['1.B.1.b', 'Investigative', 'transversal', '1.B.1', '1.B.1.b'],
      ['1.B.1.c', 'Artistic', 'transversal', '1.B.1', '1.B.1.c'],
      ['1.B.1.d', 'Social', 'transversal', '1.B.1', '1.B.1.d'],
      ['1.B.1.e', 'Enterprising', 'transversal', '1.B.1', '1.B.1.e'],
      ['1.B.1.f', 'Conventional', 'transversal', '1.B.1', '1.B.1.f'],
    ]);
    expect(data.competencies.find((c) => c.id === '1.B.1.d')!.description).toEqual({
      en: 'Work involves helping, teaching, advising, assisting, or providing service to others.',
    });
    const groups = data.competencyGroups.filter((g) => g.id.startsWith('1.B'));
    expect(groups.map((g) => [g.id, g.label.en, g.parent])).toEqual([
      ['1.B', 'Interests and Work Values', '1'],
      ['1.B.1', 'General Occupational Interests', '1.B'],
    ]);
  });
});

describe('importOnet on Work Styles.txt', () => {
  it('makes each IM rating an attribute requirement, importance = level = (IM - 1) / 4, never essential', async () => {
    const { data } = await importOnet(RELEASE);
    const row = (occupation: string, element: string, im: number) => [occupation, element, workStyle(im), workStyle(im), false, { scale: 'onet', importance: im }];
    expect(requirementsOfKind(data, 'attribute')).toEqual([
      row('29-1141.00', '1.C.4.b', 4.52),
      row('29-1141.00', '1.C.5.a', 4.7),
      // 1.C.5.b Attention to Detail of nurses is Recommend Suppress = Y.
      row('29-1141.00', '1.C.6', 3.1),
      row('15-1252.00', '1.C.4.b', 3.65),
      row('15-1252.00', '1.C.5.b', 4.4),
      row('15-1252.00', '1.C.6', 4.05),
    ]);
  });

  it('leaves out a suppressed rating and counts it in a warning', async () => {
    const { warnings } = await importOnet(RELEASE);
    expect(warnings).toContain('Work Styles.txt: left out 1 of 7 IM ratings: 1 with Recommend Suppress = Y');
  });

  it('makes work styles transversal attributes in the 1.C groups of the content model', async () => {
    const { data } = await importOnet(RELEASE);
    expect(data.competencies.filter((c) => c.kind === 'attribute').map((c) => [c.id, c.label.en, c.reuse, c.group])).toEqual([
      ['1.C.4.b', 'Stress Tolerance', 'transversal', '1.C.4'],
      ['1.C.5.a', 'Dependability', 'transversal', '1.C.5'],
      ['1.C.5.b', 'Attention to Detail', 'transversal', '1.C.5'],
      ['1.C.6', 'Independence', 'transversal', '1.C'],
    ]);
    expect(data.competencyGroups.filter((g) => g.id.startsWith('1.C')).map((g) => [g.id, g.label.en, g.parent])).toEqual([
      ['1.C', 'Work Styles', '1'],
      ['1.C.4', 'Adjustment', '1.C'],
      ['1.C.5', 'Conscientiousness', '1.C'],
    ]);
  });
});
