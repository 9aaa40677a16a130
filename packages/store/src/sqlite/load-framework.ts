// Reads one framework version back into the core model, inside one read transaction so a
// concurrent delete or import cannot show a half-changed version.
//
// Cost is dominated by the requirements (124,000 rows for ESCO): they are read with .raw() (arrays,
// not objects) and built without a per-row zod parse. That is sound because every row was parsed
// with the core Requirement schema when it was saved (save-framework.ts) and the table's CHECK
// constraints and STRICT types hold it there. Measured at ESCO size (test/bench-store.ts), a zod
// parse of the 124,000 requirements adds ~0.4 s to a load of ~0.7 s; the 20,000 relations are
// rebuilt the same way for the same reason. The JSON-held records (occupations, groups,
// competencies), the links and the crosswalks go back through their core schemas.
import type { Database } from 'better-sqlite3';
import {
  BridgeworkError,
  Competency,
  CompetencyGroup,
  Crosswalk,
  FrameworkMeta,
  Occupation,
  OccupationLink,
  type FrameworkData,
  type Relation,
  type Requirement,
  type SourceRating,
} from '@bridgework/core';
import { findVersionKey, latestVersionKey } from './framework-versions.ts';
import { present } from './row-values.ts';

export function loadFrameworkVersion(db: Database, id: string, version: string | undefined): FrameworkData {
  const read = db.transaction((): FrameworkData => {
    const key = version === undefined ? latestVersionKey(db, id) : findVersionKey(db, id, version);
    if (key === undefined) throw notFound(db, id, version);

    const { meta_json, imported_at } = db
      .prepare('SELECT meta_json, imported_at FROM framework_versions WHERE key = ?')
      .get(key) as { meta_json: string; imported_at: string };
    const framework = FrameworkMeta.parse({ ...JSON.parse(meta_json), importedAt: imported_at });

    const records = (table: string): string[] =>
      db.prepare(`SELECT record_json FROM ${table} WHERE version_key = ? ORDER BY ordinal`).pluck().all(key) as string[];
    const occupations = records('occupations').map((json) => Occupation.parse(JSON.parse(json)));
    const competencyGroups = records('competency_groups').map((json) => CompetencyGroup.parse(JSON.parse(json)));
    const competencies = records('competencies').map((json) => Competency.parse(JSON.parse(json)));
    const occupationIds = occupations.map((o) => o.id);
    const competencyIds = competencies.map((c) => c.id);

    return {
      framework,
      occupations,
      competencyGroups,
      competencies,
      requirements: readRequirements(db, key, occupationIds, competencyIds),
      relations: readRelations(db, key, competencyIds),
      occupationLinks: readOccupationLinks(db, key, occupationIds),
      crosswalks: readCrosswalks(db, key),
    };
  });
  return read();
}

type RequirementRow = [number, number, number, number, number, string | null, number | null, number | null, string | null];

/** O(requirements): one array per row, ids by index. Trusted, not parsed (see the top of this file). */
function readRequirements(db: Database, key: number, occupationIds: string[], competencyIds: string[]): Requirement[] {
  const rows = db
    .prepare(
      `SELECT occupation_ordinal, competency_ordinal, importance, level, essential,
        source_scale, source_importance, source_level, source_relation
       FROM requirements WHERE version_key = ? ORDER BY ordinal`,
    )
    .raw()
    .all(key) as RequirementRow[];
  const requirements = new Array<Requirement>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [occupation, competency, importance, level, essential, scale, sourceImportance, sourceLevel, relation] = rows[i]!;
    const requirement: Requirement = {
      occupation: occupationIds[occupation]!,
      competency: competencyIds[competency]!,
      importance,
      level,
      essential: essential === 1,
    };
    if (scale !== null) {
      const source: SourceRating = { scale: scale as SourceRating['scale'] };
      if (sourceImportance !== null) source.importance = sourceImportance;
      if (sourceLevel !== null) source.level = sourceLevel;
      if (relation !== null) source.relation = relation as SourceRating['relation'];
      requirement.source = source;
    }
    requirements[i] = requirement;
  }
  return requirements;
}

type RelationRow = [number, number, string, number, string | null];

/** O(relations), trusted like the requirements: 20,000 rows for ESCO's skill hierarchy and links. */
function readRelations(db: Database, key: number, competencyIds: string[]): Relation[] {
  const rows = db
    .prepare('SELECT from_ordinal, to_ordinal, type, weight, source_type FROM relations WHERE version_key = ? ORDER BY ordinal')
    .raw()
    .all(key) as RelationRow[];
  const relations = new Array<Relation>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [from, to, type, weight, sourceType] = rows[i]!;
    const relation: Relation = { from: competencyIds[from]!, to: competencyIds[to]!, type: type as Relation['type'], weight };
    if (sourceType !== null) relation.sourceType = sourceType;
    relations[i] = relation;
  }
  return relations;
}

function readOccupationLinks(db: Database, key: number, occupationIds: string[]): FrameworkData['occupationLinks'] {
  const rows = db
    .prepare('SELECT from_ordinal, to_ordinal, type, rank, source FROM occupation_links WHERE version_key = ? ORDER BY ordinal')
    .all(key) as { from_ordinal: number; to_ordinal: number; type: string; rank: number | null; source: string | null }[];
  return rows.map((row) =>
    OccupationLink.parse({
      from: occupationIds[row.from_ordinal],
      to: occupationIds[row.to_ordinal],
      type: row.type,
      ...present('rank', row.rank),
      ...present('source', row.source),
    }),
  );
}

function readCrosswalks(db: Database, key: number): FrameworkData['crosswalks'] {
  const rows = db
    .prepare(
      `SELECT from_framework, from_occupation, to_framework, to_occupation, confidence, source
       FROM crosswalks WHERE version_key = ? ORDER BY ordinal`,
    )
    .all(key) as {
    from_framework: string;
    from_occupation: string;
    to_framework: string;
    to_occupation: string;
    confidence: number;
    source: string;
  }[];
  return rows.map((row) =>
    Crosswalk.parse({
      fromFramework: row.from_framework,
      fromOccupation: row.from_occupation,
      toFramework: row.to_framework,
      toOccupation: row.to_occupation,
      confidence: row.confidence,
      source: row.source,
    }),
  );
}

function notFound(db: Database, id: string, version: string | undefined): BridgeworkError {
  const known = latestVersionKey(db, id) !== undefined;
  if (version === undefined || !known) {
    return new BridgeworkError('framework.not_found', `no framework "${id}" is stored`);
  }
  return new BridgeworkError('framework.version_not_found', `framework "${id}" has no stored version "${version}"`);
}
