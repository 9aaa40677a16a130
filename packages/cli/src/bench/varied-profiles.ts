// Varied profiles for latency figures: single and double source occupations, self-assessed
// overrides, language level, province and filters, drawn deterministically from a seed.
import { Profile, seededRandom, type CompiledIndex, type Jurisdiction } from '@bridgework/core';

const PROVINCES: Jurisdiction[] = ['ON', 'QC', 'AB', 'BC', 'MB', 'NS'];

export function variedProfiles(index: CompiledIndex, count: number, seed = 7): Profile[] {
  const random = seededRandom(seed);
  const rated: number[] = [];
  for (let o = 0; o < index.occupationCount; o++) if (index.reqStart[o + 1]! > index.reqStart[o]!) rated.push(o);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 6;
    const first = pick(rated);
    const occupations = [{ occupation: index.occupations[first]!.id, years: Math.floor(random() * 20) }];
    if (kind === 3) occupations.push({ occupation: index.occupations[pick(rated)]!.id, years: 2 });
    const competencies = [];
    if (kind === 1 || kind === 4) {
      for (let k = 0; k < 5; k++) {
        competencies.push({ competency: index.competencies[Math.floor(random() * index.competencyCount)]!.id, level: Math.round(random() * 100) / 100, evidence: 'self-assessed' as const });
      }
    }
    profiles.push(
      Profile.parse({
        occupations,
        competencies,
        ...(kind >= 2 ? { languageLevel: 5 + Math.floor(random() * 7), province: pick(PROVINCES) } : {}),
        ...(kind === 5 ? { preferences: { excludeRegulated: true, maxTrainingMonths: 36 } } : {}),
      }),
    );
  }
  return profiles;
}
