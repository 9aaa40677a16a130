// The SQLite driver of BridgeworkStore, on better-sqlite3: one connection, WAL so readers never
// block the writer, every write in an IMMEDIATE transaction. Calls are synchronous underneath; the
// interface's Promises resolve at once.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { FrameworkData, ProfileInput } from '@bridgework/core';
import type { FrameworkVersions, FrameworkVersionSummary } from '../framework-summary.ts';
import type { BridgeworkStore, ImportSourceRecord, ListProfilesOptions, SaveFrameworkOptions } from '../store.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { deleteVersion, listVersionSummaries } from './framework-versions.ts';
import * as importSources from './import-sources.ts';
import { loadFrameworkVersion } from './load-framework.ts';
import { applyMigrations } from './migrate.ts';
import * as profiles from './profiles.ts';
import { saveFrameworkVersion } from './save-framework.ts';
import { copySummary } from '../mapping/version-summary.ts';
import { storeFailure } from '../store-failure.ts';
import { statement } from './statements.ts';

export interface SqliteStoreOptions {
  /** How long a write waits for another process's write lock before failing, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /**
   * Page cache of the connection, in MiB. Default 16 (better-sqlite3's build), which holds an
   * ESCO-size import until commit; a smaller cache makes large imports spill to the WAL early.
   */
  cacheSizeMiB?: number;
  /** The clock for importedAt, createdAt and updatedAt; tests pass a fixed one. */
  now?: () => Date;
}

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
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
    configure(db, options);
    applyMigrations(db, now);
    return new SqliteStore(db, now);
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

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

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
    try {
      this.summaries.clear();
      return saveFrameworkVersion(this.db, data, guarded, this.now());
    } catch (error) {
      if (error === callerError) throw error;
      throw storeFailure(error, `saving framework "${data.framework.id}" version "${data.framework.version}"`);
    }
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
    return this.run(`deleting framework "${id}" version "${version}"`, () => {
      this.summaries.clear();
      return deleteVersion(this.db, id, version);
    });
  }

  async createProfile(profile: ProfileInput, meta: ProfileLabel = {}): Promise<StoredProfile> {
    return this.run('creating a profile', () => profiles.createProfile(this.db, profile, meta, this.now().toISOString()));
  }

  async getProfile(id: string): Promise<StoredProfile | undefined> {
    return this.run('reading a profile', () => profiles.getProfile(this.db, id));
  }

  async listProfiles(options: ListProfilesOptions = {}): Promise<ProfilePage> {
    return this.run('listing profiles', () => profiles.listProfiles(this.db, options));
  }

  async updateProfile(id: string, patch: ProfilePatch, meta: { label?: string | null } = {}): Promise<StoredProfile> {
    return this.run('updating a profile', () => profiles.updateProfile(this.db, id, patch, meta, this.now().toISOString()));
  }

  async deleteProfile(id: string): Promise<boolean> {
    return this.run('erasing a profile', () => profiles.deleteProfile(this.db, id));
  }

  async getImportSource(kind: string, path: string): Promise<ImportSourceRecord | undefined> {
    return this.run(`reading the import record of ${kind}:${path}`, () => importSources.getImportSource(this.db, kind, path));
  }

  async recordImportSource(record: ImportSourceRecord): Promise<void> {
    this.run(`recording the import of ${record.kind}:${record.path}`, () => importSources.recordImportSource(this.db, record, this.now().toISOString()));
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
    if (!this.db.open) return;
    this.run('closing the database', () => {
      this.db.pragma('optimize');
      this.db.close();
    });
  }

  private run<T>(doing: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storeFailure(error, doing);
    }
  }
}
