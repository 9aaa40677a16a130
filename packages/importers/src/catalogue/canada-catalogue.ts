// The Canadian catalogue: every OaSIS profile, rated on OaSIS's own descriptors, with the curated
// framework's knowledge (regulation per jurisdiction, entry routes and training months, French
// titles, sources, the Canadian-context competencies a person trained abroad lacks) joined to the
// profiles it covers by OaSIS code, else NOC code. docs/catalogue.md says why it is built this way.
//
// - A curated occupation takes the place of its OaSIS profile and keeps its id (`physician`), so
//   links and saved profiles keep working; several curated occupations on one profile (college
//   instructor and corporate trainer on 41210.00) each take a copy of its ratings.
// - Requirements are OaSIS's ratings for every occupation, so all are scored on one vocabulary;
//   the curated framework adds only its context competencies (jurisdiction-specific knowledge and
//   the language of work), which scoring keeps out of how alike two jobs are (facets.ts).
// - Field paths are NOC's, full depth, for every occupation (one hierarchy for the field term),
//   with the curated French titles where the curated framework names the same NOC group.
import { BridgeworkError, parseFramework, type Competency, type CompetencyGroup, type FrameworkData, type Occupation, type Requirement } from '@bridgework/core';

export interface CatalogueInput {
  /** The OaSIS import (importOasis). */
  oasis: FrameworkData;
  /** The curated framework (fqr-canada), native. */
  curated: FrameworkData;
  /** NOC group titles by code (the structure CSV), for field paths the OaSIS files leave untitled. */
  nocTitles: ReadonlyMap<string, string>;
  id?: string;
  version?: string;
}

export interface CatalogueReport {
  occupations: number;
  curated: number;
  /** OaSIS profiles that curated occupations took the place of. */
  profilesReplaced: number;
  /** Curated occupations on a profile shared with another curated occupation. */
  sharedProfiles: { profile: string; occupations: string[] }[];
  /** Curated occupations whose OaSIS profile was not found (kept with their context requirements only). */
  unmatched: string[];
  contextCompetencies: number;
  requirements: number;
}

/** A curated competency that belongs in the catalogue: practising in Canada, or the language of work. */
export function isContextCompetency(c: Competency): boolean {
  return c.jurisdictionSpecific === true || c.kind === 'language';
}

export function buildCanadaCatalogue(input: CatalogueInput): { data: FrameworkData; report: CatalogueReport } {
  const { oasis, curated, nocTitles } = input;
  const profiles = new Map(oasis.occupations.map((o) => [o.id, o] as const));
  const profileOf = (o: Occupation): string | undefined => {
    if (o.codes.oasis !== undefined && profiles.has(o.codes.oasis)) return o.codes.oasis;
    const noc = o.codes.noc;
    if (noc === undefined) return undefined;
    if (profiles.has(`${noc}.00`)) return `${noc}.00`;
    return oasis.occupations.find((p) => p.codes.noc === noc)?.id;
  };

  // Curated occupations by the profile they replace.
  const byProfile = new Map<string, Occupation[]>();
  const unmatched: string[] = [];
  for (const o of curated.occupations) {
    const profile = profileOf(o);
    if (profile === undefined) {
      unmatched.push(o.id);
      continue;
    }
    const list = byProfile.get(profile) ?? [];
    list.push(o);
    byProfile.set(profile, list);
  }

  // Context competencies and the groups above them.
  const context = curated.competencies.filter(isContextCompetency);
  const contextIds = new Set(context.map((c) => c.id));
  const groupById = new Map(curated.competencyGroups.map((g) => [g.id, g] as const));
  const groupIds = new Set<string>();
  for (const c of context) {
    for (let g = c.group; g !== undefined && !groupIds.has(g); g = groupById.get(g)?.parent) groupIds.add(g);
  }
  const contextGroups = curated.competencyGroups.filter((g) => groupIds.has(g.id));
  const clash = [...contextIds, ...groupIds].find((id) => oasis.competencies.some((c) => c.id === id) || oasis.competencyGroups.some((g) => g.id === id));
  if (clash !== undefined) throw new BridgeworkError('framework.invalid', `catalogue: curated id "${clash}" is also an OaSIS descriptor or group id`);

  // French field titles the curated framework gives to NOC groups.
  const frenchTitles = new Map<string, string>();
  for (const o of curated.occupations) for (const f of o.fieldPath) if (f.title.fr !== undefined) frenchTitles.set(f.code, f.title.fr);
  const fieldPath = (o: Occupation): Occupation['fieldPath'] =>
    o.fieldPath.map((f) => {
      const en = nocTitles.get(f.code) ?? f.title.en;
      const fr = frenchTitles.get(f.code);
      return { code: f.code, title: fr !== undefined ? { en, fr } : { en } };
    });

  const oasisRequirements = new Map<string, Requirement[]>();
  for (const r of oasis.requirements) {
    const list = oasisRequirements.get(r.occupation) ?? [];
    list.push(r);
    oasisRequirements.set(r.occupation, list);
  }
  const curatedContext = new Map<string, Requirement[]>();
  for (const r of curated.requirements) {
    if (!contextIds.has(r.competency)) continue;
    const list = curatedContext.get(r.occupation) ?? [];
    list.push(r);
    curatedContext.set(r.occupation, list);
  }

  const occupations: Occupation[] = [];
  const requirements: Requirement[] = [];
  const sharedProfiles: CatalogueReport['sharedProfiles'] = [];
  for (const profile of oasis.occupations) {
    const own = oasisRequirements.get(profile.id) ?? [];
    const replacing = byProfile.get(profile.id);
    if (replacing === undefined) {
      occupations.push({ ...profile, fieldPath: fieldPath(profile) });
      requirements.push(...own);
      continue;
    }
    if (replacing.length > 1) sharedProfiles.push({ profile: profile.id, occupations: replacing.map((o) => o.id) });
    for (const o of replacing) {
      occupations.push(curatedOccupation(o, profile, fieldPath(profile)));
      for (const r of own) requirements.push({ ...r, occupation: o.id });
      requirements.push(...(curatedContext.get(o.id) ?? []));
    }
  }
  for (const id of unmatched) {
    const o = curated.occupations.find((c) => c.id === id)!;
    occupations.push(o);
    requirements.push(...(curatedContext.get(id) ?? []));
  }

  const ids = new Set(occupations.map((o) => o.id));
  const contextRelations = curated.relations.filter((r) => contextIds.has(r.from) && contextIds.has(r.to));
  const links = curated.occupationLinks.filter((l) => ids.has(l.from) && ids.has(l.to));
  const groups: CompetencyGroup[] = [...oasis.competencyGroups, ...contextGroups];

  const data = parseFramework(
    {
      framework: {
        id: input.id ?? 'canada',
        name: 'Canadian catalogue (OaSIS 2023 with fqr-canada)',
        version: input.version ?? `${oasis.framework.version}+fqr.${curated.framework.version}`,
        description:
          `Every OaSIS ${oasis.framework.version.split('.')[0]} profile (${oasis.framework.source.release}), rated on OaSIS's skills, abilities, knowledge, work activities, ` +
          `personal attributes, work context and interests, with the curated knowledge of ${curated.framework.name} ${curated.framework.version} ` +
          '(regulation per province and territory with sources, entry routes and training months, French titles, the Canadian-context ' +
          'competencies a person trained abroad lacks) on the occupations it covers, joined by OaSIS or NOC code.',
        source: { kind: 'native', publisher: 'Bridgework', release: `${oasis.framework.source.release}; ${curated.framework.name} ${curated.framework.version}` },
        licence: {
          name: 'Open Government Licence - Canada; CC BY 4.0',
          url: 'https://open.canada.ca/en/open-government-licence-canada',
          attribution: `OaSIS and NOC 2021 from Employment and Social Development Canada and Statistics Canada. ${oasis.framework.licence.attribution} Curated content: ${curated.framework.licence.attribution}`,
        },
        locales: ['en', 'fr'],
        importedAt: new Date().toISOString(),
      },
      occupations,
      competencyGroups: groups,
      competencies: [...oasis.competencies, ...context],
      requirements,
      relations: contextRelations,
      occupationLinks: links,
      crosswalks: [],
    },
    { requireRequirements: false },
  );
  return {
    data,
    report: {
      occupations: occupations.length,
      curated: curated.occupations.length,
      profilesReplaced: byProfile.size,
      sharedProfiles,
      unmatched,
      contextCompetencies: context.length,
      requirements: requirements.length,
    },
  };
}

/** The curated occupation on its OaSIS profile: curated facts first, OaSIS's texts beside them. */
function curatedOccupation(o: Occupation, profile: Occupation, fieldPath: Occupation['fieldPath']): Occupation {
  const seen = new Set([o.title.en.toLowerCase()]);
  const en: string[] = [];
  for (const title of [...(o.alternateTitles?.en ?? []), profile.title.en, ...(profile.alternateTitles?.en ?? [])]) {
    const key = title.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    en.push(title);
  }
  const notes = [o.notes, profile.notes].filter((n): n is string => n !== undefined).join('\n\n');
  return {
    id: o.id,
    title: o.title,
    alternateTitles: { en, ...(o.alternateTitles?.fr ? { fr: o.alternateTitles.fr } : {}) },
    ...(o.description ?? profile.description ? { description: o.description ?? profile.description! } : {}),
    codes: { ...o.codes, oasis: profile.codes.oasis!, noc: profile.codes.noc!, ...(profile.codes.teer !== undefined ? { teer: profile.codes.teer } : {}) },
    fieldPath,
    regulation: o.regulation,
    ...(o.entry ? { entry: o.entry } : {}),
    ...(notes ? { notes } : {}),
    ...(o.sources ? { sources: o.sources } : {}),
  };
}
