// @bridgework/store: persistence behind one narrow interface. Framework versions (immutable,
// all-or-nothing imports) and counsellors' profiles. This entry holds the interface, openStore and
// the row mapping the drivers share; the drivers are their own entries, each loading its database
// library only when used: @bridgework/store/sqlite (better-sqlite3), @bridgework/store/postgres (pg).
export type { BridgeworkStore, ImportSourceRecord, SaveFrameworkOptions, ListProfilesOptions } from './store.ts';
export type { FrameworkCounts, FrameworkVersionSummary, FrameworkVersions } from './framework-summary.ts';
export { countRecords } from './framework-summary.ts';
export type { StoredProfile, ProfilePage, ProfilePatch, ProfileLabel } from './stored-profile.ts';
export { KEPT_IMPORT_JOBS, type ImportJobRecord } from './import-job.ts';
export {
  DEFAULT_ORGANIZATION,
  DEFAULT_PROFILE_QUOTA,
  type ApiKeyRecord,
  type AuditAction,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  type KeyRole,
  type NewApiKeyInput,
  type Organization,
  type OrganizationInput,
  type ProfileScope,
} from './organizations.ts';
export { openStore, type OpenStoreOptions } from './open-store.ts';
export { parseDatabaseUrl, redactDatabaseUrl, type DatabaseTarget } from './database-url.ts';
export { ErasurePendingError, StoreUnavailableError } from './store-failure.ts';
