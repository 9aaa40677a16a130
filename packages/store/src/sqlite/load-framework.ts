// Reads one framework version back into the core model on SQLite, inside one read transaction so
// a concurrent delete or import cannot show a half-changed version. Requirements and relations are
// read with .raw() (arrays, not objects) and rebuilt without a zod parse (mapping/framework-rows.ts
// says why that is sound and what it saves).
import type { Database } from 'better-sqlite3';
import { FrameworkMeta, type FrameworkData } from '@bridgework/core';
import {
  crosswalksFromRows,
  linksFromRows,
  parseCompetencies,
  parseGroups,
  parseOccupations,
  relationsFromRows,
  requirementsFromRows,
} from '../mapping/framework-rows.ts';
import { notFound } from '../mapping/version-summary.ts';
import { findVersionKey, latestVersionKey } from './framework-versions.ts';

export function loadFrameworkVersion(db: Database, id: string, version: string | undefined): FrameworkData {
  const read = db.transaction((): FrameworkData => {
    const key = version === undefined ? latestVersionKey(db, id) : findVersionKey(db, id, version);
    if (key === undefined) throw notFound(id, version, latestVersionKey(db, id) !== undefined);

    const { meta_json, imported_at } = db
      .prepare('SELECT meta_json, imported_at FROM framework_versions WHERE key = ?')
      .get(key) as { meta_json: string; imported_at: string };
    const framework = FrameworkMeta.parse({ ...JSON.parse(meta_json), importedAt: imported_at });

    const records = (table: string): unknown[] =>
      (db.prepare(`SELECT record_json FROM ${table} WHERE version_key = ? ORDER BY ordinal`).pluck().all(key) as string[]).map((json) => JSON.parse(json));
    const rows = (sql: string): unknown[][] => db.prepare(sql).raw().all(key) as unknown[][];
    const occupations = parseOccupations(records('occupations'));
    const competencyGroups = parseGroups(records('competency_groups'));
    const competencies = parseCompetencies(records('competencies'));
    const occupationIds = occupations.map((o) => o.id);
    const competencyIds = competencies.map((c) => c.id);

    return {
      framework,
      occupations,
      competencyGroups,
      competencies,
      requirements: requirementsFromRows(
        rows(`SELECT occupation_ordinal, competency_ordinal, importance, level, essential,
          source_scale, source_importance, source_level, source_relation
          FROM requirements WHERE version_key = ? ORDER BY ordinal`),
        occupationIds,
        competencyIds,
      ),
      relations: relationsFromRows(
        rows('SELECT from_ordinal, to_ordinal, type, weight, source_type FROM relations WHERE version_key = ? ORDER BY ordinal'),
        competencyIds,
      ),
      occupationLinks: linksFromRows(
        rows('SELECT from_ordinal, to_ordinal, type, rank, source FROM occupation_links WHERE version_key = ? ORDER BY ordinal'),
        occupationIds,
      ),
      crosswalks: crosswalksFromRows(
        rows(`SELECT from_framework, from_occupation, to_framework, to_occupation, confidence, source
          FROM crosswalks WHERE version_key = ? ORDER BY ordinal`),
      ),
    };
  });
  return read();
}
