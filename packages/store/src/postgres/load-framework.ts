// Reads one framework version back into the core model on PostgreSQL, in one REPEATABLE READ
// read-only transaction so a concurrent delete or replace cannot show a half-changed version.
//
// Each table comes back as one JSON text built by the server (json_agg of row arrays, or the
// stored record texts joined), parsed once by JSON.parse: for ESCO that is 7 round trips and 7
// parses instead of 190,000 rows through node-postgres's per-row, per-column decoding. PostgreSQL
// writes float8 in its shortest exact form, so every number reads back as it was saved.
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
import { findVersion, latestVersionKey } from './framework-versions.ts';
import type { Queryable } from './queryable.ts';
import { iso } from './sql.ts';

/** Runs inside the caller's read transaction. */
export async function loadFrameworkVersion(db: Queryable, id: string, version: string | undefined): Promise<FrameworkData> {
  const key = version === undefined ? await latestVersionKey(db, id) : (await findVersion(db, id, version))?.key;
  if (key === undefined) throw notFound(id, version, (await latestVersionKey(db, id)) !== undefined);

  const meta = (
    await db.query<{ meta_json: Record<string, unknown>; imported_at: string }>(
      `SELECT meta_json, ${iso('imported_at')} FROM framework_versions WHERE key = $1`,
      [key],
    )
  ).rows[0]!;
  const framework = FrameworkMeta.parse({ ...meta.meta_json, importedAt: meta.imported_at });

  const json = async (sql: string): Promise<unknown[]> => {
    const { rows } = await db.query<{ json: string | null }>(sql, [key]);
    return JSON.parse(rows[0]?.json ?? '[]') as unknown[];
  };
  const records = (table: string) => json(`SELECT '[' || string_agg(record_json::text, ',' ORDER BY ordinal) || ']' AS json FROM ${table} WHERE version_key = $1`);
  const rows = (columns: string, table: string) => json(`SELECT json_agg(json_build_array(${columns}) ORDER BY ordinal)::text AS json FROM ${table} WHERE version_key = $1`);

  const occupations = parseOccupations(await records('occupations'));
  const competencyGroups = parseGroups(await records('competency_groups'));
  const competencies = parseCompetencies(await records('competencies'));
  const occupationIds = occupations.map((o) => o.id);
  const competencyIds = competencies.map((c) => c.id);
  const requirementRows = await rows(
    'occupation_ordinal, competency_ordinal, importance, level, essential, source_scale, source_importance, source_level, source_relation',
    'requirements',
  );
  const relationRows = await rows('from_ordinal, to_ordinal, type, weight, source_type', 'relations');
  const linkRows = await rows('from_ordinal, to_ordinal, type, rank, source', 'occupation_links');
  const crosswalkRows = await rows('from_framework, from_occupation, to_framework, to_occupation, confidence, source', 'crosswalks');
  return {
    framework,
    occupations,
    competencyGroups,
    competencies,
    requirements: requirementsFromRows(requirementRows as unknown[][], occupationIds, competencyIds),
    relations: relationsFromRows(relationRows as unknown[][], competencyIds),
    occupationLinks: linksFromRows(linkRows as unknown[][], occupationIds),
    crosswalks: crosswalksFromRows(crosswalkRows as unknown[][]),
  };
}
