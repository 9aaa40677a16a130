// Interests as traits: the six Holland (RIASEC) types are competencies of kind `interest`, and the
// up to three codes OaSIS gives a profile, strongest first, are its requirements on them. Scoring
// uses traits to judge how alike two jobs are, never as gaps: an interest is what a person may
// enjoy, not something to train for.
import type { Competency, Requirement } from '@bridgework/core';
import type { DescriptorGuide } from './descriptor-guide.ts';
import { descriptorCompetency } from './descriptor-competency.ts';
import type { ProfileText } from './profile-texts.ts';

export const HOLLAND_NAMES: Readonly<Record<string, string>> = {
  R: 'Realistic',
  I: 'Investigative',
  A: 'Artistic',
  S: 'Social',
  E: 'Enterprising',
  C: 'Conventional',
};

/** The guide's category of the interest descriptors (C Interests > C01 Holland Codes > C01a). */
const INTERESTS = 'Interests';

/**
 * The six competencies in RIASEC order, keyed by letter: the guide's descriptors (`C01a01`
 * Realistic ... `C01a06` Conventional) when it has them, otherwise `interest-R` ... without a
 * group, with one warning naming the letters.
 */
export function interestCompetencies(guide: DescriptorGuide, guideFile: string): { byLetter: Map<string, Competency>; warnings: string[] } {
  const byLetter = new Map<string, Competency>();
  const missing: string[] = [];
  for (const [letter, name] of Object.entries(HOLLAND_NAMES)) {
    const entry = guide.descriptor(INTERESTS, name);
    if (entry === undefined) missing.push(letter);
    byLetter.set(letter, entry ? descriptorCompetency(entry, 'interest') : { id: `interest-${letter}`, label: { en: name }, kind: 'interest' });
  }
  const warnings =
    missing.length === 0
      ? []
      : [`${guideFile}: no ${INTERESTS} descriptor for ${missing.map((l) => HOLLAND_NAMES[l]).join(', ')}; imported as ${missing.map((l) => `interest-${l}`).join(', ')} without a group`];
  return { byLetter, warnings };
}

/**
 * Position p (1, 2, 3) of a profile's Holland codes -> importance = level = (4 - p) / 3, that is
 * 1, 2/3, 1/3. The order is the only strength OaSIS gives (no scores per type), so the first code
 * weighs most and the third still counts; a type the profile does not list makes no requirement.
 * Nothing is essential. The position is kept as `source.level` (1 = strongest).
 */
export function interestRequirements(profiles: Iterable<ProfileText>, byLetter: ReadonlyMap<string, Competency>): Requirement[] {
  const requirements: Requirement[] = [];
  for (const profile of profiles) {
    profile.interests.forEach((letter, i) => {
      const position = i + 1;
      const share = (4 - position) / 3;
      const competency = byLetter.get(letter)!;
      requirements.push({ occupation: profile.code, competency: competency.id, importance: share, level: share, essential: false, source: { scale: 'oasis', level: position } });
    });
  }
  return requirements;
}
