// O*NET's lists projected onto ESCO, on a hand-made ESCO of nine occupations and a crosswalk of
// four rows: which codes each occupation gets, and exactly what is relevant and undetermined.
import { describe, expect, it } from 'vitest';
import { escoOnetCodes, projectLists } from '../src/eval/esco-projection.ts';

// a > a1 > a11 and b > b2 (broader links), u > u1; Nesta rows for a, b, c, d and e.
const input = {
  occupations: ['a', 'a1', 'a11', 'b', 'b2', 'c', 'd', 'e', 'u', 'u1'],
  broader: new Map([
    ['a1', ['a']],
    ['a11', ['a1']],
    ['b2', ['b']],
    ['u1', ['u']],
  ]),
  nesta: new Map([
    ['a', ['11-1011.00']],
    ['b', ['29-1141.00']],
    ['c', ['11-2031.00']],
    ['d', ['29-2061.00']],
    ['e', ['99-9999.00']], // not in the 2010 -> 2019 crosswalk
  ]),
  soc2010to2019: new Map([
    ['11-1011.00', ['11-1011.00']],
    ['29-1141.00', ['29-1141.00']],
    ['11-2031.00', ['11-2032.00', '11-2033.00']], // one 2010 code, two 2019 codes
    ['29-2061.00', ['29-2061.00']],
  ]),
};
// O*NET lists by 2019 code (29-1141.00 lists its own code: a list can name a code the source shares).
const lists = new Map([
  ['11-1011.00', new Set(['11-2033.00', '29-1141.00'])],
  ['11-2032.00', new Set(['11-1011.00'])],
  ['29-1141.00', new Set(['29-2061.00', '29-1141.00'])],
]);

const { codes, counts } = escoOnetCodes(input);
const plain = (truths: ReturnType<typeof projectLists>) =>
  Object.fromEntries(truths.map((t) => [t.source, { key: t.key, relevant: [...t.relevant].sort(), undetermined: [...t.undetermined!].sort() }]));

describe('escoOnetCodes', () => {
  it("takes an occupation's own row, else the nearest broader one's, mapped to 2019 codes", () => {
    expect(Object.fromEntries([...codes].map(([e, set]) => [e, [...set]]))).toEqual({
      a: ['11-1011.00'],
      a1: ['11-1011.00'],
      a11: ['11-1011.00'],
      b: ['29-1141.00'],
      b2: ['29-1141.00'],
      c: ['11-2032.00', '11-2033.00'],
      d: ['29-2061.00'],
      e: [],
      u: [],
      u1: [],
    });
    expect(counts).toEqual({ direct: 5, inherited: 3, none: 2, unknown2010: 1 });
  });
});

describe('projectLists', () => {
  it('makes relevant what carries a listed code and none of the source, undetermined what has no code or shares one', () => {
    expect(plain(projectLists(codes, lists))).toEqual({
      a: { key: '11-1011.00', relevant: ['b', 'b2', 'c'], undetermined: ['a1', 'a11', 'e', 'u', 'u1'] },
      a1: { key: '11-1011.00', relevant: ['b', 'b2', 'c'], undetermined: ['a', 'a11', 'e', 'u', 'u1'] },
      a11: { key: '11-1011.00', relevant: ['b', 'b2', 'c'], undetermined: ['a', 'a1', 'e', 'u', 'u1'] },
      // b's list names b's own code: b2 shares it, so b2 is undetermined, not relevant.
      b: { key: '29-1141.00', relevant: ['d'], undetermined: ['b2', 'e', 'u', 'u1'] },
      b2: { key: '29-1141.00', relevant: ['d'], undetermined: ['b', 'e', 'u', 'u1'] },
      // The union of the lists of both 2019 codes; the key is the smallest code.
      c: { key: '11-2032.00', relevant: ['a', 'a1', 'a11'], undetermined: ['e', 'u', 'u1'] },
      // d's code has no list, e, u and u1 have no code: not sources.
    });
  });

  it('leaves out occupations that are not eligible, as sources and as relevant', () => {
    const truths = plain(projectLists(codes, lists, (id) => id !== 'a11'));
    expect(Object.keys(truths)).toEqual(['a', 'a1', 'b', 'b2', 'c']);
    expect(truths.c!.relevant).toEqual(['a', 'a1']);
  });
});
