// Makes a valid FrameworkData of any size, deterministically from a seed, for round-trip tests,
// the kill-mid-save test and the store benchmark. Unlike core's generateFramework (shaped for
// scoring benchmarks), records here use every optional field some of the time (French titles,
// regulation, sources, source ratings, links, crosswalks) so a round trip exercises them all.
import { FrameworkData, seededRandom, type FrameworkDataInput, type Jurisdiction, type OccupationInput, type RequirementInput } from '@bridgework/core';

export interface FrameworkSize {
  occupations: number;
  competencies: number;
  /** At most occupations x competencies; spread evenly over the occupations. */
  requirements: number;
  competencyGroups?: number;
  relations?: number;
  occupationLinks?: number;
  crosswalks?: number;
}

/** ESCO v1.1 in round numbers: 3,000 occupations, 14,000 skills, 124,000 occupation-skill relations. */
export const ESCO_SIZE: FrameworkSize = {
  occupations: 3_000,
  competencies: 14_000,
  requirements: 124_000,
  competencyGroups: 640,
  relations: 20_000,
  occupationLinks: 3_000,
  crosswalks: 3_000,
};

export interface GenerateOptions {
  id?: string;
  version?: string;
  seed?: number;
}

export function generateFullFramework(size: FrameworkSize, options: GenerateOptions = {}): FrameworkData {
  const id = options.id ?? 'generated';
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rating = (): number => Math.round(random() * 100) / 100;
  const groupCount = size.competencyGroups ?? 0;
  const jurisdictions: Jurisdiction[] = ['ON', 'QC', 'BC', 'AB'];

  const competencyGroups = Array.from({ length: groupCount }, (_, g) => ({
    id: `g${g}`,
    label: g % 2 === 0 ? { en: `Group ${g}`, fr: `Groupe ${g}` } : { en: `Group ${g}` },
    // A forest: each group below the first ten hangs under an earlier one.
    ...(g >= 10 ? { parent: `g${Math.floor(random() * Math.min(g, 50))}` } : {}),
    ...(g % 5 === 0 ? { description: { en: `What group ${g} covers.` } } : {}),
  }));

  const competencies = Array.from({ length: size.competencies }, (_, c) => ({
    id: `c${c}`,
    label: c % 3 === 0 ? { en: `competency ${c}` } : { en: `competency ${c}`, fr: `compétence ${c}` },
    kind: pick(['skill', 'knowledge', 'ability', 'attribute'] as const),
    ...(groupCount > 0 ? { group: `g${c % groupCount}` } : {}),
    ...(c % 4 === 0 ? { altLabels: { en: [`skill ${c}`, `ability ${c}`] } } : {}),
    ...(c % 7 === 0 ? { description: { en: `Doing ${c} well.`, fr: `Bien faire ${c}.` } } : {}),
    ...(c % 2 === 0 ? { reuse: pick(['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'] as const) } : {}),
    ...(c % 2 === 1 ? { externalId: `http://data.europa.eu/esco/skill/${c}` } : {}),
    ...(c % 11 === 0 ? { sources: [{ document: 'generated.csv', line: c + 2 }] } : {}),
  }));

  const occupations = Array.from({ length: size.occupations }, (_, o): OccupationInput => ({
    id: `o${o}`,
    title: o % 2 === 0 ? { en: `Occupation ${o}`, fr: `Profession ${o}` } : { en: `Occupation ${o}` },
    ...(o % 3 === 0 ? { alternateTitles: { en: [`job ${o}`], fr: [`métier ${o}`] } } : {}),
    ...(o % 4 === 0 ? { description: { en: `People in occupation ${o} do useful things.` } } : {}),
    codes: {
      isco: `${1000 + (o % 9000)}.${o}`,
      ...(o % 2 === 0 ? { noc: String(10000 + (o % 90000)).padStart(5, '0'), teer: o % 6 } : {}),
      ...(o % 5 === 0 ? { esco: `http://data.europa.eu/esco/occupation/${o}` } : {}),
    },
    fieldPath: [
      { code: String(o % 10), title: { en: `Field ${o % 10}`, fr: `Domaine ${o % 10}` } },
      { code: String(o % 100), title: { en: `Subfield ${o % 100}` } },
    ],
    ...(o % 10 === 0
      ? { regulation: [{ jurisdiction: pick(jurisdictions), regulated: true, regulator: `College ${o}`, licence: `Licensed ${o}` }] }
      : {}),
    ...(o % 6 === 0 ? { entry: { education: 'college diploma', trainingMonths: 24 } } : {}),
    ...(o % 9 === 0 ? { notes: `Note on ${o}.` } : {}),
    ...(o % 8 === 0 ? { sources: [{ document: 'occupations.csv', lines: `${o + 2}-${o + 3}` }] } : {}),
  }));

  if (size.requirements > size.occupations * size.competencies) {
    throw new Error(`cannot make ${size.requirements} distinct requirements from ${size.occupations} x ${size.competencies}`);
  }
  const requirements: RequirementInput[] = [];
  for (let o = 0; o < size.occupations; o++) {
    // Spread evenly: the first (requirements mod occupations) occupations get one more.
    const count = Math.floor(size.requirements / size.occupations) + (o < size.requirements % size.occupations ? 1 : 0);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(random() * size.competencies));
    for (const c of chosen) {
      const kind = requirements.length % 3;
      requirements.push({
        occupation: `o${o}`,
        competency: `c${c}`,
        importance: rating(),
        level: rating(),
        essential: random() < 0.4,
        ...(kind === 1 ? { source: { scale: 'esco' as const, relation: random() < 0.5 ? ('essential' as const) : ('optional' as const) } } : {}),
        ...(kind === 2 ? { source: { scale: 'onet' as const, importance: 1 + Math.round(random() * 400) / 100, level: Math.round(random() * 700) / 100 } } : {}),
      });
    }
  }

  const relations = Array.from({ length: size.relations ?? 0 }, (_, r) => {
    const from = r % size.competencies;
    const to = (from + 1 + Math.floor(random() * (size.competencies - 1))) % size.competencies;
    return {
      from: `c${from}`,
      to: `c${to}`,
      type: r % 2 === 0 ? ('broader' as const) : ('related' as const),
      weight: rating(),
      ...(r % 3 === 0 ? { sourceType: 'optional' } : {}),
    };
  });

  const occupationLinks = Array.from({ length: size.occupationLinks ?? 0 }, (_, l) => ({
    from: `o${l % size.occupations}`,
    to: `o${(l + 1) % size.occupations}`,
    type: pick(['career-changer', 'related', 'broader'] as const),
    ...(l % 2 === 0 ? { rank: 1 + (l % 10) } : {}),
    ...(l % 3 === 0 ? { source: 'Career Changers Matrix' } : {}),
  }));

  const crosswalks = Array.from({ length: size.crosswalks ?? 0 }, (_, x) => ({
    fromFramework: id,
    fromOccupation: `o${x % size.occupations}`,
    toFramework: 'noc-2021',
    toOccupation: String(10000 + x),
    confidence: rating(),
    source: 'generated crosswalk',
  }));

  const input: FrameworkDataInput = {
    framework: {
      id,
      name: `Generated framework ${id}`,
      version: options.version ?? '1.0.0',
      description: 'A synthetic framework for tests and benchmarks.',
      source: { kind: 'generated', publisher: 'Bridgework tests', release: 'seed', url: 'https://example.org/generated' },
      licence: { name: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/', attribution: 'Generated by Bridgework tests' },
      locales: ['en', 'fr'],
    },
    occupations,
    competencyGroups,
    competencies,
    requirements,
    relations,
    occupationLinks,
    crosswalks,
  };
  return FrameworkData.parse(input);
}

