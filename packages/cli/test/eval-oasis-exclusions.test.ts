// OaSIS exclusions as ground truth: a profile code names that profile, a code that is not a
// profile stands for its unit group's profiles, self-references are dropped, and each case is
// counted.
import { describe, expect, it } from 'vitest';
import { exclusionTruth, profileCode } from '../src/eval/oasis-exclusions.ts';

const profiles = ['10020.01', '10020.02', '10029.01', '10029.02', '11100.00', '41401.00'];

describe('exclusionTruth', () => {
  const { sources, counts } = exclusionTruth(
    [
      { profile: '11100.00', excluded: '41401.00' }, // a profile
      { profile: '11100.00', excluded: '10029' }, // a bare unit group code: both profiles
      { profile: '10020.01', excluded: '10020.02' },
      { profile: '10020.01', excluded: '10020.00' }, // not a profile: its unit group, itself dropped
      { profile: '10020.01', excluded: '99999' }, // neither
      { profile: '41401.00', excluded: '41401' }, // its own unit group: only itself, dropped
    ],
    profiles,
  );

  it('collects the excluded profiles per source, keyed by unit group', () => {
    expect(Object.fromEntries(sources.map((s) => [s.source, { key: s.key, relevant: [...s.relevant].sort() }]))).toEqual({
      '10020.01': { key: '10020', relevant: ['10020.02'] },
      '11100.00': { key: '11100', relevant: ['10029.01', '10029.02', '41401.00'] },
    });
  });

  it('counts how often each case happens', () => {
    expect(counts).toEqual({ profile: 2, unitGroup: 3, bareUnitGroup: 2, bareSeveral: 1, unknown: 1, self: 2 });
  });
});

describe('profileCode', () => {
  it('pads a code that lost its trailing zero, and refuses a bare unit group', () => {
    expect(profileCode('31100.1')).toBe('31100.10');
    expect(profileCode(' 31100.01 ')).toBe('31100.01');
    expect(profileCode('31100')).toBeUndefined();
  });
});
