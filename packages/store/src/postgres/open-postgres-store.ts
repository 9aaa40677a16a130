// The PostgreSQL driver of BridgeworkStore, on node-postgres: a pool of connections per process,
// every statement under statement_timeout, each import in one transaction on one connection.
// Several instances share one database: version summaries are cached per process and dropped
// when any instance saves or deletes a version (NOTIFY at commit, heard on a LISTEN connection);
// while that connection is down nothing is cached, so an instance never serves what it missed.
import pg from 'pg';
import type { FrameworkData, ProfileInput } from '@bridgework/core';
import type { FrameworkVersions, FrameworkVersionSummary } from '../framework-summary.ts';
import { copySummary } from '../mapping/version-summary.ts';
import type { BridgeworkStore, ImportSourceRecord, ListProfilesOptions, SaveFrameworkOptions } from '../store.ts';
import type { ImportJobRecord } from '../import-job.ts';
import type { ApiKeyRecord, AuditPage, AuditQuery, NewApiKeyInput, Organization, OrganizationInput, ProfileScope } from '../organizations.ts';
import type { ProfileLabel, ProfilePage, ProfilePatch, StoredProfile } from '../stored-profile.ts';
import { postgresSettings, type PostgresSettings, type PostgresStoreOptions } from './connection-settings.ts';
import { postgresFailure } from './failure.ts';
import { deleteVersion, listVersionSummaries } from './framework-versions.ts';
import * as importJobs from './import-jobs.ts';
import * as importSources from './import-sources.ts';
import { loadFrameworkVersion } from './load-framework.ts';
import { applyMigrations, transaction } from './migrate.ts';
import * as organizations from './organizations.ts';
import * as profiles from './profiles.ts';
import type { Queryable } from './queryable.ts';
import { saveFrameworkVersion } from './save-framework.ts';
import { FRAMEWORKS_CHANGED } from './sql.ts';
import { Coalesced } from '../coalesced.ts';
import { ErasurePendingError } from '../store-failure.ts';

/** How often a waiting instance asks again for a lock another instance holds. */
const LOCK_POLL_MS = 200;
/** How long exclusive() waits for a lock (an ESCO import under it takes seconds). */
const LOCK_WAIT_MS = 10 * 60_000;
const RELISTEN_MS = 1000;
/** How long a PATCH waits for the table to be rewritten, before leaving it to the background. */
const UPDATE_REWRITE_WAIT_MS = 250;
/** Background retries of a rewrite that could not get its lock: every second, then up to every 30 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_LONGEST_MS = 30_000;
const guarded = new WeakSet<pg.PoolClient>();

/**
 * Connects, creates the schema when missing and brings it up to date. Throws a
 * StoreUnavailableError naming the URL (without its password) when the server cannot be reached,
 * `store.failed` for a URL it cannot use or a schema newer than this code.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<BridgeworkStore> {
  const settings = postgresSettings(url);
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool(settings.pool);
  // An idle connection that breaks (server restart) is dropped by the pool; without a listener
  // its 'error' event would end the process. The next query opens a new connection.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (settings.schema !== 'public') {
        // IF NOT EXISTS is not safe against itself: of several instances creating the schema at
        // once, the others can fail on pg_namespace's unique index. The schema exists either way.
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${settings.schema}`).catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42P06') throw error;
        });
      }
      await applyMigrations(client, now);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresFailure(error, `opening the database at ${settings.shown}`, settings.statementTimeoutMs);
  }
  const store = new PostgresStore(pool, settings, now, options.eraseLockTimeoutMs ?? 5000);
  await store.listen();
  return store;
}

class PostgresStore implements BridgeworkStore {
  /** Version summaries by framework id, valid while the LISTEN connection is up (see the top). */
  private readonly summaries = new Map<string, FrameworkVersionSummary[]>();
  /** Bumped at every change heard, so a read that raced a change does not cache what it read. */
  private generation = 0;
  private listener: pg.Client | undefined;
  private listening = false;
  private relisten: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly rewriter = new Coalesced(() => this.rewrite());
  private retry: NodeJS.Timeout | undefined;
  private retryDelay = RETRY_FIRST_MS;

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: PostgresSettings,
    private readonly now: () => Date,
    private readonly eraseLockTimeoutMs: number,
  ) {}

  /** Opens the LISTEN connection; on failure, retries every second and caches nothing meanwhile. */
  async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.settings.pool);
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      this.forget();
      client.end().catch(() => undefined);
      this.scheduleRelisten();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === FRAMEWORKS_CHANGED && message.payload === this.settings.schema) this.forget();
    });
    try {
      this.listener = client;
      await client.connect();
      await client.query(`LISTEN ${FRAMEWORKS_CHANGED}`);
      // Whatever changed while nobody listened is unknown: start from nothing.
      this.forget();
      this.listening = this.listener === client;
    } catch {
      lost();
    }
  }

  private scheduleRelisten(): void {
    if (this.closed || this.relisten) return;
    this.relisten = setTimeout(() => {
      this.relisten = undefined;
      void this.listen();
    }, RELISTEN_MS);
    this.relisten.unref();
  }

  private forget(): void {
    this.summaries.clear();
    this.generation++;
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
      return await this.withClient((db) => transaction(db, () => saveFrameworkVersion(db, data, guarded, this.now())));
    } catch (error) {
      if (error === callerError) throw error;
      throw this.failure(error, `saving framework "${data.framework.id}" version "${data.framework.version}"`);
    } finally {
      this.forget();
    }
  }

  async listFrameworks(): Promise<FrameworkVersionSummary[]> {
    return this.run('listing frameworks', (db) => listVersionSummaries(db));
  }

  async getFramework(id: string): Promise<FrameworkVersions | undefined> {
    return this.run(`reading framework "${id}"`, async (db) => {
      let versions = this.listening ? this.summaries.get(id) : undefined;
      if (!versions) {
        const generation = this.generation;
        versions = await listVersionSummaries(db, id);
        if (this.listening && generation === this.generation) this.summaries.set(id, versions);
      }
      return versions.length === 0 ? undefined : { id, versions: versions.map(copySummary) };
    });
  }

  async loadFramework(id: string, version?: string): Promise<FrameworkData> {
    return this.run(`loading framework "${id}"`, (db) =>
      this.readTransaction(db, () => loadFrameworkVersion(db, id, version)),
    );
  }

  async deleteFrameworkVersion(id: string, version: string): Promise<boolean> {
    try {
      return await this.run(`deleting framework "${id}" version "${version}"`, (db) => transaction(db, () => deleteVersion(db, id, version)));
    } finally {
      this.forget();
    }
  }

  async createProfile(scope: ProfileScope, profile: ProfileInput, meta: ProfileLabel = {}): Promise<StoredProfile> {
    return this.run('creating a profile', (db) => profiles.createProfile(db, scope, profile, meta, this.now()));
  }

  async getProfile(scope: ProfileScope, id: string, action: 'read' | 'use' = 'read'): Promise<StoredProfile | undefined> {
    return this.run('reading a profile', (db) => profiles.getProfile(db, scope, id, action, this.now()));
  }

  async listProfiles(scope: ProfileScope, options: ListProfilesOptions = {}): Promise<ProfilePage> {
    return this.run('listing profiles', (db) => profiles.listProfiles(db, scope, options, this.now()));
  }

  /**
   * The row as it was stays in the table's pages after an UPDATE: the table is rewritten after it
   * (shared with concurrent erasures), waited for briefly, and retried in the background when
   * its lock cannot be had.
   */
  async updateProfile(scope: ProfileScope, id: string, patch: ProfilePatch, meta: { label?: string | null } = {}): Promise<StoredProfile> {
    const updated = await this.run('updating a profile', (db) => profiles.updateProfile(db, scope, id, patch, meta, this.now()));
    await Promise.race([this.rewriter.run(), new Promise((resolve) => setTimeout(resolve, UPDATE_REWRITE_WAIT_MS).unref())]);
    return updated;
  }

  /**
   * Deletes the row (recording the erasure as pending), then rewrites the table; true once the
   * rewrite ran. When the table's lock cannot be had within eraseLockTimeoutMs, throws
   * ErasurePendingError: the row is gone, and calling again finishes the erasure.
   */
  async deleteProfile(scope: ProfileScope, id: string): Promise<boolean> {
    const state = await this.run('erasing a profile', (db) => profiles.deleteProfile(db, scope, id, this.now()));
    if (state === 'absent') return false;
    if (!(await this.rewriter.run())) throw new ErasurePendingError(id);
    return true;
  }

  async createOrganization(input: OrganizationInput): Promise<Organization> {
    return this.run('creating an organization', (db) => organizations.createOrganization(db, input, this.now()));
  }

  async ensureOrganization(input: OrganizationInput): Promise<Organization> {
    return this.run('creating an organization', (db) => organizations.createOrganization(db, input, this.now(), true));
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    return this.run('reading an organization', (db) => organizations.getOrganization(db, id));
  }

  async listOrganizations(): Promise<Organization[]> {
    return this.run('listing organizations', (db) => organizations.listOrganizations(db));
  }

  async updateOrganization(id: string, patch: { name?: string; profileQuota?: number }): Promise<Organization> {
    return this.run('updating an organization', (db) => organizations.updateOrganization(db, id, patch));
  }

  async createApiKey(input: NewApiKeyInput): Promise<ApiKeyRecord> {
    return this.run('creating an API key', (db) => organizations.createApiKey(db, input, this.now()));
  }

  async listApiKeys(organization?: string): Promise<ApiKeyRecord[]> {
    return this.run('listing API keys', (db) => organizations.listApiKeys(db, organization));
  }

  async revokeApiKey(id: string): Promise<boolean> {
    return this.run('revoking an API key', (db) => organizations.revokeApiKey(db, id, this.now()));
  }

  async findApiKey(digest: string): Promise<ApiKeyRecord | undefined> {
    return this.run('looking up an API key', (db) => organizations.findApiKey(db, digest));
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditPage> {
    return this.run('reading the audit log', (db) => organizations.listAudit(db, query));
  }

  async saveImportJob(id: string, job: Record<string, unknown>): Promise<ImportJobRecord> {
    return this.run('saving an import job', (db) => importJobs.saveImportJob(db, id, job, this.now()));
  }

  async getImportJob(id: string): Promise<ImportJobRecord | undefined> {
    return this.run('reading an import job', (db) => importJobs.getImportJob(db, id));
  }

  async listImportJobs(limit: number): Promise<ImportJobRecord[]> {
    return this.run('listing import jobs', (db) => importJobs.listImportJobs(db, limit));
  }

  /**
   * A hot standby, a read-only default transaction or a read-only role fail here: a DELETE is
   * refused in a read-only transaction before it looks at a row. This one matches no row, so it
   * writes nothing and waits for nothing.
   */
  async checkWritable(): Promise<void> {
    await this.run('checking that the database takes writes', (db) => db.query('DELETE FROM profile_erasures WHERE false'));
  }

  /** One VACUUM FULL for every erasure and update committed before it started; false when it could not run. */
  private async rewrite(): Promise<boolean> {
    try {
      await this.run('rewriting the profiles table', (db) => profiles.rewriteProfiles(db, this.eraseLockTimeoutMs));
      this.retryDelay = RETRY_FIRST_MS;
      return true;
    } catch {
      this.scheduleRetry();
      return false;
    }
  }

  private scheduleRetry(): void {
    if (this.retry !== undefined || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_LONGEST_MS);
      void this.rewriter.run();
    }, this.retryDelay);
    this.retry.unref();
  }

  async getImportSource(kind: string, path: string): Promise<ImportSourceRecord | undefined> {
    return this.run(`reading the import record of ${kind}:${path}`, (db) => importSources.getImportSource(db, kind, path));
  }

  async recordImportSource(record: ImportSourceRecord): Promise<void> {
    return this.run(`recording the import of ${record.kind}:${record.path}`, (db) => importSources.recordImportSource(db, record, this.now()));
  }

  /**
   * A session advisory lock, held on a connection of its own while `work` runs on others. Asked
   * for with pg_try_advisory_lock every 200 ms rather than waited on, so statement_timeout does not
   * cut the wait short; the server releases it if this process dies.
   */
  async exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const client = await this.connect(`taking the lock "${name}"`);
    const key = `${this.settings.schema}:bridgework:${name}`;
    try {
      const deadline = Date.now() + LOCK_WAIT_MS;
      for (;;) {
        const { rows } = await client
          .query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [key])
          .catch((error: unknown) => Promise.reject(this.failure(error, `taking the lock "${name}"`)));
        if (rows[0]!.locked) break;
        if (Date.now() > deadline) throw this.failure(new Error(`another instance held it for over ${LOCK_WAIT_MS / 60_000} minutes`), `taking the lock "${name}"`);
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.relisten);
    clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = undefined;
    this.listening = false;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private async readTransaction<T>(db: Queryable, work: () => Promise<T>): Promise<T> {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const result = await work();
      await db.query('COMMIT');
      return result;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async connect(doing: string): Promise<pg.PoolClient> {
    if (this.closed) throw this.failure(new Error('the store is closed'), doing);
    try {
      const client = await this.pool.connect();
      // A checked-out connection that breaks emits 'error' with no pool listener attached: the
      // query in flight fails with it already, and the pool drops the connection on release.
      if (!guarded.has(client)) {
        guarded.add(client);
        client.on('error', () => undefined);
      }
      return client;
    } catch (error) {
      throw this.failure(error, doing);
    }
  }

  private async withClient<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect('connecting');
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  private async run<T>(doing: string, work: (db: Queryable) => Promise<T>): Promise<T> {
    try {
      const client = await this.connect(doing);
      try {
        return await work(client);
      } finally {
        client.release();
      }
    } catch (error) {
      throw this.failure(error, doing);
    }
  }

  private failure(error: unknown, doing: string) {
    return postgresFailure(error, doing, this.settings.statementTimeoutMs);
  }
}
