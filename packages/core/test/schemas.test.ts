import { describe, expect, it } from 'vitest';
import { BridgeworkError, Occupation, parseFramework, Profile, Requirement, safeParseFramework } from '../src/index.ts';
import { tinyFramework } from './fixtures.ts';

describe('Requirement schema', () => {
  it('accepts ratings in [0,1] and defaults essential to false', () => {
    expect(Requirement.parse({ occupation: 'a', competency: 'b', importance: 0, level: 1 })).toEqual({
      occupation: 'a',
      competency: 'b',
      importance: 0,
      level: 1,
      essential: false,
    });
  });

  it('names the bad value when a level is out of range', () => {
    const result = Requirement.safeParse({ occupation: 'a', competency: 'b', importance: 0.5, level: 1.4 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['level', 'must be between 0 and 1, got 1.4']]);
  });

  it('rejects unknown fields rather than dropping them', () => {
    const result = Requirement.safeParse({ occupation: 'a', competency: 'b', importance: 0.5, level: 0.5, weight: 2 });
    expect(result.error!.issues[0]!.code).toBe('unrecognized_keys');
  });
});

describe('Occupation schema', () => {
  it('rejects a NOC code that is not five digits', () => {
    const result = Occupation.safeParse({ id: 'x', title: { en: 'X' }, codes: { noc: '3130' } });
    expect(result.error!.issues[0]!.message).toBe('must be a five-digit NOC 2021 unit group code');
  });

  it('rejects ids with whitespace and empty titles', () => {
    const result = Occupation.safeParse({ id: 'two words', title: { en: ' ' } });
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'id: must not contain whitespace',
      'title.en: must not be empty',
    ]);
  });
});

describe('Profile schema', () => {
  it('bounds the language level to the Canadian Language Benchmarks 1-12', () => {
    expect(Profile.safeParse({ languageLevel: 13 }).success).toBe(false);
    expect(Profile.parse({ languageLevel: 7 })).toEqual({ occupations: [], competencies: [], languageLevel: 7, preferences: {} });
  });
});

describe('parseFramework', () => {
  it('accepts a consistent framework', () => {
    const data = parseFramework(tinyFramework());
    expect(data.occupations).toHaveLength(3);
    expect(data.crosswalks).toEqual([]);
  });

  it('lists every reference problem with its path', () => {
    const input = tinyFramework();
    input.requirements.push({ occupation: 'ghost', competency: 'reasoning', importance: 1, level: 1 });
    input.requirements.push({ occupation: 'nurse', competency: 'communication', importance: 1, level: 1 });
    input.competencies.push({ id: 'communication', label: { en: 'Again' }, kind: 'skill', group: 'nowhere' });
    const result = safeParseFramework(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'competencies.3.id: duplicate competency id "communication" (first defined at item 3)',
      'competencies.3.group: unknown competency group "nowhere"',
      'requirements.5.occupation: unknown occupation "ghost"',
      'requirements.6.competency: duplicate requirement: occupation "nurse" already requires "communication"',
    ]);
  });

  it('throws framework.invalid with details when asked to throw', () => {
    const input = tinyFramework();
    input.requirements = input.requirements.filter((r) => r.occupation !== 'nurse');
    expect(() => parseFramework(input)).toThrowError(BridgeworkError);
    try {
      parseFramework(input);
    } catch (e) {
      expect((e as BridgeworkError).code).toBe('framework.invalid');
      expect((e as BridgeworkError).details).toEqual([{ where: 'occupations.2.id', message: 'occupation "nurse" has no requirements' }]);
    }
  });

  it('allows rating-less occupations for imported releases when asked', () => {
    const input = tinyFramework();
    input.requirements = input.requirements.filter((r) => r.occupation !== 'nurse');
    expect(parseFramework(input, { requireRequirements: false }).occupations).toHaveLength(3);
  });
});
