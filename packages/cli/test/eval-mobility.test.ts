// The OaSIS mobility sentences, read by the documented rules: real sentences from
// additional-information_oasis_2023_v1.0.csv for each rule and each negation, then the sets of
// profiles the rules make relevant on a handful of profiles.
import { describe, expect, it } from 'vitest';
import { mentionsMobility, mobilityRules, splitSentences } from '../src/eval/mobility-sentences.ts';
import { mobilityTruths } from '../src/eval/oasis-mobility.ts';

describe('mobilityRules', () => {
  it.each([
    'There is considerable mobility among jobs in this unit group.',
    'There is some mobility among occupations in this unit group.',
    'Mobility is possible between jobs in this unit group.',
    'There is mobility among occupations in this group.',
    'Considerable mobility is possible among jobs within this occupational group.',
    'Mobility among the various operators in this unit is possible.',
    'Mobility between specializations in this group may be possible with experience.',
    'Some mobility may occur among workers in this unit group.',
  ])('reads mobility within the unit group in "%s"', (sentence) => {
    expect(mobilityRules(sentence)).toEqual(['within-unit-group']);
  });

  it.each([
    ['no', 'There is no mobility between the different types of managers in this unit group.'],
    ['little', 'There is little mobility between the different occupations in this unit group.'],
    ['limited', 'There is limited mobility among occupations in this group.'],
    ['little or no', 'There is little or no mobility among occupations in this unit group.'],
    ['little or no intertrade', 'There is little or no intertrade mobility among the supervisors in this unit group.'],
    ['is limited', 'Mobility between occupations in this group is limited due to the requirement of specific transportation sector experience.'],
    ['without further training', 'There is no mobility between these occupations without further training.'],
    ['without additional specialized training', 'There is little or no mobility among the different occupations in this unit group without additional specialized training.'],
  ])('reads a negation (%s) as no mobility in the unit group', (_negation, sentence) => {
    expect(mobilityRules(sentence)).toEqual(['no-mobility']);
  });

  it.each([
    ['Progression to supervisory positions is possible with experience.', ['supervisory']],
    ['Progression to mining supervisor is possible with experience.', ['supervisory']],
    ['With experience, mechanics and technicians in this unit group may progress to supervisory positions.', ['supervisory']],
    ['Progression to managerial positions is possible with experience.', ['management']],
    ['Progression to management positions, such as chief of surgery, is possible with experience.', ['management']],
    ['Advancement to management positions in mining, petroleum and other industries is possible with experience.', ['management']],
    ['Progression to supervisory or managerial positions in these fields is possible with experience.', ['supervisory', 'management']],
    ['Designers may advance to supervisory and management positions.', ['supervisory', 'management']],
    ['Progression to senior management positions is possible with experience.', ['senior-management']],
    // "training in management" comes after "is possible": it names no position.
    ['Progression to senior management positions is possible with extensive experience and training in management.', ['senior-management']],
    ['There is mobility among senior management occupations.', ['senior-management']],
  ] as const)('reads progression in "%s"', (sentence, rules) => {
    expect(mobilityRules(sentence)).toEqual(rules);
  });

  it.each([
    'The Red Seal endorsement allows for interprovincial mobility.',
    'There is considerable mobility between engineering specializations at the less senior levels.',
    'There is little or no mobility among lock equipment operators, cable ferry operators and ferry terminal workers.',
    'Progression to vice-principal or other administrative positions in the education system is possible with experience.',
  ])('leaves "%s" unparsed', (sentence) => {
    expect(mentionsMobility(sentence)).toBe(true);
    expect(mobilityRules(sentence)).toEqual([]);
  });

  it('does not count a sentence about something else as about mobility', () => {
    expect(mentionsMobility('Senior managers in this unit group may specialize in areas such as finance, marketing or human resources.')).toBe(false);
  });
});

describe('splitSentences', () => {
  it('splits after a full stop followed by a capital, not inside a code', () => {
    expect(
      splitSentences(
        'Progression to supervisory positions is possible with experience. Progression to professional occupations in statistics and research usually requires completion of a postgraduate degree.',
      ),
    ).toHaveLength(2);
    expect(splitSentences('Duties can include those of “Court Clerks” (in NOC 14.103) depending on the location.')).toHaveLength(1);
  });
});

describe('mobilityTruths', () => {
  const profiles = [
    { code: '72010.00', label: 'Contractors and supervisors, machining, metal forming, shaping and erecting trades' },
    { code: '72100.00', label: 'Machinists and machining and tooling inspectors' },
    { code: '72101.01', label: 'Tool and die makers' },
    { code: '72101.02', label: 'Pattern makers' },
    { code: '70010.00', label: 'Construction managers' },
    { code: '00012.00', label: 'Senior managers - financial, communications and other business services' },
    { code: '00013.00', label: 'Senior managers - health, education, social and community services' },
    { code: '73100.01', label: 'Concrete finishers' },
    { code: '73100.02', label: 'Terrazzo workers' },
  ];
  const rows = [
    { profile: '72101.01', text: 'There is some mobility among jobs in this unit group. Progression to supervisory positions is possible with experience.' },
    { profile: '72100.00', text: 'Progression to management positions is possible with experience.' },
    { profile: '00012.00', text: 'There is mobility among senior management occupations.' },
    { profile: '70010.00', text: 'Progression to senior management positions is possible with experience.' },
    { profile: '73100.01', text: 'There is little or no mobility among occupations in this unit group.' },
    { profile: '72010.00', text: 'The Red Seal endorsement allows for interprovincial mobility.' },
    { profile: '72101.02', text: 'There is some mobility among jobs in this unit group.' },
    { profile: '72101.02', text: 'There is limited mobility between pattern makers and tool and die makers in this unit group.' },
  ];
  const t = mobilityTruths(rows, profiles);
  const sets = (truths: typeof t.mobility) => Object.fromEntries(truths.map((s) => [s.source, [...s.relevant].sort()]));

  it('makes relevant the unit group, its major group supervisors, its TEER 0 managers or senior management', () => {
    expect(sets(t.mobility)).toEqual({
      '00012.00': ['00013.00'],
      '70010.00': ['00012.00', '00013.00'],
      '72100.00': ['70010.00'],
      '72101.01': ['72010.00', '72101.02'],
      '72101.02': ['72101.01'],
    });
    expect(t.mobility.map((s) => s.key)).toEqual(['00012', '70010', '72100', '72101', '72101']);
  });

  it('keeps no-mobility sources apart, unless a positive sentence says otherwise', () => {
    expect(sets(t.noMobility)).toEqual({ '73100.01': ['73100.02'] });
  });

  it('counts the sentences each rule matched and those left unparsed', () => {
    expect(t.sentences).toEqual({ 'within-unit-group': 2, 'no-mobility': 2, supervisory: 1, management: 1, 'senior-management': 2, unparsed: 1, other: 0 });
  });
});
