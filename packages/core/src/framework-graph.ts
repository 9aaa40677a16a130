// The framework as a graphology graph: occupations, competencies and competency groups as
// nodes; requirements, hierarchy, relations and occupation links as edges. For traversal and
// neighbourhoods; scoring runs on the compiled index instead.
import { MultiDirectedGraph } from 'graphology';
import type { FrameworkData } from './schema/framework-data.ts';

export type NodeAttributes =
  | { kind: 'occupation'; id: string; label: string }
  | { kind: 'competency'; id: string; label: string }
  | { kind: 'group'; id: string; label: string };

export type EdgeAttributes =
  | { kind: 'requires'; importance: number; level: number; essential: boolean }
  | { kind: 'in-group' }
  | { kind: 'subgroup-of' }
  | { kind: 'broader'; weight: number }
  | { kind: 'related'; weight: number }
  | { kind: 'occupation-link'; type: string; rank?: number };

export type FrameworkGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const occupationNode = (id: string): string => `occupation:${id}`;
export const competencyNode = (id: string): string => `competency:${id}`;
export const groupNode = (id: string): string => `group:${id}`;

/**
 * Builds the graph in O(nodes + edges). Expects data that passed checkFramework: a
 * dangling reference throws graphology's NotFoundGraphError.
 */
export function buildFrameworkGraph(data: FrameworkData): FrameworkGraph {
  const graph: FrameworkGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const o of data.occupations) graph.addNode(occupationNode(o.id), { kind: 'occupation', id: o.id, label: o.title.en });
  for (const c of data.competencies) graph.addNode(competencyNode(c.id), { kind: 'competency', id: c.id, label: c.label.en });
  for (const g of data.competencyGroups) graph.addNode(groupNode(g.id), { kind: 'group', id: g.id, label: g.label.en });

  for (const r of data.requirements) {
    graph.addDirectedEdge(occupationNode(r.occupation), competencyNode(r.competency), {
      kind: 'requires',
      importance: r.importance,
      level: r.level,
      essential: r.essential,
    });
  }
  for (const c of data.competencies) {
    if (c.group !== undefined) graph.addDirectedEdge(competencyNode(c.id), groupNode(c.group), { kind: 'in-group' });
  }
  for (const g of data.competencyGroups) {
    if (g.parent !== undefined) graph.addDirectedEdge(groupNode(g.id), groupNode(g.parent), { kind: 'subgroup-of' });
  }
  for (const rel of data.relations) {
    graph.addDirectedEdge(competencyNode(rel.from), competencyNode(rel.to), { kind: rel.type, weight: rel.weight });
  }
  for (const link of data.occupationLinks) {
    graph.addDirectedEdge(occupationNode(link.from), occupationNode(link.to), {
      kind: 'occupation-link',
      type: link.type,
      ...(link.rank !== undefined ? { rank: link.rank } : {}),
    });
  }
  return graph;
}
