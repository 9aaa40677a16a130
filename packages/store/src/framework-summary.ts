// What a stored framework version looks like from outside: its metadata, how many records it
// holds and when it was imported. Lists and the API show this without loading the records.
import type { FrameworkData, FrameworkMeta } from '@bridgework/core';

export interface FrameworkCounts {
  occupations: number;
  competencyGroups: number;
  competencies: number;
  requirements: number;
  relations: number;
  occupationLinks: number;
  crosswalks: number;
}

/** FrameworkMeta of the version, with `importedAt` always set (the time the store saved it). */
export type FrameworkVersionSummary = Omit<FrameworkMeta, 'importedAt'> & {
  importedAt: string;
  counts: FrameworkCounts;
};

export interface FrameworkVersions {
  id: string;
  /** Newest import first; never empty. */
  versions: FrameworkVersionSummary[];
}

export function countRecords(data: FrameworkData): FrameworkCounts {
  return {
    occupations: data.occupations.length,
    competencyGroups: data.competencyGroups.length,
    competencies: data.competencies.length,
    requirements: data.requirements.length,
    relations: data.relations.length,
    occupationLinks: data.occupationLinks.length,
    crosswalks: data.crosswalks.length,
  };
}

export function totalRecords(counts: FrameworkCounts): number {
  return (
    counts.occupations +
    counts.competencyGroups +
    counts.competencies +
    counts.requirements +
    counts.relations +
    counts.occupationLinks +
    counts.crosswalks
  );
}
