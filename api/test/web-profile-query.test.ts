// The profile as the web pages carry it in the query string: parsed at the boundary, turned into a
// core Profile with only the changed levels as self-assessed overrides, and written back short.
import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage } from '../src/web/i18n.ts';
import { changedLevels, parseProfileForm, profileQuery, toProfile } from '../src/web/profile-query.ts';

const known = (id: string) => ['a', 'b', 'c'].includes(id);
const defaults = new Map([
  ['a', 80],
  ['b', 50],
]);

describe('parseProfileForm', () => {
  it('reads the occupation, levels in percent, CLB, province and preferences', () => {
    const { form, errors } = parseProfileForm(new URLSearchParams('occupation=physician&c.a=80&c.b=20&clb=7&province=on&noRegulated=1&maxMonths=24&abroad=1'), known);
    expect(errors).toEqual([]);
    expect(form).toEqual({
      occupation: 'physician',
      levels: new Map([
        ['a', 80],
        ['b', 20],
      ]),
      languageLevel: 7,
      province: 'ON',
      excludeRegulated: true,
      maxTrainingMonths: 24,
      trainedAbroad: true,
    });
  });

  it('treats empty fields as not given', () => {
    const { form, errors } = parseProfileForm(new URLSearchParams('occupation=x&c.a=&clb=&province=&maxMonths='), known);
    expect(errors).toEqual([]);
    expect(form).toEqual({ occupation: 'x', levels: new Map(), excludeRegulated: false, trainedAbroad: false });
  });

  it('reports each bad field by name and leaves it out rather than guessing', () => {
    const { form, errors } = parseProfileForm(new URLSearchParams('occupation=x&c.a=101&c.b=lots&c.zz=5&clb=0&province=CA&maxMonths=12.5'), known);
    expect(errors).toEqual([
      { field: 'c.a', problem: 'out-of-range' },
      { field: 'c.b', problem: 'not-a-number' },
      { field: 'c.zz', problem: 'unknown-competency' },
      { field: 'clb', problem: 'out-of-range' },
      { field: 'province', problem: 'unknown-province' },
      { field: 'maxMonths', problem: 'out-of-range' },
    ]);
    expect(form?.levels.size).toBe(0);
  });

  it('needs an occupation', () => {
    expect(parseProfileForm(new URLSearchParams('c.a=5'), known)).toEqual({ errors: [{ field: 'occupation', problem: 'missing' }] });
  });
});

describe('toProfile', () => {
  it('sends only the levels that differ from the occupation’s as self-assessed overrides', () => {
    const { form } = parseProfileForm(new URLSearchParams('occupation=physician&c.a=80&c.b=20&c.c=40&province=QC&noRegulated=1'), known);
    expect(toProfile(form!, defaults)).toEqual({
      occupations: [{ occupation: 'physician' }],
      competencies: [
        { competency: 'b', level: 0.2, evidence: 'self-assessed' },
        { competency: 'c', level: 0.4, evidence: 'self-assessed' },
      ],
      province: 'QC',
      preferences: { excludeRegulated: true },
    });
    expect(changedLevels(form!, defaults)).toBe(2);
  });

  it('drops the preferences when asked (one alternative the person chose to look at)', () => {
    const { form } = parseProfileForm(new URLSearchParams('occupation=p&noRegulated=1&maxMonths=6'), known);
    expect(toProfile(form!, defaults, { withPreferences: false }).preferences).toEqual({});
  });
});

describe('profileQuery', () => {
  it('writes back the changed levels only, so links stay short', () => {
    const { form } = parseProfileForm(new URLSearchParams('occupation=physician&c.a=80&c.b=20&clb=9&maxMonths=12'), known);
    expect(profileQuery(form!, defaults).toString()).toBe('occupation=physician&c.b=20&clb=9&maxMonths=12');
  });
});

describe('fromAcceptLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-CA,fr;q=0.5', 'en'],
    ['de,fr;q=0.3,en;q=0.2', 'fr'],
    ['es', 'en'],
    ['fr;q=0,en', 'en'],
  ])('%s -> %s', (header, locale) => {
    expect(fromAcceptLanguage(header)).toBe(locale);
  });
});
