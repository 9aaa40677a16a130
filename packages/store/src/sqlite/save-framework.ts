// Writes one framework version, all or nothing. Everything happens inside one write transaction:
// a thrown error (bad record, onProgress aborting, disk full) rolls it back, and a killed process
// leaves only uncommitted WAL frames that SQLite ignores on the next open.
import type { Database } from 'better-sqlite3';
import {
  BridgeworkError,
  Competency,
  CompetencyGroup,
  Crosswalk,
  FrameworkMeta,
  Occupation,
  OccupationLink,
  Relation,
  Requirement,
  zodIssues,
  type FrameworkData,
} from '@bridgework/core';
import { countRecords, totalRecords, type FrameworkVersionSummary } from '../framework-summary.ts';
import type { SaveFrameworkOptions } from '../store.ts';
import { findVersionKey, versionSummary } from './framework-versions.ts';
import { isConstraintViolation } from './store-failure.ts';

/** Progress is reported every this many records (and at the start and the end). */
const PROGRESS_EVERY = 1000;

export function saveFrameworkVersion(
  db: Database,
  data: FrameworkData,
  options: SaveFrameworkOptions,
  importedAt: string,
): FrameworkVersionSummary {
  // importedAt is the store's to set (the time of this save), so it is not kept from the data.
  const { importedAt: _ignored, ...meta } = parseRecord(FrameworkMeta, data.framework, ['framework']);
  const { id, version } = meta;
  const counts = countRecords(data);
  const progress = new Progress(totalRecords(counts), options.onProgress);

  const write = db.transaction((): number => {
    const existing = findVersionKey(db, id, version);
    if (existing !== undefined) {
      if (options.replace !== true) {
        throw new BridgeworkError(
          'framework.version_exists',
          `framework "${id}" version "${version}" is already stored; versions are immutable: give the import a new version, or replace it explicitly`,
        );
      }
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
          counts.relations, counts.occupationLinks, counts.crosswalks, importedAt,
        ).lastInsertRowid,
    );
    progress.start();

    const occupationOrdinals = new Map<string, number>();
    const insertOccupation = db.prepare('INSERT INTO occupations (version_key, ordinal, id, title_en, record_json) VALUES (?, ?, ?, ?, ?)');
    writeAll(data.occupations, 'occupations', progress, (record, i) => {
      const occupation = parseRecord(Occupation, record, ['occupations', i]);
      claimId(occupationOrdinals, occupation.id, i, 'occupations', 'occupation');
      insertOccupation.run(key, i, occupation.id, occupation.title.en, JSON.stringify(occupation));
    });

    const groupOrdinals = new Map<string, number>();
    const insertGroup = db.prepare('INSERT INTO competency_groups (version_key, ordinal, id, parent_id, record_json) VALUES (?, ?, ?, ?, ?)');
    writeAll(data.competencyGroups, 'competencyGroups', progress, (record, i) => {
      const group = parseRecord(CompetencyGroup, record, ['competencyGroups', i]);
      claimId(groupOrdinals, group.id, i, 'competencyGroups', 'competency group');
      insertGroup.run(key, i, group.id, group.parent ?? null, JSON.stringify(group));
    });

    const competencyOrdinals = new Map<string, number>();
    const insertCompetency = db.prepare(
      'INSERT INTO competencies (version_key, ordinal, id, label_en, kind, group_id, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    writeAll(data.competencies, 'competencies', progress, (record, i) => {
      const competency = parseRecord(Competency, record, ['competencies', i]);
      claimId(competencyOrdinals, competency.id, i, 'competencies', 'competency');
      insertCompetency.run(key, i, competency.id, competency.label.en, competency.kind, competency.group ?? null, JSON.stringify(competency));
    });

    // The hot loop: ~124,000 rows for ESCO, one prepared statement, integer references.
    const insertRequirement = db.prepare(
      `INSERT INTO requirements (version_key, ordinal, occupation_ordinal, competency_ordinal, importance, level, essential,
        source_scale, source_importance, source_level, source_relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    writeAll(data.requirements, 'requirements', progress, (record, i) => {
      const requirement = parseRecord(Requirement, record, ['requirements', i]);
      const source = requirement.source;
      insertRequirement.run(
        key, i,
        ordinalOf(occupationOrdinals, requirement.occupation, ['requirements', i, 'occupation'], 'occupation'),
        ordinalOf(competencyOrdinals, requirement.competency, ['requirements', i, 'competency'], 'competency'),
        requirement.importance, requirement.level, requirement.essential ? 1 : 0,
        source?.scale ?? null, source?.importance ?? null, source?.level ?? null, source?.relation ?? null,
      );
    });

    const insertRelation = db.prepare(
      'INSERT INTO relations (version_key, ordinal, from_ordinal, to_ordinal, type, weight, source_type) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    writeAll(data.relations, 'relations', progress, (record, i) => {
      const relation = parseRecord(Relation, record, ['relations', i]);
      insertRelation.run(
        key, i,
        ordinalOf(competencyOrdinals, relation.from, ['relations', i, 'from'], 'competency'),
        ordinalOf(competencyOrdinals, relation.to, ['relations', i, 'to'], 'competency'),
        relation.type, relation.weight, relation.sourceType ?? null,
      );
    });

    const insertLink = db.prepare(
      'INSERT INTO occupation_links (version_key, ordinal, from_ordinal, to_ordinal, type, rank, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    writeAll(data.occupationLinks, 'occupationLinks', progress, (record, i) => {
      const link = parseRecord(OccupationLink, record, ['occupationLinks', i]);
      insertLink.run(
        key, i,
        ordinalOf(occupationOrdinals, link.from, ['occupationLinks', i, 'from'], 'occupation'),
        ordinalOf(occupationOrdinals, link.to, ['occupationLinks', i, 'to'], 'occupation'),
        link.type, link.rank ?? null, link.source ?? null,
      );
    });

    const insertCrosswalk = db.prepare(
      `INSERT INTO crosswalks (version_key, ordinal, from_framework, from_occupation, to_framework, to_occupation, confidence, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    writeAll(data.crosswalks, 'crosswalks', progress, (record, i) => {
      const crosswalk = parseRecord(Crosswalk, record, ['crosswalks', i]);
      insertCrosswalk.run(
        key, i, crosswalk.fromFramework, crosswalk.fromOccupation, crosswalk.toFramework, crosswalk.toOccupation,
        crosswalk.confidence, crosswalk.source,
      );
    });

    progress.finish();
    return key;
  });

  // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy_timeout) instead
  // of failing when a read transaction would have to upgrade.
  const key = write.immediate();
  return versionSummary(db, key)!;
}

/** The part of a core zod schema used here (the store does not depend on zod itself). */
interface RecordSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof zodIssues>[0] };
}

class Progress {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly report: ((done: number, total: number) => void) | undefined,
  ) {}

  start(): void {
    this.report?.(0, this.total);
  }

  step(): void {
    this.done += 1;
    if (this.done % PROGRESS_EVERY === 0 && this.done < this.total) this.report?.(this.done, this.total);
  }

  finish(): void {
    this.report?.(this.total, this.total);
  }
}

/** Writes each record; a constraint SQLite enforces is reported at the record that broke it. */
function writeAll<T>(records: readonly T[], collection: string, progress: Progress, write: (record: T, i: number) => void): void {
  let i = 0;
  try {
    for (; i < records.length; i++) {
      write(records[i]!, i);
      progress.step();
    }
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
    throw invalid([collection, i], `rejected by the database: ${error.message}`);
  }
}

/**
 * Every record goes through its core schema on the way in, so the database only ever holds what
 * the schema accepts (loading trusts the requirement rows for speed; see load-framework.ts).
 */
function parseRecord<T>(schema: RecordSchema<T>, record: unknown, path: (string | number)[]): T {
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  throw new BridgeworkError(
    'framework.invalid',
    `${path.join('.')}: ${issues.map((issue) => `${issue.path.join('.') || 'record'} ${issue.message}`).join('; ')}`,
    issues.map((issue) => ({ where: [...path, ...issue.path].join('.'), message: issue.message })),
  );
}

function claimId(ordinals: Map<string, number>, id: string, i: number, collection: string, noun: string): void {
  const first = ordinals.get(id);
  if (first !== undefined) throw invalid([collection, i, 'id'], `duplicate ${noun} id "${id}" (first defined at item ${first + 1})`);
  ordinals.set(id, i);
}

function ordinalOf(ordinals: Map<string, number>, id: string, path: (string | number)[], noun: string): number {
  const ordinal = ordinals.get(id);
  if (ordinal === undefined) throw invalid(path, `unknown ${noun} "${id}"`);
  return ordinal;
}

function invalid(path: (string | number)[], message: string): BridgeworkError {
  const where = path.join('.');
  return new BridgeworkError('framework.invalid', `${where}: ${message}`, [{ where, message }]);
}
