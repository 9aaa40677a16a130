import { describe, expect, it } from 'vitest';
import { BridgeworkError, foldText, OccupationLookup, parseFramework } from '../src/index.ts';
import { tinyFramework } from './fixtures.ts';

const lookup = new OccupationLookup(parseFramework(tinyFramework()).occupations);
const firstId = (q: string) => lookup.searchTitles(q)[0]?.occupation.id;

describe('foldText', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldText('  MÉDECIN—Œuvre, foreign-trained ')).toBe('medecin oeuvre foreign trained');
  });
});

describe('OccupationLookup', () => {
  it('finds by id and by any code', () => {
    expect(lookup.byId('pa')!.title.en).toBe('Physician assistant');
    expect(lookup.byCode('31102')[0]!.id).toBe('physician');
    expect(lookup.byCode('29-1216.00')[0]!.id).toBe('physician');
  });

  it('finds the physician by alternate and French titles, ignoring case and accents', () => {
    for (const q of ['IMG', 'img', 'médecin', 'MEDECIN', 'foreign-trained doctor', 'foreign trained', 'diplome international']) {
      expect(firstId(q), q).toBe('physician');
    }
  });

  it('ranks an exact title above a title that only starts with the query', () => {
    const results = lookup.searchTitles('physician');
    expect(results.map((r) => [r.occupation.id, r.score])).toEqual([
      ['physician', 4],
      ['pa', 3],
    ]);
  });

  it('reports which title matched and in which language', () => {
    const [match] = lookup.searchTitles('infirmiere');
    expect(match).toMatchObject({ matchedTitle: 'Infirmière autorisée', locale: 'fr', preferred: true });
  });

  it('returns nothing for an empty query', () => {
    expect(lookup.searchTitles('  -- ')).toEqual([]);
  });

  it('does not guess between occupations that only start with what was typed', () => {
    expect(lookup.resolve('physician').id).toBe('physician');
    expect(() => lookup.resolve('phys')).toThrowError('"phys" matches several occupations; use an id, a code or a full title');
    expect(lookup.resolve('registered').id).toBe('nurse');
  });

  it('resolves what a person typed and explains what it could not', () => {
    expect(lookup.resolve('foreign-trained doctor').id).toBe('physician');
    expect(lookup.resolve('31303').id).toBe('pa');
    expect(() => lookup.resolve('astronaut')).toThrowError(BridgeworkError);
    try {
      lookup.resolve('astronaut');
    } catch (e) {
      expect((e as BridgeworkError).code).toBe('occupation.not_found');
      expect((e as BridgeworkError).message).toBe('no occupation with id, code or title "astronaut"');
    }
  });
});
