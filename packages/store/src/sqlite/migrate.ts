// Brings a database to the current schema: applies each migration not yet recorded in
// schema_migrations, in version order, each inside its own write transaction.
import type { Database } from 'better-sqlite3';
import { BridgeworkError } from '@bridgework/core';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** Returns the versions applied by this call (empty when the schema was already current). */
export function applyMigrations(db: Database, now: () => Date, migrations: readonly Migration[] = MIGRATIONS): number[] {
  checkOrder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);

  const newest = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null;
  const known = migrations.at(-1)?.version ?? 0;
  if (newest !== null && newest > known) {
    // Running old code on a newer schema could corrupt data it does not understand.
    throw new BridgeworkError(
      'store.failed',
      `the database schema is at version ${newest} but this Bridgework knows only up to ${known}: upgrade Bridgework`,
    );
  }

  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    // Checked again inside the write lock: another process may be opening the same file.
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new BridgeworkError('internal', `migration "${migration.name}" has version ${migration.version}, expected ${i + 1}`);
    }
  });
}
