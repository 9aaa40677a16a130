// The service the HTTP handlers and the CLI share, so both give the same answers: it owns the
// store, resolves which framework version a request means, keeps compiled indexes, imports
// sources (the default framework on first use) and runs the scoring core.
import {
  BridgeworkError,
  cohortGaps,
  compare,
  matrix,
  pathways,
  rank,
  whatIf,
  type BridgingProgram,
  type CohortGaps,
  type CohortOptionsInput,
  type Comparison,
  type Matrix,
  type PathwayOptionsInput,
  type Pathways,
  type Profile,
  type ProfileInput,
  type Ranking,
  type RankOptionsInput,
  type WhatIf,
} from '@bridgework/core';
import { createHash, randomBytes } from 'node:crypto';
import type {
  ApiKeyRecord,
  AuditPage,
  AuditQuery,
  KeyRole,
  Organization,
  OrganizationInput,
  ProfileScope,
  BridgeworkStore,
  FrameworkVersions,
  ListProfilesOptions,
  ProfileLabel,
  ProfilePage,
  ProfilePatch,
  StoredProfile,
} from '@bridgework/store';
import { BUNDLED_DEFAULT_FRAMEWORK, type DefaultFramework, type FrameworkSource } from './settings.ts';
import type { CompetencySummary, OccupationDetail, OccupationSummary, Page, PageQuery } from './catalogue.ts';
import { importSource, type Confinement, type ImportHooks, type ImportReport, type ImportRequest } from './framework-sources.ts';
import { ImportJobs, type ImportRunner } from './import-jobs.ts';
import { IndexCache, type CompiledFramework } from './index-cache.ts';

/** How long a stored key found (or not found) is remembered. */
export const KEY_CACHE_MS = 2000;

/** SHA-256 of a key's secret, hex: what the store keeps. */
export const keyDigest = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** The store lock held while start-up sources (the default framework first) are imported. */
const STARTUP_IMPORTS = 'startup-imports';

export interface ServiceOptions {
  store: BridgeworkStore;
  /** The framework used when none is named; the bundled fqr-canada when omitted. */
  defaultFramework?: DefaultFramework;
  /** Sources imported by ensureFrameworks() unless their (id, version) is stored. */
  imports?: readonly FrameworkSource[];
  /** Folders importFramework() and import jobs may read from; any path when omitted. */
  importRoots?: readonly string[];
  /** Files an import never reads, whatever the roots: the server's own database files. */
  importExclude?: readonly string[];
  /**
   * Runs the imports of jobs (POST /v1/frameworks/import): in a child process in the server
   * (import-process.ts), so the event loop never waits for one. In this process when omitted.
   */
  importRunner?: ImportRunner;
  /** Compiled framework versions kept in memory. Default 4. */
  cacheSize?: number;
}

/** Which framework version a request means: the default framework and its latest version unless named. */
export interface FrameworkRef {
  id?: string;
  version?: string;
}

/** A person to score: given inline, or a counsellor's stored profile. */
/** A person to score: given inline, or an organization's stored profile (read as `use`, audited). */
export type ProfileSubject = { profile: Profile } | { profileId: string; scope: ProfileScope };
export type CohortSubject = { profiles: readonly Profile[] } | { profileIds: readonly string[]; scope: ProfileScope };

export interface StartupReport {
  imported: ImportReport[];
  /** Sources whose (id, version) was already stored. */
  skipped: ImportReport[];
  /** Sources that could not be imported; the service runs without them. */
  failed: { source: FrameworkSource; error: BridgeworkError | Error }[];
}

export interface Readiness {
  ready: boolean;
  /** store: it answers reads; writable: it takes writes (a read-only file or server does not). */
  checks: { store: 'ok' | 'failed'; writable: 'ok' | 'failed'; defaultFramework: 'ok' | 'missing' | 'failed' };
  defaultFramework: { id: string; version?: string };
  detail?: string;
}

export class BridgeworkService {
  readonly store: BridgeworkStore;
  readonly defaultFramework: DefaultFramework;
  private readonly imports: readonly FrameworkSource[];
  private readonly importRoots: readonly string[] | undefined;
  private readonly importExclude: readonly string[];
  private readonly cache: IndexCache;
  /** Imports requested over HTTP: run elsewhere, watched through their jobs. */
  readonly importJobs: ImportJobs;
  private defaultImport?: Promise<ImportReport | undefined>;
  /** Why the default framework could not be imported; not retried on every request. */
  private defaultImportError?: Error;

  constructor(options: ServiceOptions) {
    this.store = options.store;
    this.defaultFramework = options.defaultFramework ?? BUNDLED_DEFAULT_FRAMEWORK;
    this.imports = options.imports ?? [];
    this.importRoots = options.importRoots;
    this.importExclude = options.importExclude ?? [];
    this.cache = new IndexCache((id, version) => this.store.loadFramework(id, version), options.cacheSize);
    const inProcess: ImportRunner = (request, onProgress) =>
      importSource(
        this.store,
        request,
        {
          onRead: (p) => onProgress({ type: 'progress', phase: 'reading', file: p.phase, done: p.done, ...(p.total !== undefined ? { total: p.total } : {}) }),
          onSave: (done, total) => onProgress({ type: 'progress', phase: 'saving', done, total }),
        },
        this.confinement(),
      );
    this.importJobs = new ImportJobs(this.store, options.importRunner ?? inProcess, (report) => this.cache.evict(report.framework.id, report.framework.version));
  }

  /** Where imports a request asks for may read; undefined when any path is allowed. */
  confinement(): Confinement | undefined {
    return this.importRoots === undefined ? undefined : { roots: this.importRoots, exclude: this.importExclude };
  }

  // ---- frameworks ----

  /**
   * Start-up: imports the default framework when the store has none of it, then every configured
   * source whose (id, version) is not stored yet (learnt by reading the source, unless its files
   * are unchanged since it was last imported: see importSource). Failures are reported, not
   * thrown: the server still starts and /readyz says what is missing.
   */
  async ensureFrameworks(hooks: Pick<ImportHooks, 'onRead' | 'onSave'> = {}): Promise<StartupReport> {
    // Several instances starting at once on one database: the first imports, the others wait and
    // then find the versions stored (and the sources unchanged), so nothing is imported twice.
    return this.store.exclusive(STARTUP_IMPORTS, () => this.importStartupSources(hooks));
  }

  private async importStartupSources(hooks: Pick<ImportHooks, 'onRead' | 'onSave'>): Promise<StartupReport> {
    const report: StartupReport = { imported: [], skipped: [], failed: [] };
    try {
      const imported = await this.importDefaultFramework(hooks);
      // Skipped when another process on the same database stored it first (its save won).
      if (imported) (imported.skipped ? report.skipped : report.imported).push(imported);
    } catch (error) {
      this.defaultImportError = asError(error);
      report.failed.push({ source: this.defaultFramework.source!, error: this.defaultImportError });
    }
    for (const source of this.imports) {
      try {
        const result = await this.importFramework(source, { ...hooks, skipExisting: true }, { anyPath: true });
        (result.skipped ? report.skipped : report.imported).push(result);
      } catch (error) {
        report.failed.push({ source, error: asError(error) });
      }
    }
    return report;
  }

  /** Imports the default framework when no version of it is stored; undefined when nothing was done. */
  async ensureDefaultFramework(hooks: Pick<ImportHooks, 'onRead' | 'onSave'> = {}): Promise<ImportReport | undefined> {
    const { id, source } = this.defaultFramework;
    if (!source || (await this.store.getFramework(id))) return undefined;
    // Concurrent first requests share one import; other instances wait on the store's lock.
    this.defaultImport ??= this.store.exclusive(STARTUP_IMPORTS, () => this.importDefaultFramework(hooks)).finally(() => {
      this.defaultImport = undefined;
    });
    return this.defaultImport;
  }

  /** Under the start-up lock: checked again, since another instance may have imported meanwhile. */
  private async importDefaultFramework(hooks: Pick<ImportHooks, 'onRead' | 'onSave'>): Promise<ImportReport | undefined> {
    const { id, source } = this.defaultFramework;
    if (!source || (await this.store.getFramework(id))) return undefined;
    return this.importFramework({ ...source, id }, { ...hooks, skipExisting: true }, { anyPath: true });
  }

  /** Every stored framework with its versions, newest import first. */
  async listFrameworks(): Promise<FrameworkVersions[]> {
    const grouped = new Map<string, FrameworkVersions>();
    for (const summary of await this.store.listFrameworks()) {
      const entry = grouped.get(summary.id);
      if (entry) entry.versions.push(summary);
      else grouped.set(summary.id, { id: summary.id, versions: [summary] });
    }
    return [...grouped.values()];
  }

  async getFramework(id: string): Promise<FrameworkVersions> {
    const framework = await this.store.getFramework(id);
    if (!framework) throw frameworkNotFound(id);
    return framework;
  }

  /**
   * Reads a source and stores it in one transaction; the compiled index of a replaced version is
   * dropped. Paths must lie under the configured import roots unless `anyPath` (start-up sources
   * come from the operator, not from a request).
   */
  async importFramework(request: ImportRequest, hooks: ImportHooks = {}, access: { anyPath?: boolean } = {}): Promise<ImportReport> {
    const report = await importSource(this.store, request, hooks, access.anyPath ? undefined : this.confinement());
    this.cache.evict(report.framework.id, report.framework.version);
    return report;
  }

  async deleteFrameworkVersion(id: string, version: string): Promise<void> {
    const deleted = await this.store.deleteFrameworkVersion(id, version);
    this.cache.evict(id, version);
    if (!deleted) throw versionNotFound(id, version);
  }

  /** The compiled index and catalogue of the version `ref` means, compiled on first use. */
  async compiled(ref: FrameworkRef = {}): Promise<CompiledFramework> {
    const id = ref.id ?? this.defaultFramework.id;
    let stored = await this.store.getFramework(id);
    if (!stored && id === this.defaultFramework.id && this.defaultFramework.source && !this.defaultImportError) {
      try {
        await this.ensureDefaultFramework();
      } catch (error) {
        this.defaultImportError = asError(error);
      }
      stored = await this.store.getFramework(id);
    }
    if (!stored) {
      const why = id === this.defaultFramework.id ? this.defaultImportError : undefined;
      throw why ? frameworkNotFound(id, `importing it from ${this.defaultFramework.source!.path} failed: ${why.message.split('\n')[0]}`) : frameworkNotFound(id);
    }
    // Resolved through the store on every call (one indexed read), so versions imported or
    // deleted by another process (the CLI beside a running server) are seen at once.
    // Versions deleted or replaced elsewhere leave the cache here too.
    this.cache.retain(id, stored.versions);
    const version = ref.version ?? stored.versions[0]!.version;
    const summary = stored.versions.find((v) => v.version === version);
    if (!summary) throw versionNotFound(id, version);
    return this.cache.get(id, version, summary.importedAt);
  }

  // ---- browsing ----

  async occupations(ref: FrameworkRef, query: PageQuery): Promise<Page<OccupationSummary>> {
    return (await this.compiled(ref)).catalogue.occupations(query);
  }

  async occupation(ref: FrameworkRef, reference: string): Promise<OccupationDetail> {
    return (await this.compiled(ref)).catalogue.occupation(reference);
  }

  async competencies(ref: FrameworkRef, query: PageQuery): Promise<Page<CompetencySummary>> {
    return (await this.compiled(ref)).catalogue.competencies(query);
  }

  // ---- analyses ----

  async rank(ref: FrameworkRef, subject: ProfileSubject, options: RankOptionsInput = {}): Promise<Ranking> {
    const profile = await this.profileOf(subject);
    const { index } = await this.compiled(withProfileFramework(ref, profile));
    return rank(index, profile, options);
  }

  async compare(ref: FrameworkRef, a: string, b: string): Promise<Comparison> {
    return compare((await this.compiled(ref)).index, a, b);
  }

  async matrix(ref: FrameworkRef, occupations: readonly string[]): Promise<Matrix> {
    return matrix((await this.compiled(ref)).index, occupations);
  }

  async cohortGaps(ref: FrameworkRef, target: string, cohort: CohortSubject, options: CohortOptionsInput = {}): Promise<CohortGaps> {
    const profiles = 'profiles' in cohort ? cohort.profiles : await Promise.all(cohort.profileIds.map((id) => this.profileOf({ profileId: id, scope: cohort.scope })));
    return cohortGaps((await this.compiled(ref)).index, profiles, target, options);
  }

  async whatIf(ref: FrameworkRef, subject: ProfileSubject, program: BridgingProgram, options: RankOptionsInput = {}): Promise<WhatIf> {
    const profile = await this.profileOf(subject);
    const { index } = await this.compiled(withProfileFramework(ref, profile));
    return whatIf(index, profile, program, options);
  }

  async pathways(ref: FrameworkRef, subject: ProfileSubject, target: string, options: PathwayOptionsInput = {}): Promise<Pathways> {
    const profile = await this.profileOf(subject);
    const { index } = await this.compiled(withProfileFramework(ref, profile));
    return pathways(index, profile, target, options);
  }

  // ---- profiles (personal data: stored only when a counsellor asks; one organization's each) ----

  createProfile(scope: ProfileScope, profile: ProfileInput, meta: ProfileLabel = {}): Promise<StoredProfile> {
    return this.store.createProfile(scope, profile, meta);
  }

  /** The organization's profile; `profile.not_found` for another organization's, as for one that is not there. */
  async getProfile(scope: ProfileScope, id: string, action: 'read' | 'use' = 'read'): Promise<StoredProfile> {
    const stored = await this.store.getProfile(scope, id, action);
    if (!stored) throw profileNotFound(id);
    return stored;
  }

  listProfiles(scope: ProfileScope, options: ListProfilesOptions = {}): Promise<ProfilePage> {
    return this.store.listProfiles(scope, options);
  }

  updateProfile(scope: ProfileScope, id: string, patch: ProfilePatch, meta: { label?: string | null } = {}): Promise<StoredProfile> {
    return this.store.updateProfile(scope, id, patch, meta);
  }

  async deleteProfile(scope: ProfileScope, id: string): Promise<void> {
    if (!(await this.store.deleteProfile(scope, id))) throw profileNotFound(id);
  }

  // ---- organizations, keys and the audit log (admin) ----

  createOrganization(input: OrganizationInput): Promise<Organization> {
    return this.store.createOrganization(input);
  }

  /** Creates the organization when missing (the organizations of BRIDGEWORK_API_KEYS, at start). */
  ensureOrganization(input: OrganizationInput): Promise<Organization> {
    return this.store.ensureOrganization(input);
  }

  listOrganizations(): Promise<Organization[]> {
    return this.store.listOrganizations();
  }

  async getOrganization(id: string): Promise<Organization> {
    const org = await this.store.getOrganization(id);
    if (!org) throw new BridgeworkError('organization.not_found', `no organization "${id}"`);
    return org;
  }

  updateOrganization(id: string, patch: { name?: string; profileQuota?: number }): Promise<Organization> {
    return this.store.updateOrganization(id, patch);
  }

  /**
   * A new key: its secret is returned once and never stored (only its SHA-256 is). A counsellor
   * key needs an organization; an admin key may have one (then it may use that organization's
   * profiles too).
   */
  async createApiKey(input: { role: KeyRole; organization?: string; label?: string }): Promise<{ key: ApiKeyRecord; secret: string }> {
    if (input.role === 'counsellor' && input.organization === undefined) {
      throw new BridgeworkError('request.invalid', 'a counsellor key belongs to an organization: give "organization"', [{ where: 'organization', message: 'required for a counsellor key' }]);
    }
    const secret = `bwk_${randomBytes(24).toString('base64url')}`;
    const key = await this.store.createApiKey({ ...input, digest: keyDigest(secret) });
    return { key, secret };
  }

  listApiKeys(organization?: string): Promise<ApiKeyRecord[]> {
    return this.store.listApiKeys(organization);
  }

  async revokeApiKey(id: string): Promise<void> {
    if (!(await this.store.revokeApiKey(id))) throw new BridgeworkError('key.not_found', `no active key "${id}"`);
    for (const [digest, cached] of this.keyCache) if (cached.key?.id === id) this.keyCache.delete(digest);
  }

  /**
   * The active stored key whose secret this is, or undefined. Remembered for KEY_CACHE_MS, so a
   * key revoked through another process stops working within that time (through this one, at once).
   */
  async authenticate(secret: string): Promise<ApiKeyRecord | undefined> {
    const digest = keyDigest(secret);
    const cached = this.keyCache.get(digest);
    if (cached && cached.until > performance.now()) return cached.key;
    const key = await this.store.findApiKey(digest);
    if (this.keyCache.size >= 10_000) this.keyCache.clear();
    this.keyCache.set(digest, { key, until: performance.now() + KEY_CACHE_MS });
    return key;
  }

  private readonly keyCache = new Map<string, { key: ApiKeyRecord | undefined; until: number }>();

  listAudit(query: AuditQuery = {}): Promise<AuditPage> {
    return this.store.listAudit(query);
  }

  // ---- health ----

  /**
   * Ready when the store answers, takes writes (a database opened read-only answers reads but
   * fails every write, erasure included) and the default framework is stored and compiled.
   */
  async readiness(): Promise<Readiness> {
    const id = this.defaultFramework.id;
    try {
      // A real round trip: getFramework may answer from a cache while the database is gone.
      await this.store.listFrameworks();
    } catch (error) {
      return { ready: false, checks: { store: 'failed', writable: 'failed', defaultFramework: 'failed' }, defaultFramework: { id }, detail: asError(error).message };
    }
    let writable: 'ok' | 'failed' = 'ok';
    let detail: string | undefined;
    try {
      await this.store.checkWritable();
    } catch (error) {
      writable = 'failed';
      detail = asError(error).message;
    }
    try {
      const { index } = await this.compiled({ id });
      const version = index.data.framework.version;
      return {
        ready: writable === 'ok',
        checks: { store: 'ok', writable, defaultFramework: 'ok' },
        defaultFramework: { id, version },
        ...(detail !== undefined ? { detail } : {}),
      };
    } catch (error) {
      const missing = error instanceof BridgeworkError && error.code === 'framework.not_found';
      return {
        ready: false,
        checks: { store: 'ok', writable, defaultFramework: missing ? 'missing' : 'failed' },
        defaultFramework: { id },
        detail: detail ?? asError(error).message,
      };
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async profileOf(subject: ProfileSubject): Promise<Profile> {
    return 'profile' in subject ? subject.profile : (await this.getProfile(subject.scope, subject.profileId, 'use')).profile;
  }
}

/** A stored profile names its framework; a request that names none scores it there. */
function withProfileFramework(ref: FrameworkRef, profile: Profile): FrameworkRef {
  return ref.id === undefined && profile.framework !== undefined ? { ...ref, id: profile.framework } : ref;
}

function frameworkNotFound(id: string, why?: string): BridgeworkError {
  return new BridgeworkError(
    'framework.not_found',
    why ? `no framework "${id}" is stored: ${why}` : `no framework "${id}" is stored (GET /v1/frameworks or "bridgework frameworks" lists them)`,
  );
}

function versionNotFound(id: string, version: string): BridgeworkError {
  return new BridgeworkError('framework.version_not_found', `framework "${id}" has no version "${version}"`);
}

function profileNotFound(id: string): BridgeworkError {
  return new BridgeworkError('profile.not_found', `no profile "${id}" is stored`);
}

function asError(error: unknown): BridgeworkError | Error {
  return error instanceof Error ? error : new Error(String(error));
}
