// The SQLite driver of BridgeworkStore, on better-sqlite3: one connection, WAL so readers never
// block the writer, every write in an IMMEDIATE transaction. Calls are synchronous underneath;
// waits for another process's lock are not (busy.ts), and neither are the checkpoints that make
// an erasure real (wal.ts): the event loop never stops for a lock.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { FrameworkData, ProfileInput } from '@bridgework/core';
import { Coalesced } from '../coalesced.ts';
import type { FrameworkVersions, FrameworkVersionSummary } from '../framework-summary.ts';
import type { BridgeworkStore, ImportSourceRecord, ListProfilesOptions, SaveFrameworkOptions } from '../store.ts';
import type { ImportJobRecord } from '../import-job.ts';
import type { ApiKeyRecord, AuditPage, AuditQuery, NewApiKeyInput, Organization, OrganizationInput, ProfileScope } from '../organizations.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { isBusy, retryWhileBusy, sqliteFailure } from './busy.ts';
import { deleteVersion, listVersionSummaries } from './framework-versions.ts';
import * as importJobs from './import-jobs.ts';
import * as importSources from './import-sources.ts';
import { loadFrameworkVersion } from './load-framework.ts';
import { applyMigrations } from './migrate.ts';
import * as organizations from './organizations.ts';
import * as profiles from './profiles.ts';
import { saveFrameworkVersion } from './save-framework.ts';
import { copySummary } from '../mapping/version-summary.ts';
import { ErasurePendingError, storeFailure } from '../store-failure.ts';
import { statement } from './statements.ts';
import { Checkpointer, walSize } from './checkpointer.ts';

export interface SqliteStoreOptions {
  /**
   * How long a statement waits for another connection's lock (asynchronously) before it fails
   * with a StoreUnavailableError, and how long an erasure waits for the log to be truncated, in
   * ms. Default 5000.
   */
  lockTimeoutMs?: number;
  /**
   * Page cache of the connection, in MiB. Default 16 (better-sqlite3's build), which holds an
   * ESCO-size import until commit; a smaller cache makes large imports spill to the WAL early.
   */
  cacheSizeMiB?: number;
  /** The clock for importedAt, createdAt and updatedAt; tests pass a fixed one. */
  now?: () => Date;
}

/** How long opening waits for another process opening or migrating the same file. */
const OPEN_TIMEOUT_MS = 10_000;
/** The WAL is cut back to this size whenever it is reset, whatever a large import made it grow to. */
const JOURNAL_SIZE_LIMIT = 32 * 1024 * 1024;
/** A log above this is checkpointed (PASSIVE, in the checkpoint thread), checked every second. */
const CHECKPOINT_ABOVE_BYTES = 4 * 1024 * 1024;
/** How long a PATCH waits for the log to drop the values it replaced, before leaving it to the background. */
const UPDATE_SCRUB_WAIT_MS = 250;
/** Background retries of a log that could not be truncated: every second at first, then up to every 30 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_LONGEST_MS = 30_000;

/**
 * Opens (creating if needed, with its directory) the database at `path`, or a private in-memory
 * one for ':memory:', and brings its schema up to date. Throws `store.failed` when the file cannot
 * be opened or was written by a newer schema.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): BridgeworkStore {
  const now = options.now ?? (() => new Date());
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    // Opening is synchronous (the driver's entry) and happens once, before any request: SQLite's
    // own busy wait may block here while another process opens or migrates the same file.
    db = new Database(path, { timeout: OPEN_TIMEOUT_MS });
    configure(db, options);
    applyMigrations(db, now);
    // From here on no busy wait, which would block the event loop: busy.ts waits instead.
    db.pragma('busy_timeout = 0');
    const checkpointer = path === ':memory:' ? undefined : new Checkpointer(resolve(path), `${resolve(path)}-wal`);
    return new SqliteStore(db, now, checkpointer, options.lockTimeoutMs ?? 5000);
  } catch (error) {
    db?.close();
    throw storeFailure(error, `opening the database at ${path}`);
  }
}

function configure(db: Database.Database, options: SqliteStoreOptions): void {
  // WAL: readers see a snapshot while an import writes, and a killed writer leaves only frames
  // that were never committed. NORMAL sync is durable up to the last checkpoint under WAL and
  // never corrupts; a power cut can lose only the most recent commits.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Freed pages are overwritten with zeros, so an erased profile does not linger in the file.
  db.pragma('secure_delete = ON');
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  // Checkpoints copy the whole log: the checkpoint thread does them (checkpointer.ts), not this one.
  db.pragma('wal_autocheckpoint = 0');
  if (options.cacheSizeMiB !== undefined) db.pragma(`cache_size = ${-Math.round(options.cacheSizeMiB * 1024)}`);
}

class SqliteStore implements BridgeworkStore {
  /**
   * Version summaries by framework id. The API asks for them on every request; they change only
   * when a version is saved or deleted, by this connection (which clears the cache) or another
   * (the CLI beside a running server), which `PRAGMA data_version` reveals.
   */
  private readonly summaries = new Map<string, FrameworkVersionSummary[]>();
  private dataVersion = -1;
  /** Truncates the log, then forgets the erasures that were pending before it started. */
  private readonly scrubber = new Coalesced(() => this.scrub());
  private retry: NodeJS.Timeout | undefined;
  private retryDelay = RETRY_FIRST_MS;

  private readonly maintenance: NodeJS.Timeout | undefined;
  private checkpointing = false;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
    /** Undefined in memory: no log. */
    private readonly checkpointer: Checkpointer | undefined,
    private readonly lockTimeoutMs: number,
  ) {
    if (checkpointer) {
      this.maintenance = setInterval(() => this.keepLogSmall(), 1000);
      this.maintenance.unref();
    }
  }

  /** What wal_autocheckpoint did, in the checkpoint thread: a log past a few megabytes is copied back. */
  private keepLogSmall(): void {
    if (this.checkpointing || !this.checkpointer || !this.db.open) return;
    if (walSize(this.checkpointer.walPath) < CHECKPOINT_ABOVE_BYTES) return;
    this.checkpointing = true;
    this.checkpointer
      .checkpoint('PASSIVE', 0)
      .catch(() => undefined)
      .finally(() => (this.checkpointing = false));
  }

  private cachedSummaries(id: string): FrameworkVersionSummary[] {
    // A prepared statement: db.pragma() prepares one on every call, which cost more than the rest
    // of this lookup on every API request.
    const current = statement(this.db, 'PRAGMA data_version').pluck().get() as number;
    if (current !== this.dataVersion) {
      this.summaries.clear();
      this.dataVersion = current;
    }
    let versions = this.summaries.get(id);
    if (!versions) this.summaries.set(id, (versions = listVersionSummaries(this.db, id)));
    return versions;
  }

  async saveFramework(data: FrameworkData, options: SaveFrameworkOptions = {}): Promise<FrameworkVersionSummary> {
    // An error thrown by the caller's onProgress is theirs (e.g. an abort): pass it through unwrapped.
    let callerError: unknown;
    const onProgress = options.onProgress;
    const guarded: SaveFrameworkOptions = {
      ...options,
      onProgress:
        onProgress &&
        ((done, total) => {
          try {
            onProgress(done, total);
          } catch (error) {
            callerError = error;
            throw error;
          }
        }),
    };
    const doing = `saving framework "${data.framework.id}" version "${data.framework.version}"`;
    let summary: FrameworkVersionSummary;
    try {
      summary = await retryWhileBusy(doing, this.lockTimeoutMs, () => {
        this.summaries.clear();
        return saveFrameworkVersion(this.db, data, guarded, this.now());
      });
    } catch (error) {
      if (callerError !== undefined && (error === callerError || (error as { cause?: unknown }).cause === callerError)) throw callerError;
      throw error;
    }
    // A large import grows the log by its size: give the space back now, not at the next erasure.
    await this.scrubber.run();
    return summary;
  }

  async listFrameworks(): Promise<FrameworkVersionSummary[]> {
    return this.run('listing frameworks', () => listVersionSummaries(this.db));
  }

  async getFramework(id: string): Promise<FrameworkVersions | undefined> {
    return this.run(`reading framework "${id}"`, () => {
      const versions = this.cachedSummaries(id);
      return versions.length === 0 ? undefined : { id, versions: versions.map(copySummary) };
    });
  }

  async loadFramework(id: string, version?: string): Promise<FrameworkData> {
    return this.run(`loading framework "${id}"`, () => loadFrameworkVersion(this.db, id, version));
  }

  async deleteFrameworkVersion(id: string, version: string): Promise<boolean> {
    const deleted = await this.run(`deleting framework "${id}" version "${version}"`, () => {
      this.summaries.clear();
      return deleteVersion(this.db, id, version);
    });
    // secure_delete wrote every freed page, zeroed, into the log.
    if (deleted) await this.scrubber.run();
    return deleted;
  }

  async createProfile(scope: ProfileScope, profile: ProfileInput, meta: ProfileLabel = {}): Promise<StoredProfile> {
    return this.run('creating a profile', () => profiles.createProfile(this.db, scope, profile, meta, this.now().toISOString()));
  }

  async getProfile(scope: ProfileScope, id: string, action: 'read' | 'use' = 'read'): Promise<StoredProfile | undefined> {
    return this.run('reading a profile', () => profiles.getProfile(this.db, scope, id, action, this.now().toISOString()));
  }

  async listProfiles(scope: ProfileScope, options: ListProfilesOptions = {}): Promise<ProfilePage> {
    return this.run('listing profiles', () => profiles.listProfiles(this.db, scope, options, this.now().toISOString()));
  }

  /**
   * The replaced values stay in the log's older frames until it is truncated: that is tried at
   * once, for a moment, and then in the background until it succeeds.
   */
  async updateProfile(scope: ProfileScope, id: string, patch: ProfilePatch, meta: { label?: string | null } = {}): Promise<StoredProfile> {
    const updated = await this.run('updating a profile', () => profiles.updateProfile(this.db, scope, id, patch, meta, this.now().toISOString()));
    await Promise.race([this.scrubber.run(), new Promise((resolve) => setTimeout(resolve, UPDATE_SCRUB_WAIT_MS).unref())]);
    return updated;
  }

  /**
   * Deletes the row and then truncates the log, which holds the pages as they were; true only once
   * the log is empty, so no file of the database holds the profile. When a reader's snapshot keeps
   * the log from being reset for the whole lock timeout, throws ErasurePendingError: the row is
   * gone, the erasure is recorded as pending, and calling again finishes it.
   */
  async deleteProfile(scope: ProfileScope, id: string): Promise<boolean> {
    const state = await this.run('erasing a profile', () => profiles.deleteProfile(this.db, scope, id, this.now().toISOString()));
    if (state === 'absent') return false;
    if (!(await this.scrubber.run())) throw new ErasurePendingError(id);
    return true;
  }

  async createOrganization(input: OrganizationInput): Promise<Organization> {
    return this.run('creating an organization', () => organizations.createOrganization(this.db, input, this.now().toISOString()));
  }

  async ensureOrganization(input: OrganizationInput): Promise<Organization> {
    return this.run('creating an organization', () => organizations.createOrganization(this.db, input, this.now().toISOString(), true));
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    return this.run('reading an organization', () => organizations.getOrganization(this.db, id));
  }

  async listOrganizations(): Promise<Organization[]> {
    return this.run('listing organizations', () => organizations.listOrganizations(this.db));
  }

  async updateOrganization(id: string, patch: { name?: string; profileQuota?: number }): Promise<Organization> {
    return this.run('updating an organization', () => organizations.updateOrganization(this.db, id, patch));
  }

  async createApiKey(input: NewApiKeyInput): Promise<ApiKeyRecord> {
    return this.run('creating an API key', () => organizations.createApiKey(this.db, input, this.now().toISOString()));
  }

  async listApiKeys(organization?: string): Promise<ApiKeyRecord[]> {
    return this.run('listing API keys', () => organizations.listApiKeys(this.db, organization));
  }

  async revokeApiKey(id: string): Promise<boolean> {
    return this.run('revoking an API key', () => organizations.revokeApiKey(this.db, id, this.now().toISOString()));
  }

  async findApiKey(digest: string): Promise<ApiKeyRecord | undefined> {
    return this.run('looking up an API key', () => organizations.findApiKey(this.db, digest));
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditPage> {
    return this.run('reading the audit log', () => organizations.listAudit(this.db, query));
  }

  async getImportSource(kind: string, path: string): Promise<ImportSourceRecord | undefined> {
    return this.run(`reading the import record of ${kind}:${path}`, () => importSources.getImportSource(this.db, kind, path));
  }

  async recordImportSource(record: ImportSourceRecord): Promise<void> {
    await this.run(`recording the import of ${record.kind}:${record.path}`, () => importSources.recordImportSource(this.db, record, this.now().toISOString()));
  }

  async saveImportJob(id: string, job: Record<string, unknown>): Promise<ImportJobRecord> {
    return this.run('saving an import job', () => importJobs.saveImportJob(this.db, id, job, this.now().toISOString()));
  }

  async getImportJob(id: string): Promise<ImportJobRecord | undefined> {
    return this.run('reading an import job', () => importJobs.getImportJob(this.db, id));
  }

  async listImportJobs(limit: number): Promise<ImportJobRecord[]> {
    return this.run('listing import jobs', () => importJobs.listImportJobs(this.db, limit));
  }

  /**
   * A write that is rolled back: a database SQLite opened read-only (a read-only file, folder or
   * mount, which it does silently) fails here. A lock held by another writer proves nothing either
   * way and is not waited for: readiness must answer at once.
   */
  async checkWritable(): Promise<void> {
    const rollback = new Error('rollback');
    try {
      this.db.transaction(() => {
        statement(this.db, 'INSERT INTO store_probe DEFAULT VALUES').run();
        throw rollback;
      }).immediate();
    } catch (error) {
      if (error === rollback || isBusy(error)) return;
      throw sqliteFailure(error, 'checking that the database takes writes');
    }
  }

  /**
   * One at a time within this process. Across processes on one file the unique (id, version)
   * keeps a start-up import to one copy (the second save is refused and reported as skipped).
   */
  async exclusive<T>(_name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.lock;
    let release!: () => void;
    this.lock = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }

  private lock: Promise<void> = Promise.resolve();

  async close(): Promise<void> {
    clearTimeout(this.retry);
    clearInterval(this.maintenance);
    this.retry = undefined;
    await this.checkpointer?.close();
    if (!this.db.open) return;
    try {
      this.db.pragma('optimize');
      this.db.close();
    } catch (error) {
      throw sqliteFailure(error, 'closing the database');
    }
  }

  /**
   * Truncates the log, then forgets the pending erasures read before it: they are complete. When
   * the log cannot be truncated within the lock timeout, tries again in the background.
   */
  private async scrub(): Promise<boolean> {
    if (!this.db.open) return false;
    const pending = await this.run('reading pending erasures', () => profiles.pendingErasures(this.db));
    // The checkpoint thread waits there for readers, up to the lock timeout.
    const truncated = this.checkpointer ? await this.checkpointer.truncate(this.lockTimeoutMs).catch(() => false) : true;
    if (!truncated) {
      this.scheduleRetry();
      return false;
    }
    if (pending.length > 0) await this.run('recording completed erasures', () => profiles.completeErasures(this.db, pending));
    this.retryDelay = RETRY_FIRST_MS;
    return true;
  }

  private scheduleRetry(): void {
    if (this.retry !== undefined || !this.db.open) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_LONGEST_MS);
      this.scrubber.run().catch(() => this.scheduleRetry());
    }, this.retryDelay);
    this.retry.unref();
  }

  private run<T>(doing: string, work: () => T): Promise<T> {
    if (!this.db.open) return Promise.reject(storeFailure(new Error('The database connection is not open'), doing));
    return retryWhileBusy(doing, this.lockTimeoutMs, work);
  }
}
