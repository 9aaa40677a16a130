// Brings a PostgreSQL schema to the current version: each migration not yet recorded in
// schema_migrations is applied in its own transaction, under a transaction-scoped advisory lock,
// so that N instances starting at once apply it once (the others wait, then find it recorded).
import { BridgeworkError } from '@bridgework/core';
import type { Migration } from '../migration.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Queryable } from './queryable.ts';

export async function applyMigrations(db: Queryable, now: () => Date, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new BridgeworkError('internal', `migration "${migration.name}" has version ${migration.version}, expected ${i + 1}`);
    }
  });
  const lock = `SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':bridgework:migrations', 0))`;
  await transaction(db, async () => {
    await db.query(lock);
    await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
  });

  const newest = (await db.query<{ newest: number | null }>('SELECT max(version) AS newest FROM schema_migrations')).rows[0]!.newest;
  const known = migrations.at(-1)?.version ?? 0;
  if (newest !== null && newest > known) {
    // Running old code on a newer schema could corrupt data it does not understand.
    throw new BridgeworkError('store.failed', `the database schema is at version ${newest} but this Bridgework knows only up to ${known}: upgrade Bridgework`);
  }

  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await transaction(db, async () => {
      await db.query(lock);
      const recorded = await db.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (recorded.rowCount !== 0) return false;
      await db.query(migration.sql);
      await db.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now().toISOString()]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** BEGIN, work, COMMIT; ROLLBACK when work throws (its error goes on). */
export async function transaction<T>(db: Queryable, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
