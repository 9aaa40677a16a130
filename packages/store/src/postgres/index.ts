// @bridgework/store/postgres: the PostgreSQL driver (node-postgres `pg`, an optional peer
// dependency of @bridgework/store: install it beside the store to use this driver).
export { openPostgresStore } from './open-postgres-store.ts';
export type { PostgresStoreOptions } from './connection-settings.ts';
