// Cross-record rules a schema cannot express: ids unique, references resolve, every
// occupation has requirements, no requirement listed twice, the group hierarchy has no cycle.
// Issues carry a path into FrameworkData so a file loader can map them back to file and line.
import type { FrameworkData } from './schema/framework-data.ts';

export interface FrameworkIssue {
  /** Path into FrameworkData, e.g. ['requirements', 212, 'competency']. */
  path: (string | number)[];
  message: string;
}

export interface CheckOptions {
  /**
   * Every occupation must have at least one requirement. On for curated frameworks; imports of
   * published releases keep rating-less occupations (NOC has no ratings at all; O*NET lists
   * occupations it has not rated yet) so that lookup and crosswalks still find them.
   */
  requireRequirements?: boolean;
}

/** O(n) over all records. Returns every issue found, in document order per collection. */
export function checkFramework(data: FrameworkData, options: CheckOptions = {}): FrameworkIssue[] {
  const requireRequirements = options.requireRequirements ?? true;
  const issues: FrameworkIssue[] = [];
  const occupationIds = uniqueIds(data.occupations, 'occupations', 'occupation', issues);
  const competencyIds = uniqueIds(data.competencies, 'competencies', 'competency', issues);
  const groupIds = uniqueIds(data.competencyGroups, 'competencyGroups', 'competency group', issues);

  for (const [id, index] of groupIds) {
    if (competencyIds.has(id)) {
      issues.push({ path: ['competencyGroups', index, 'id'], message: `id "${id}" is used by both a competency group and a competency` });
    }
  }

  data.competencyGroups.forEach((group, i) => {
    if (group.parent !== undefined && !groupIds.has(group.parent)) {
      issues.push({ path: ['competencyGroups', i, 'parent'], message: `unknown competency group "${group.parent}"` });
    }
  });
  issues.push(...groupCycles(data));

  data.competencies.forEach((competency, i) => {
    if (competency.group !== undefined && !groupIds.has(competency.group)) {
      issues.push({ path: ['competencies', i, 'group'], message: `unknown competency group "${competency.group}"` });
    }
  });

  const required = new Set<string>();
  const pairs = new Set<string>();
  data.requirements.forEach((requirement, i) => {
    if (!occupationIds.has(requirement.occupation)) {
      issues.push({ path: ['requirements', i, 'occupation'], message: `unknown occupation "${requirement.occupation}"` });
    }
    if (!competencyIds.has(requirement.competency)) {
      issues.push({ path: ['requirements', i, 'competency'], message: `unknown competency "${requirement.competency}"` });
    }
    const pair = `${requirement.occupation}\u0000${requirement.competency}`;
    if (pairs.has(pair)) {
      issues.push({ path: ['requirements', i, 'competency'], message: `duplicate requirement: occupation "${requirement.occupation}" already requires "${requirement.competency}"` });
    }
    pairs.add(pair);
    required.add(requirement.occupation);
  });

  data.occupations.forEach((occupation, i) => {
    if (requireRequirements && !required.has(occupation.id)) {
      issues.push({ path: ['occupations', i, 'id'], message: `occupation "${occupation.id}" has no requirements` });
    }
  });

  data.relations.forEach((relation, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!competencyIds.has(relation[end])) {
        issues.push({ path: ['relations', i, end], message: `unknown competency "${relation[end]}"` });
      }
    }
    if (relation.from === relation.to) {
      issues.push({ path: ['relations', i, 'to'], message: `a competency cannot relate to itself ("${relation.from}")` });
    }
  });

  data.occupationLinks.forEach((link, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!occupationIds.has(link[end])) {
        issues.push({ path: ['occupationLinks', i, end], message: `unknown occupation "${link[end]}"` });
      }
    }
  });

  data.crosswalks.forEach((crosswalk, i) => {
    if (crosswalk.fromFramework === data.framework.id && !occupationIds.has(crosswalk.fromOccupation)) {
      issues.push({ path: ['crosswalks', i, 'fromOccupation'], message: `unknown occupation "${crosswalk.fromOccupation}"` });
    }
  });

  return issues;
}

function uniqueIds(
  records: readonly { id: string }[],
  collection: string,
  noun: string,
  issues: FrameworkIssue[],
): Map<string, number> {
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const first = seen.get(record.id);
    if (first !== undefined) {
      issues.push({ path: [collection, i, 'id'], message: `duplicate ${noun} id "${record.id}" (first defined at item ${first + 1})` });
    } else {
      seen.set(record.id, i);
    }
  });
  return seen;
}

function groupCycles(data: FrameworkData): FrameworkIssue[] {
  const parent = new Map(data.competencyGroups.map((g) => [g.id, g.parent] as const));
  const issues: FrameworkIssue[] = [];
  data.competencyGroups.forEach((group, i) => {
    const seen = new Set<string>([group.id]);
    let next = group.parent;
    while (next !== undefined) {
      if (seen.has(next)) {
        if (next === group.id) {
          issues.push({ path: ['competencyGroups', i, 'parent'], message: `competency group "${group.id}" is its own ancestor` });
        }
        return;
      }
      seen.add(next);
      next = parent.get(next);
    }
  });
  return issues;
}
