// An OaSIS profile as an occupation: its code (and the NOC unit group and TEER inside it), its
// label, example titles as alternate titles for search, the lead statement as description, and
// main duties, employment requirements, additional information and interests as notes. No `entry`:
// OaSIS states employment requirements as text only, so no education or training months are made up.
import type { Occupation } from '@bridgework/core';
import { nocFieldPath, teerOf } from '../noc/noc-classes.ts';
import { HOLLAND_NAMES } from './holland-interests.ts';
import type { ProfileText } from './profile-texts.ts';

export interface ProfileOccupation {
  occupation: Occupation;
  /** NOC group codes of the field path that had no title (see nocFieldPath). */
  untitled: string[];
}

/** `nocTitles`: titles of NOC groups by code, when a NOC structure file was given; may be empty. */
export function profileOccupation(profile: ProfileText, nocTitles: ReadonlyMap<string, string>): ProfileOccupation {
  const noc = profile.code.slice(0, 5);
  const field = nocFieldPath(noc, nocTitles);
  const alternates = alternateTitles(profile);
  const notes = profileNotes(profile);
  const occupation: Occupation = {
    id: profile.code,
    title: { en: profile.title },
    ...(alternates.length > 0 ? { alternateTitles: { en: alternates } } : {}),
    ...(profile.leadStatements.length > 0 ? { description: { en: profile.leadStatements.join(' ') } } : {}),
    codes: { oasis: profile.code, noc, teer: teerOf(noc) },
    fieldPath: field.path,
    regulation: [],
    ...(notes ? { notes } : {}),
  };
  return { occupation, untitled: field.untitled };
}

/** Example titles in file order, each once (case-insensitive), without the profile's own title. */
function alternateTitles(profile: ProfileText): string[] {
  const seen = new Set([profile.title.toLowerCase()]);
  const titles: string[] = [];
  for (const title of profile.exampleTitles) {
    const key = title.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    titles.push(title);
  }
  return titles;
}

function profileNotes(profile: ProfileText): string | undefined {
  const sections: string[] = [];
  const list = (heading: string, items: string[]) => {
    if (items.length > 0) sections.push(`${heading}:\n${items.map((item) => `- ${item}`).join('\n')}`);
  };
  list('Main duties', profile.mainDuties);
  list('Employment requirements', profile.employmentRequirements);
  list('Additional information', profile.additionalInformation);
  if (profile.interests.length > 0) {
    sections.push(`Interests (Holland codes): ${profile.interests.map((l) => `${HOLLAND_NAMES[l]} (${l})`).join(', ')}`);
  }
  return sections.length > 0 ? sections.join('\n\n') : undefined;
}
