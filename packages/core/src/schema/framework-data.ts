// A whole framework in the core model: what importers produce, the store keeps and the index compiles.
import { z } from 'zod';
import { Competency, CompetencyGroup } from './competency.ts';
import { Crosswalk } from './crosswalk.ts';
import { FrameworkMeta } from './framework.ts';
import { Occupation } from './occupation.ts';
import { OccupationLink, Relation } from './relation.ts';
import { Requirement } from './requirement.ts';

export const FrameworkData = z.strictObject({
  framework: FrameworkMeta,
  occupations: z.array(Occupation),
  competencyGroups: z.array(CompetencyGroup).default([]),
  competencies: z.array(Competency),
  requirements: z.array(Requirement),
  relations: z.array(Relation).default([]),
  occupationLinks: z.array(OccupationLink).default([]),
  crosswalks: z.array(Crosswalk).default([]),
});
export type FrameworkData = z.infer<typeof FrameworkData>;
export type FrameworkDataInput = z.input<typeof FrameworkData>;
