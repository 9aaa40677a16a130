// @bridgework/store/sqlite: the SQLite driver (better-sqlite3, an optional peer dependency of
// @bridgework/store: install it beside the store to use this driver).
export { openSqliteStore, type SqliteStoreOptions } from './open-sqlite-store.ts';
