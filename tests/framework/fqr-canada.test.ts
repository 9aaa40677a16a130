// The curated framework as users get it: it loads, its graph is complete, title search speaks
// English and French, and the distinctions the source reports draw are in the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFrameworkGraph, competencyNode, occupationNode, OccupationLookup, type FrameworkData } from '@bridgework/core';
import { importNative } from '@bridgework/importers';

const DIR = join(import.meta.dirname, '../../frameworks/fqr-canada');
let data: FrameworkData;

/** Counts taken from the YAML text itself, independently of the loader. */
function countLines(file: string, pattern: RegExp): number {
  return readFileSync(join(DIR, file), 'utf8').split('\n').filter((line) => pattern.test(line)).length;
}

beforeAll(async () => {
  data = (await importNative(DIR)).data;
});

describe('fqr-canada', () => {
  it('has the counts the issue asks for and the YAML holds', () => {
    expect(data.occupations.length).toBe(countLines('occupations.yaml', /^ {2}- id: /));
    expect(data.occupations.length).toBeGreaterThanOrEqual(60);
    expect(data.competencies.length).toBe(countLines('competencies.yaml', /^ {2}- (\{ )?id: /) - data.competencyGroups.length);
    expect(data.competencies.length).toBeGreaterThanOrEqual(150);
    expect(data.requirements.length).toBe(countLines('requirements.yaml', /^ {6}- \{ competency: /));
  });

  it('gives every occupation a NOC code and TEER, a field path, regulation in ON, QC, AB and BC, training months and French titles', () => {
    for (const o of data.occupations) {
      expect(o.codes.noc, o.id).toMatch(/^\d{5}$/);
      expect(o.codes.teer, o.id).toBe(Number(o.codes.noc![1]));
      expect(o.fieldPath.map((f) => f.code), o.id).toEqual([o.codes.noc![0], o.codes.noc!.slice(0, 2)]);
      expect(o.regulation.map((r) => r.jurisdiction), o.id).toEqual(expect.arrayContaining(['ON', 'QC', 'AB', 'BC']));
      expect(o.entry?.trainingMonths, o.id).toBeTypeOf('number');
      expect(o.title.fr, o.id).toBeTruthy();
    }
  });

  it('builds a graph with a node per record and an edge per requirement, membership, subgroup, relation and link', () => {
    const graph = buildFrameworkGraph(data);
    expect(graph.order).toBe(data.occupations.length + data.competencies.length + data.competencyGroups.length);
    const memberships = data.competencies.filter((c) => c.group !== undefined).length;
    const subgroups = data.competencyGroups.filter((g) => g.parent !== undefined).length;
    expect(graph.size).toBe(data.requirements.length + memberships + subgroups + data.relations.length + data.occupationLinks.length);
    for (const r of data.requirements) {
      expect(graph.hasNode(occupationNode(r.occupation))).toBe(true);
      expect(graph.hasNode(competencyNode(r.competency))).toBe(true);
    }
  });

  it('finds the physician by "IMG", "médecin" and "foreign-trained doctor", and others by French and alternate titles', () => {
    const lookup = new OccupationLookup(data.occupations);
    const first = (q: string) => lookup.searchTitles(q)[0]?.occupation.id;
    expect(first('IMG')).toBe('physician');
    expect(first('médecin')).toBe('physician');
    expect(first('MEDECIN')).toBe('physician');
    expect(first('foreign-trained doctor')).toBe('physician');
    expect(first('internationally educated nurse')).toBe('registered-nurse');
    expect(first('infirmière auxiliaire')).toBe('licensed-practical-nurse');
    expect(first('hygiéniste dentaire')).toBe('dental-hygienist');
  });

  const level = (occupation: string, competency: string) =>
    data.requirements.find((r) => r.occupation === occupation && r.competency === competency)?.level ?? 0;

  it('draws the sources\' distinctions: RN vs LPN, engineer vs technologist vs technician, dentist vs hygienist vs assistant, teacher vs assistant', () => {
    expect(level('registered-nurse', 'patient-assessment')).toBeGreaterThan(level('licensed-practical-nurse', 'patient-assessment'));
    expect(level('professional-engineer', 'engineering-design')).toBeGreaterThan(level('engineering-technologist', 'engineering-design'));
    expect(level('engineering-technologist', 'engineering-design')).toBeGreaterThan(level('engineering-technician', 'engineering-design'));
    expect(level('dental-hygienist', 'scaling-root-planing')).toBeGreaterThan(level('dentist', 'scaling-root-planing'));
    expect(level('elementary-teacher', 'curriculum-planning')).toBeGreaterThan(level('teacher-assistant', 'curriculum-planning'));
  });

  it('cites a seed file for the occupations it rests on', () => {
    const cited = data.occupations.filter((o) => o.sources?.some((s) => /^00[0-4]_/.test(s.document)));
    expect(cited.length).toBeGreaterThanOrEqual(60);
  });
});
