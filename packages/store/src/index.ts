// @bridgework/store: persistence behind one narrow interface. Framework versions (immutable,
// all-or-nothing imports) and counsellors' profiles; SQLite is the driver shipped today.
export type { BridgeworkStore, ImportSourceRecord, SaveFrameworkOptions, ListProfilesOptions } from './store.ts';
export type { FrameworkCounts, FrameworkVersionSummary, FrameworkVersions } from './framework-summary.ts';
export { countRecords } from './framework-summary.ts';
export type { StoredProfile, ProfilePage, ProfilePatch, ProfileLabel } from './stored-profile.ts';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/open-sqlite-store.ts';
