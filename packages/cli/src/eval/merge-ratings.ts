// Adds another release's ratings (e.g. O*NET 29 Knowledge) to a framework for the occupations
// both share, for a secondary evaluation figure. The base framework is not modified.
import type { FrameworkData } from '@bridgework/core';

export function mergeRatings(base: FrameworkData, extra: FrameworkData, keep: (competencyId: string) => boolean): FrameworkData {
  const occupations = new Set(base.occupations.map((o) => o.id));
  const known = new Set(base.competencies.map((c) => c.id));
  const competencies = [...base.competencies, ...extra.competencies.filter((c) => keep(c.id) && !known.has(c.id))];
  const groups = new Set(base.competencyGroups.map((g) => g.id));
  const competencyGroups = [...base.competencyGroups, ...extra.competencyGroups.filter((g) => !groups.has(g.id))];
  const requirements = [...base.requirements, ...extra.requirements.filter((r) => keep(r.competency) && occupations.has(r.occupation) && !known.has(r.competency))];
  return { ...base, competencies, competencyGroups, requirements };
}
