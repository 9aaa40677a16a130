// Reading the compiled framework for the pages: an occupation's typical levels (the profile's
// defaults), competency groups up to their root, and sorted occupation lists for the pickers.
import { competencyRef, occupationRef, type CompetencyGroup, type CompetencyRef, type CompiledIndex, type OccupationRef } from '@bridgework/core';
import type { OccupationDetail } from '@bridgework/service';
import type { I18n } from './i18n.ts';
import { percentOf, type Defaults } from './profile-query.ts';

/** The trained occupation's requirement levels in percent: what the profile starts from. */
/**
 * Each competency's starting level: the occupation's typical level, except that for someone
 * trained outside Canada the Canadian-context competencies start at 0 (as the core assumes with
 * internationallyEducated).
 */
export function defaultsOf(detail: OccupationDetail, trainedAbroad = false): Defaults {
  return new Map(detail.requirements.map((r) => [r.competency.id, trainedAbroad && r.competency.jurisdictionSpecific ? 0 : percentOf(r.level)]));
}

/** The top group of a competency's group chain (the fieldset it is shown in). */
export function rootGroupOf(index: CompiledIndex, groupId: string | undefined): CompetencyGroup | undefined {
  if (groupId === undefined) return undefined;
  const byId = groupsById(index);
  let group = byId.get(groupId);
  // Bounded by the number of groups, in case a framework ever holds a cycle.
  for (let i = 0; group?.parent !== undefined && i < byId.size; i++) {
    const parent = byId.get(group.parent);
    if (!parent) break;
    group = parent;
  }
  return group;
}

const groupCache = new WeakMap<CompiledIndex, Map<string, CompetencyGroup>>();
function groupsById(index: CompiledIndex): Map<string, CompetencyGroup> {
  let map = groupCache.get(index);
  if (!map) groupCache.set(index, (map = new Map(index.data.competencyGroups.map((g) => [g.id, g]))));
  return map;
}

/** Position of each root group in the framework's file order, so fieldsets keep that order. */
export function groupOrder(index: CompiledIndex, groupId: string | undefined): number {
  if (groupId === undefined) return Number.MAX_SAFE_INTEGER;
  const position = index.data.competencyGroups.findIndex((g) => g.id === groupId);
  return position < 0 ? Number.MAX_SAFE_INTEGER : position;
}

/** Occupations that can be scored (they have requirements), sorted by title in the page's language. */
export function ratedOccupations(index: CompiledIndex, t: I18n): OccupationRef[] {
  const refs: OccupationRef[] = [];
  index.occupations.forEach((o, i) => {
    if (index.reqStart[i + 1]! > index.reqStart[i]!) refs.push(occupationRef(o));
  });
  const collator = new Intl.Collator(t.locale === 'fr' ? 'fr-CA' : 'en-CA', { sensitivity: 'base' });
  return refs.sort((a, b) => collator.compare(t.occupation(a), t.occupation(b)) || (a.id < b.id ? -1 : 1));
}

export function competencyById(index: CompiledIndex, id: string): CompetencyRef | undefined {
  const i = index.competencyIndex.get(id);
  return i === undefined ? undefined : competencyRef(index.competencies[i]!);
}

export function occupationById(index: CompiledIndex, id: string): OccupationRef | undefined {
  const i = index.occupationIndex.get(id);
  return i === undefined ? undefined : occupationRef(index.occupations[i]!);
}
