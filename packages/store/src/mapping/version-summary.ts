// A framework_versions row, as both drivers store it, to the summary callers see. The metadata
// columns go back through the core FrameworkMeta schema; counts are the store's own.
import { BridgeworkError, FrameworkMeta } from '@bridgework/core';
import type { FrameworkVersionSummary } from '../framework-summary.ts';
import { present } from './row-values.ts';

export interface VersionRow {
  framework_id: string;
  version: string;
  name: string;
  description: string | null;
  source_kind: string;
  source_publisher: string;
  source_release: string | null;
  source_url: string | null;
  licence_name: string;
  licence_url: string | null;
  licence_attribution: string;
  /** A JSON array of locale codes (SQLite text), or the array itself (PostgreSQL jsonb). */
  locales: string | string[];
  occupation_count: number;
  competency_group_count: number;
  competency_count: number;
  requirement_count: number;
  relation_count: number;
  occupation_link_count: number;
  crosswalk_count: number;
  imported_at: string;
}

/** The columns of VersionRow, for SELECT lists. */
export const SUMMARY_COLUMNS = `framework_id, version, name, description, source_kind, source_publisher, source_release,
  source_url, licence_name, licence_url, licence_attribution, locales, occupation_count, competency_group_count,
  competency_count, requirement_count, relation_count, occupation_link_count, crosswalk_count, imported_at`;

export function toSummary(row: VersionRow): FrameworkVersionSummary {
  const meta = FrameworkMeta.parse({
    id: row.framework_id,
    name: row.name,
    version: row.version,
    ...present('description', row.description),
    source: {
      kind: row.source_kind,
      publisher: row.source_publisher,
      ...present('release', row.source_release),
      ...present('url', row.source_url),
    },
    licence: {
      name: row.licence_name,
      ...present('url', row.licence_url),
      attribution: row.licence_attribution,
    },
    locales: typeof row.locales === 'string' ? JSON.parse(row.locales) : row.locales,
  });
  return {
    ...meta,
    importedAt: row.imported_at,
    counts: {
      occupations: row.occupation_count,
      competencyGroups: row.competency_group_count,
      competencies: row.competency_count,
      requirements: row.requirement_count,
      relations: row.relation_count,
      occupationLinks: row.occupation_link_count,
      crosswalks: row.crosswalk_count,
    },
  };
}

/** Copies, so a caller that sorts or changes what it got cannot change what the next caller reads. */
export function copySummary(v: FrameworkVersionSummary): FrameworkVersionSummary {
  return { ...v, source: { ...v.source }, licence: { ...v.licence }, counts: { ...v.counts }, locales: [...v.locales] };
}

/**
 * The importedAt of a save: now, or just after the version it replaces when the clock has not
 * moved past it, so (id, version, importedAt) names one stored content and a cache keyed on it
 * (another instance's compiled index) can tell a replaced version from the one it had.
 */
export function nextImportedAt(now: Date, replacing: string | undefined): string {
  if (replacing === undefined) return now.toISOString();
  const after = Date.parse(replacing) + 1;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}

export function notFound(id: string, version: string | undefined, known: boolean): BridgeworkError {
  return version === undefined || !known
    ? new BridgeworkError('framework.not_found', `no framework "${id}" is stored`)
    : new BridgeworkError('framework.version_not_found', `framework "${id}" has no stored version "${version}"`);
}
