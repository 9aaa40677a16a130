import { describe, expect, it } from 'vitest';
import { buildFrameworkGraph, competencyNode, groupNode, occupationNode, parseFramework } from '../src/index.ts';
import { tinyFramework } from './fixtures.ts';

describe('buildFrameworkGraph', () => {
  const graph = buildFrameworkGraph(parseFramework(tinyFramework()));

  it('has a node per occupation, competency and group', () => {
    expect(graph.order).toBe(3 + 3 + 2);
  });

  it('has an edge per requirement, group membership, subgroup, relation and occupation link', () => {
    // 5 requirements + 2 competencies in groups + 1 subgroup + 1 relation + 1 link
    expect(graph.size).toBe(10);
    expect(graph.outDegree(occupationNode('physician'))).toBe(3);
  });

  it('keeps requirement ratings on the edge', () => {
    const edge = graph.edges(occupationNode('physician'), competencyNode('reasoning'))[0]!;
    expect(graph.getEdgeAttributes(edge)).toEqual({ kind: 'requires', importance: 1, level: 0.9, essential: true });
    expect(graph.hasEdge(groupNode('diagnosis'), groupNode('clinical'))).toBe(true);
  });
});
