// The one interface every persistence driver implements (SQLite and PostgreSQL), so the service,
// the CLI and the API depend on this contract and never on a database library. Every method returns
// a Promise because a network database cannot answer synchronously; the SQLite driver resolves at once.
import type { FrameworkData, ProfileInput } from '@bridgework/core';
import type { FrameworkVersions, FrameworkVersionSummary } from './framework-summary.ts';
import type { ImportJobRecord } from './import-job.ts';
import type { ApiKeyRecord, AuditPage, AuditQuery, NewApiKeyInput, Organization, OrganizationInput, ProfileScope } from './organizations.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from './stored-profile.ts';

export interface SaveFrameworkOptions {
  /**
   * Called as records are written: `done` of `total` records (occupations, groups, competencies,
   * requirements, relations, links, crosswalks). Throwing from it aborts the save and rolls it back.
   */
  onProgress?: (done: number, total: number) => void;
  /** Replace an existing (id, version) instead of refusing it. Off by default: versions are immutable. */
  replace?: boolean;
}

export interface ListProfilesOptions {
  /** Page size, 1..500; 50 when omitted. */
  limit?: number;
  /** `nextCursor` of the previous page. Opaque. */
  cursor?: string;
}

/** A framework source as it was when last imported: a digest of its files and the version it gave. */
export interface ImportSourceRecord {
  /** Importer kind (native, onet, esco...) and absolute path: the key. */
  kind: string;
  path: string;
  /** Digest of the source's file names, sizes and modification times. */
  fingerprint: string;
  frameworkId: string;
  version: string;
  /** When it was recorded (ISO 8601); set by the store. */
  recordedAt?: string;
}

export interface BridgeworkStore {
  /**
   * Writes one framework version in a single transaction: either the whole version is stored or
   * nothing is. Throws `framework.version_exists` when (id, version) is stored and `replace` is not
   * set, `framework.invalid` when a record breaks a rule the database relies on (duplicate id,
   * unknown reference, a value the schema rejects). The stored version's `importedAt` is now, and
   * for a replace always later than the importedAt of the version it replaces, so (id, version,
   * importedAt) names one stored content.
   */
  saveFramework(data: FrameworkData, options?: SaveFrameworkOptions): Promise<FrameworkVersionSummary>;

  /** Every stored version of every framework: ids in ascending order, newest import first within an id. */
  listFrameworks(): Promise<FrameworkVersionSummary[]>;

  /** The versions of one framework, newest import first; undefined when none is stored. */
  getFramework(id: string): Promise<FrameworkVersions | undefined>;

  /**
   * The whole framework as it was saved, with `framework.importedAt` set to the time it was stored.
   * Without `version`, the most recently imported version. Throws `framework.not_found` or
   * `framework.version_not_found`.
   */
  loadFramework(id: string, version?: string): Promise<FrameworkData>;

  /** Removes one version and everything in it. False when it was not stored. */
  deleteFrameworkVersion(id: string, version: string): Promise<boolean>;

  // ---- profiles: each call is scoped to one organization and recorded in the audit log ----

  /**
   * Stores a profile for the scope's organization (validated with the core Profile schema;
   * `profile.invalid` otherwise). Throws `organization.not_found`, and `profile.quota_exceeded`
   * when the organization holds its quota already. Audited as `create`.
   */
  createProfile(scope: ProfileScope, profile: ProfileInput, meta?: ProfileLabel): Promise<StoredProfile>;

  /**
   * The organization's profile, or undefined (another organization's profile is not there for it).
   * Audited as `action`: `read` (the default), or `use` when an analysis reads it.
   */
  getProfile(scope: ProfileScope, id: string, action?: 'read' | 'use'): Promise<StoredProfile | undefined>;

  /** The organization's profiles, most recently created first; each listed is audited as `list`. Throws `request.invalid` for a bad limit or cursor. */
  listProfiles(scope: ProfileScope, options?: ListProfilesOptions): Promise<ProfilePage>;

  /**
   * Merges `patch` into the organization's profile at the top level (a field set to null is
   * removed, so its default applies), validates the result with the core Profile schema and
   * stores it. Throws `profile.not_found` or `profile.invalid`. Audited as `update`.
   */
  updateProfile(scope: ProfileScope, id: string, patch: ProfilePatch, meta?: { label?: string | null }): Promise<StoredProfile>;

  /**
   * Erases the organization's profile (audited as `delete`): the data is removed from every
   * file of the database, not flagged, and
   * true means that was verified. False when it was not stored. When the row is gone but old
   * copies could not be removed within the lock timeout (another connection holds them), throws
   * ErasurePendingError (`profile.erasure_pending`) and records the erasure as pending: calling
   * again finishes it (and answers true), even though the profile can no longer be read.
   */
  deleteProfile(scope: ProfileScope, id: string): Promise<boolean>;

  /**
   * Resolves when the database takes writes; throws a StoreUnavailableError saying why not (a
   * database opened read-only, a read-only PostgreSQL server or transaction). A lock held by
   * another writer is not waited for.
   */
  checkWritable(): Promise<void>;

  /** What was last recorded for a source (kind, absolute path), or undefined. */
  getImportSource(kind: string, path: string): Promise<ImportSourceRecord | undefined>;

  /** Records (or replaces) what a source looked like when it was imported. */
  recordImportSource(record: ImportSourceRecord): Promise<void>;

  /**
   * Runs `work` while holding the lock `name` for this database, so that of several instances
   * starting at once one imports and the others then find the version stored. PostgreSQL: an
   * advisory lock, database-wide. SQLite: within this process (across processes the unique
   * (id, version) refuses a second copy).
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;

  // ---- organizations, keys and the audit log ----

  /** Throws `organization.exists`, or `request.invalid` for an id that is not a slug, a bad name or quota. */
  createOrganization(input: OrganizationInput): Promise<Organization>;

  /** The organization as it is stored, created first when missing (start-up, for the keys of BRIDGEWORK_API_KEYS). */
  ensureOrganization(input: OrganizationInput): Promise<Organization>;

  getOrganization(id: string): Promise<Organization | undefined>;

  /** Every organization, ids ascending, with how many profiles each holds. */
  listOrganizations(): Promise<Organization[]>;

  /** Throws `organization.not_found`. A quota below what it holds keeps the profiles and refuses new ones. */
  updateOrganization(id: string, patch: { name?: string; profileQuota?: number }): Promise<Organization>;

  /** Stores a key by the digest of its secret, with a new public id. Throws `organization.not_found`. */
  createApiKey(input: NewApiKeyInput): Promise<ApiKeyRecord>;

  /** Keys (revoked ones included, with revokedAt), oldest first; those of one organization when given. */
  listApiKeys(organization?: string): Promise<ApiKeyRecord[]>;

  /** False when no active key has this id. */
  revokeApiKey(id: string): Promise<boolean>;

  /** The active key whose secret has this SHA-256 (hex), or undefined. */
  findApiKey(digest: string): Promise<ApiKeyRecord | undefined>;

  /** Audit entries, newest first, of one organization or one profile when given. */
  listAudit(query?: AuditQuery): Promise<AuditPage>;

  /**
   * Saves (or replaces) import job `id` with its state; createdAt is kept from the first save,
   * updatedAt is now. The newest KEPT_IMPORT_JOBS (200) jobs are kept.
   */
  saveImportJob(id: string, job: Record<string, unknown>): Promise<ImportJobRecord>;

  getImportJob(id: string): Promise<ImportJobRecord | undefined>;

  /** The newest jobs first, at most `limit`. */
  listImportJobs(limit: number): Promise<ImportJobRecord[]>;

  close(): Promise<void>;
}
