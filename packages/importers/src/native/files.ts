// The native format's files, each a schema derived from the core model (FORMAT.md describes them).
import { Competency, CompetencyGroup, FrameworkMeta, Id, Occupation, OccupationLink, Relation, Requirement } from '@bridgework/core';
import { z } from 'zod';

export const FrameworkFile = FrameworkMeta.omit({ importedAt: true });

export const CompetenciesFile = z.strictObject({
  groups: z.array(CompetencyGroup).default([]),
  competencies: z.array(Competency).min(1, 'must list at least one competency'),
});

export const OccupationsFile = z.strictObject({
  occupations: z.array(Occupation).min(1, 'must list at least one occupation'),
});

/** Requirements grouped by occupation: one occupation's profile reads as one block. */
export const RequirementsFile = z.strictObject({
  requirements: z.array(
    z.strictObject({
      occupation: Id,
      competencies: z.array(Requirement.omit({ occupation: true })).min(1, 'must list at least one competency'),
    }),
  ),
});

export const RelationsFile = z.strictObject({
  relations: z.array(Relation).default([]),
  occupationLinks: z.array(OccupationLink).default([]),
});

export const NATIVE_FILES = {
  framework: { name: 'framework.yaml', schema: FrameworkFile, required: true },
  competencies: { name: 'competencies.yaml', schema: CompetenciesFile, required: true },
  occupations: { name: 'occupations.yaml', schema: OccupationsFile, required: true },
  requirements: { name: 'requirements.yaml', schema: RequirementsFile, required: true },
  relations: { name: 'relations.yaml', schema: RelationsFile, required: false },
} as const;
