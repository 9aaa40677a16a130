// Writes one framework version on PostgreSQL, all or nothing: one transaction on one connection.
// A thrown error (bad record, onProgress aborting, a statement refused) rolls it back; a killed
// process closes its connection and the server rolls back what was not committed.
//
// Rows go in batches of BATCH through unnest() over one array per column: one statement and one
// round trip per 5,000 rows instead of per row (ESCO's 124,000 requirements are 25 statements).
import type { FrameworkData } from '@bridgework/core';
import type { FrameworkVersionSummary } from '../framework-summary.ts';
import { FrameworkRows, versionExists } from '../mapping/framework-rows.ts';
import { nextImportedAt } from '../mapping/version-summary.ts';
import type { SaveFrameworkOptions } from '../store.ts';
import { constraintOf } from './failure.ts';
import { findVersion, versionSummary } from './framework-versions.ts';
import type { Queryable } from './queryable.ts';
import { NOTIFY_CHANGED } from './sql.ts';

const BATCH = 5000;

interface Table {
  name: string;
  /** Columns after version_key and ordinal, with their array types for unnest. */
  columns: [name: string, type: string][];
}

const TABLES = {
  occupations: { name: 'occupations', columns: [['id', 'text'], ['title_en', 'text'], ['record_json', 'json']] },
  competencyGroups: { name: 'competency_groups', columns: [['id', 'text'], ['parent_id', 'text'], ['record_json', 'json']] },
  competencies: { name: 'competencies', columns: [['id', 'text'], ['label_en', 'text'], ['kind', 'text'], ['group_id', 'text'], ['record_json', 'json']] },
  requirements: {
    name: 'requirements',
    columns: [
      ['occupation_ordinal', 'integer'], ['competency_ordinal', 'integer'], ['importance', 'float8'], ['level', 'float8'], ['essential', 'boolean'],
      ['source_scale', 'text'], ['source_importance', 'float8'], ['source_level', 'float8'], ['source_relation', 'text'],
    ],
  },
  relations: { name: 'relations', columns: [['from_ordinal', 'integer'], ['to_ordinal', 'integer'], ['type', 'text'], ['weight', 'float8'], ['source_type', 'text']] },
  occupationLinks: { name: 'occupation_links', columns: [['from_ordinal', 'integer'], ['to_ordinal', 'integer'], ['type', 'text'], ['rank', 'integer'], ['source', 'text']] },
  crosswalks: {
    name: 'crosswalks',
    columns: [['from_framework', 'text'], ['from_occupation', 'text'], ['to_framework', 'text'], ['to_occupation', 'text'], ['confidence', 'float8'], ['source', 'text']],
  },
} satisfies Record<string, Table>;

/** Runs inside the caller's transaction (BEGIN/COMMIT are the store's). */
export async function saveFrameworkVersion(db: Queryable, data: FrameworkData, options: SaveFrameworkOptions, now: Date): Promise<FrameworkVersionSummary> {
  const rows = new FrameworkRows(data, options.onProgress);
  const { meta, counts } = rows;
  const { id, version } = meta;

  const existing = await findVersion(db, id, version);
  if (existing !== undefined) {
    if (options.replace !== true) throw versionExists(id, version);
    await db.query('DELETE FROM framework_versions WHERE key = $1', [existing.key]);
  }
  let key: string;
  try {
    const inserted = await db.query<{ key: string }>(
      `INSERT INTO framework_versions (
        framework_id, version, name, description, source_kind, source_publisher, source_release, source_url,
        licence_name, licence_url, licence_attribution, locales, meta_json,
        occupation_count, competency_group_count, competency_count, requirement_count,
        relation_count, occupation_link_count, crosswalk_count, imported_at
      ) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING key`,
      [
        id, version, meta.name, meta.description ?? null,
        meta.source.kind, meta.source.publisher, meta.source.release ?? null, meta.source.url ?? null,
        meta.licence.name, meta.licence.url ?? null, meta.licence.attribution,
        JSON.stringify(meta.locales), JSON.stringify(meta),
        counts.occupations, counts.competencyGroups, counts.competencies, counts.requirements,
        counts.relations, counts.occupationLinks, counts.crosswalks, nextImportedAt(now, existing?.importedAt),
      ],
    );
    key = inserted.rows[0]!.key;
  } catch (error) {
    // Another instance saved the same (id, version) since the check above and committed first.
    if (constraintOf(error) === 'framework_versions_id_version') throw versionExists(id, version);
    throw error;
  }
  rows.start();

  await writeAll(db, key, TABLES.occupations, counts.occupations, (i) => rows.occupation(i));
  await writeAll(db, key, TABLES.competencyGroups, counts.competencyGroups, (i) => rows.group(i));
  await writeAll(db, key, TABLES.competencies, counts.competencies, (i) => rows.competency(i));
  await writeAll(db, key, TABLES.requirements, counts.requirements, (i) => rows.requirement(i));
  await writeAll(db, key, TABLES.relations, counts.relations, (i) => rows.relation(i));
  await writeAll(db, key, TABLES.occupationLinks, counts.occupationLinks, (i) => rows.link(i));
  await writeAll(db, key, TABLES.crosswalks, counts.crosswalks, (i) => rows.crosswalk(i));
  rows.finish();

  await db.query(NOTIFY_CHANGED);
  return (await versionSummary(db, key))!;
}

/** O(rows): one array per column per batch; each record validated (FrameworkRows) before it is queued. */
async function writeAll(db: Queryable, key: string, table: Table, count: number, row: (i: number) => readonly unknown[]): Promise<void> {
  const width = table.columns.length;
  const names = ['ordinal', ...table.columns.map(([name]) => name)].join(', ');
  const arrays = ['$2::integer[]', ...table.columns.map(([, type], c) => `$${c + 3}::${type}[]`)].join(', ');
  const sql = `INSERT INTO ${table.name} (version_key, ${names}) SELECT $1, * FROM unnest(${arrays})`;
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    const ordinals: number[] = [];
    const columns: unknown[][] = Array.from({ length: width }, () => []);
    for (let i = start; i < end; i++) {
      const values = row(i);
      ordinals.push(i);
      for (let c = 0; c < width; c++) columns[c]!.push(values[c]);
    }
    await db.query(sql, [key, ordinals, ...columns]);
  }
}
