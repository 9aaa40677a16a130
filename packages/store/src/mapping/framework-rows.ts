// From a framework to the rows every driver stores, and back. The write side validates each
// record with its core schema as it is reached (so a bad record 1,380 records in fails there,
// after progress 1,000 was reported) and resolves text ids to ordinals within the version; the
// read side rebuilds records from rows in the drivers' common shape (arrays of column values).
//
// Requirements and relations are the bulk (124,000 and 20,000 rows for ESCO) and are rebuilt
// without a per-row zod parse: every row was parsed on the way in and the tables' constraints hold
// it there. Measured at ESCO size, a zod parse of the requirements adds ~0.4 s to a load of ~0.7 s.
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
  type SourceRating,
} from '@bridgework/core';
import { countRecords, totalRecords, type FrameworkCounts } from '../framework-summary.ts';
import { present } from './row-values.ts';

/** Progress is reported every this many records (and at the start and the end). */
export const PROGRESS_EVERY = 1000;

export type OccupationRow = [id: string, titleEn: string, json: string];
export type GroupRow = [id: string, parentId: string | null, json: string];
export type CompetencyRow = [id: string, labelEn: string, kind: string, groupId: string | null, json: string];
export type RequirementRow = [
  occupation: number,
  competency: number,
  importance: number,
  level: number,
  essential: boolean,
  scale: string | null,
  sourceImportance: number | null,
  sourceLevel: number | null,
  relation: string | null,
];
export type RelationRow = [from: number, to: number, type: string, weight: number, sourceType: string | null];
export type LinkRow = [from: number, to: number, type: string, rank: number | null, source: string | null];
export type CrosswalkRow = [fromFramework: string, fromOccupation: string, toFramework: string, toOccupation: string, confidence: number, source: string];

/**
 * Walks one framework's records in the order they are stored, each validated once. A driver calls
 * the row method of each collection for i = 0..n-1 in order (occupations, groups, competencies,
 * requirements, relations, links, crosswalks) and writes what it returns.
 */
export class FrameworkRows {
  /** The metadata as stored: importedAt is the store's to set, so it is not kept from the data. */
  readonly meta: Omit<FrameworkMeta, 'importedAt'>;
  readonly counts: FrameworkCounts;
  private readonly occupationOrdinals = new Map<string, number>();
  private readonly groupOrdinals = new Map<string, number>();
  private readonly competencyOrdinals = new Map<string, number>();
  private readonly progress: Progress;

  constructor(
    private readonly data: FrameworkData,
    onProgress?: (done: number, total: number) => void,
  ) {
    const { importedAt: _ignored, ...meta } = parseRecord(FrameworkMeta, data.framework, ['framework']);
    this.meta = meta;
    this.counts = countRecords(data);
    this.progress = new Progress(totalRecords(this.counts), onProgress);
  }

  start(): void {
    this.progress.start();
  }

  finish(): void {
    this.progress.finish();
  }

  occupation(i: number): OccupationRow {
    const occupation = parseRecord(Occupation, this.data.occupations[i], ['occupations', i]);
    claimId(this.occupationOrdinals, occupation.id, i, 'occupations', 'occupation');
    this.progress.step();
    return [occupation.id, occupation.title.en, JSON.stringify(occupation)];
  }

  group(i: number): GroupRow {
    const group = parseRecord(CompetencyGroup, this.data.competencyGroups[i], ['competencyGroups', i]);
    claimId(this.groupOrdinals, group.id, i, 'competencyGroups', 'competency group');
    this.progress.step();
    return [group.id, group.parent ?? null, JSON.stringify(group)];
  }

  competency(i: number): CompetencyRow {
    const competency = parseRecord(Competency, this.data.competencies[i], ['competencies', i]);
    claimId(this.competencyOrdinals, competency.id, i, 'competencies', 'competency');
    this.progress.step();
    return [competency.id, competency.label.en, competency.kind, competency.group ?? null, JSON.stringify(competency)];
  }

  requirement(i: number): RequirementRow {
    const requirement = parseRecord(Requirement, this.data.requirements[i], ['requirements', i]);
    const source = requirement.source;
    const row: RequirementRow = [
      ordinalOf(this.occupationOrdinals, requirement.occupation, ['requirements', i, 'occupation'], 'occupation'),
      ordinalOf(this.competencyOrdinals, requirement.competency, ['requirements', i, 'competency'], 'competency'),
      requirement.importance,
      requirement.level,
      requirement.essential,
      source?.scale ?? null,
      source?.importance ?? null,
      source?.level ?? null,
      source?.relation ?? null,
    ];
    this.progress.step();
    return row;
  }

  relation(i: number): RelationRow {
    const relation = parseRecord(Relation, this.data.relations[i], ['relations', i]);
    const row: RelationRow = [
      ordinalOf(this.competencyOrdinals, relation.from, ['relations', i, 'from'], 'competency'),
      ordinalOf(this.competencyOrdinals, relation.to, ['relations', i, 'to'], 'competency'),
      relation.type,
      relation.weight,
      relation.sourceType ?? null,
    ];
    this.progress.step();
    return row;
  }

  link(i: number): LinkRow {
    const link = parseRecord(OccupationLink, this.data.occupationLinks[i], ['occupationLinks', i]);
    const row: LinkRow = [
      ordinalOf(this.occupationOrdinals, link.from, ['occupationLinks', i, 'from'], 'occupation'),
      ordinalOf(this.occupationOrdinals, link.to, ['occupationLinks', i, 'to'], 'occupation'),
      link.type,
      link.rank ?? null,
      link.source ?? null,
    ];
    this.progress.step();
    return row;
  }

  crosswalk(i: number): CrosswalkRow {
    const c = parseRecord(Crosswalk, this.data.crosswalks[i], ['crosswalks', i]);
    this.progress.step();
    return [c.fromFramework, c.fromOccupation, c.toFramework, c.toOccupation, c.confidence, c.source];
  }
}

/** The error a driver reports when its database refuses the record at `[collection, i]`. */
export function rejectedByDatabase(collection: string, i: number, reason: string): BridgeworkError {
  return invalid([collection, i], `rejected by the database: ${reason}`);
}

/** The refusal of a stored (id, version) saved again without `replace`. */
export function versionExists(id: string, version: string): BridgeworkError {
  return new BridgeworkError(
    'framework.version_exists',
    `framework "${id}" version "${version}" is already stored; versions are immutable: give the import a new version, or replace it explicitly`,
  );
}

// ---- reading back ----

/** O(requirements): ids by index, no parse (see the top of this file). `essential` may be 0/1. */
export function requirementsFromRows(rows: readonly (readonly unknown[])[], occupationIds: readonly string[], competencyIds: readonly string[]): Requirement[] {
  const requirements = new Array<Requirement>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [occupation, competency, importance, level, essential, scale, sourceImportance, sourceLevel, relation] = rows[i] as [
      number, number, number, number, boolean | number, string | null, number | null, number | null, string | null,
    ];
    const requirement: Requirement = {
      occupation: occupationIds[occupation]!,
      competency: competencyIds[competency]!,
      importance,
      level,
      essential: essential === true || essential === 1,
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

/** O(relations), trusted like the requirements. */
export function relationsFromRows(rows: readonly (readonly unknown[])[], competencyIds: readonly string[]): Relation[] {
  const relations = new Array<Relation>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [from, to, type, weight, sourceType] = rows[i] as RelationRow;
    const relation: Relation = { from: competencyIds[from]!, to: competencyIds[to]!, type: type as Relation['type'], weight };
    if (sourceType !== null) relation.sourceType = sourceType;
    relations[i] = relation;
  }
  return relations;
}

/** Few and small: parsed again with the core schema. */
export function linksFromRows(rows: readonly (readonly unknown[])[], occupationIds: readonly string[]): FrameworkData['occupationLinks'] {
  return rows.map((row) => {
    const [from, to, type, rank, source] = row as LinkRow;
    return OccupationLink.parse({ from: occupationIds[from], to: occupationIds[to], type, ...present('rank', rank), ...present('source', source) });
  });
}

export function crosswalksFromRows(rows: readonly (readonly unknown[])[]): FrameworkData['crosswalks'] {
  return rows.map((row) => {
    const [fromFramework, fromOccupation, toFramework, toOccupation, confidence, source] = row as CrosswalkRow;
    return Crosswalk.parse({ fromFramework, fromOccupation, toFramework, toOccupation, confidence, source });
  });
}

/** The JSON-held records go back through their core schemas. */
export const parseOccupations = (records: readonly unknown[]): Occupation[] => records.map((r) => Occupation.parse(r));
export const parseGroups = (records: readonly unknown[]): CompetencyGroup[] => records.map((r) => CompetencyGroup.parse(r));
export const parseCompetencies = (records: readonly unknown[]): Competency[] => records.map((r) => Competency.parse(r));

// ---- helpers ----

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

/** Every record goes through its core schema on the way in, so the database only holds what it accepts. */
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
