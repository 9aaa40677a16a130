// Writes one framework version on SQLite, all or nothing. Everything happens inside one write
// transaction: a thrown error (bad record, onProgress aborting, disk full) rolls it back, and a
// killed process leaves only uncommitted WAL frames that SQLite ignores on the next open.
import type { Database, Statement } from 'better-sqlite3';
import type { FrameworkData } from '@bridgework/core';
import type { FrameworkVersionSummary } from '../framework-summary.ts';
import { FrameworkRows, rejectedByDatabase, versionExists } from '../mapping/framework-rows.ts';
import { nextImportedAt } from '../mapping/version-summary.ts';
import type { SaveFrameworkOptions } from '../store.ts';
import { findVersionKey, importedAtOf, versionSummary } from './framework-versions.ts';
import { isConstraintViolation } from './constraint-violation.ts';

export function saveFrameworkVersion(db: Database, data: FrameworkData, options: SaveFrameworkOptions, now: Date): FrameworkVersionSummary {
  const rows = new FrameworkRows(data, options.onProgress);
  const { meta, counts } = rows;
  const { id, version } = meta;

  const write = db.transaction((): number => {
    const existing = findVersionKey(db, id, version);
    let replacing: string | undefined;
    if (existing !== undefined) {
      if (options.replace !== true) throw versionExists(id, version);
      replacing = importedAtOf(db, existing);
      db.prepare('DELETE FROM framework_versions WHERE key = ?').run(existing);
    }

    const key = Number(
      db
        .prepare(
          `INSERT INTO framework_versions (
            framework_id, version, name, description, source_kind, source_publisher, source_release, source_url,
            licence_name, licence_url, licence_attribution, locales, meta_json,
            occupation_count, competency_group_count, competency_count, requirement_count,
            relation_count, occupation_link_count, crosswalk_count, imported_at
          ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id, version, meta.name, meta.description ?? null,
          meta.source.kind, meta.source.publisher, meta.source.release ?? null, meta.source.url ?? null,
          meta.licence.name, meta.licence.url ?? null, meta.licence.attribution,
          JSON.stringify(meta.locales), JSON.stringify(meta),
          counts.occupations, counts.competencyGroups, counts.competencies, counts.requirements,
          counts.relations, counts.occupationLinks, counts.crosswalks, nextImportedAt(now, replacing),
        ).lastInsertRowid,
    );
    rows.start();

    writeAll(db, 'occupations', counts.occupations, 'INSERT INTO occupations (version_key, ordinal, id, title_en, record_json) VALUES (?, ?, ?, ?, ?)', (insert, i) =>
      insert.run(key, i, ...rows.occupation(i)),
    );
    writeAll(db, 'competencyGroups', counts.competencyGroups, 'INSERT INTO competency_groups (version_key, ordinal, id, parent_id, record_json) VALUES (?, ?, ?, ?, ?)', (insert, i) =>
      insert.run(key, i, ...rows.group(i)),
    );
    writeAll(
      db, 'competencies', counts.competencies,
      'INSERT INTO competencies (version_key, ordinal, id, label_en, kind, group_id, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      (insert, i) => insert.run(key, i, ...rows.competency(i)),
    );
    // The hot loop: ~124,000 rows for ESCO, one prepared statement, integer references.
    writeAll(
      db, 'requirements', counts.requirements,
      `INSERT INTO requirements (version_key, ordinal, occupation_ordinal, competency_ordinal, importance, level, essential,
        source_scale, source_importance, source_level, source_relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      (insert, i) => {
        const row = rows.requirement(i);
        insert.run(key, i, row[0], row[1], row[2], row[3], row[4] ? 1 : 0, row[5], row[6], row[7], row[8]);
      },
    );
    writeAll(
      db, 'relations', counts.relations,
      'INSERT INTO relations (version_key, ordinal, from_ordinal, to_ordinal, type, weight, source_type) VALUES (?, ?, ?, ?, ?, ?, ?)',
      (insert, i) => insert.run(key, i, ...rows.relation(i)),
    );
    writeAll(
      db, 'occupationLinks', counts.occupationLinks,
      'INSERT INTO occupation_links (version_key, ordinal, from_ordinal, to_ordinal, type, rank, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
      (insert, i) => insert.run(key, i, ...rows.link(i)),
    );
    writeAll(
      db, 'crosswalks', counts.crosswalks,
      `INSERT INTO crosswalks (version_key, ordinal, from_framework, from_occupation, to_framework, to_occupation, confidence, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      (insert, i) => insert.run(key, i, ...rows.crosswalk(i)),
    );

    rows.finish();
    return key;
  });

  // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy_timeout) instead
  // of failing when a read transaction would have to upgrade.
  const key = write.immediate();
  return versionSummary(db, key)!;
}

/** Writes each record; a constraint SQLite enforces is reported at the record that broke it. */
function writeAll(db: Database, collection: string, count: number, sql: string, write: (insert: Statement, i: number) => void): void {
  const insert = db.prepare(sql);
  let i = 0;
  try {
    for (; i < count; i++) write(insert, i);
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
    throw rejectedByDatabase(collection, i, error.message);
  }
}
