// The framework_versions table: finding a version, reading its summary, listing and deleting.
// "Latest" means the most recently imported: the highest surrogate key among the stored rows
// (SQLite assigns max+1, so it grows with every import even after deletions).
import type { Database } from 'better-sqlite3';
import { FrameworkMeta } from '@bridgework/core';
import type { FrameworkVersionSummary } from '../framework-summary.ts';
import { present } from './row-values.ts';
import { statement } from './statements.ts';

interface VersionRow {
  key: number;
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
  locales: string;
  occupation_count: number;
  competency_group_count: number;
  competency_count: number;
  requirement_count: number;
  relation_count: number;
  occupation_link_count: number;
  crosswalk_count: number;
  imported_at: string;
}

const SUMMARY_COLUMNS = `key, framework_id, version, name, description, source_kind, source_publisher, source_release,
  source_url, licence_name, licence_url, licence_attribution, locales, occupation_count, competency_group_count,
  competency_count, requirement_count, relation_count, occupation_link_count, crosswalk_count, imported_at`;

export function findVersionKey(db: Database, id: string, version: string): number | undefined {
  return statement(db, 'SELECT key FROM framework_versions WHERE framework_id = ? AND version = ?').pluck().get(id, version) as
    | number
    | undefined;
}

export function latestVersionKey(db: Database, id: string): number | undefined {
  return statement(db, 'SELECT max(key) FROM framework_versions WHERE framework_id = ?').pluck().get(id) as number | null ?? undefined;
}

export function versionSummary(db: Database, key: number): FrameworkVersionSummary | undefined {
  const row = statement(db, `SELECT ${SUMMARY_COLUMNS} FROM framework_versions WHERE key = ?`).get(key) as VersionRow | undefined;
  return row === undefined ? undefined : toSummary(row);
}

/** All versions, or those of one framework: ids ascending, newest import first within an id. */
export function listVersionSummaries(db: Database, id?: string): FrameworkVersionSummary[] {
  const rows = (
    id === undefined
      ? statement(db, `SELECT ${SUMMARY_COLUMNS} FROM framework_versions ORDER BY framework_id, key DESC`).all()
      : statement(db, `SELECT ${SUMMARY_COLUMNS} FROM framework_versions WHERE framework_id = ? ORDER BY key DESC`).all(id)
  ) as VersionRow[];
  return rows.map(toSummary);
}

/** Child rows go with it (ON DELETE CASCADE). */
export function deleteVersion(db: Database, id: string, version: string): boolean {
  return statement(db, 'DELETE FROM framework_versions WHERE framework_id = ? AND version = ?').run(id, version).changes > 0;
}

/** The metadata columns go back through the core FrameworkMeta schema; counts are the store's own. */
function toSummary(row: VersionRow): FrameworkVersionSummary {
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
    locales: JSON.parse(row.locales),
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
