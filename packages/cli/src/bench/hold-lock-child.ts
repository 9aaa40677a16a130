// Child process of the stall bench: takes the SQLite database's write lock (BEGIN IMMEDIATE), as
// a CLI import or a backup holds it, prints "holding", keeps it for argv[3] ms, then lets go.
import { writeSync } from 'node:fs';
import Database from 'better-sqlite3';

const [path, holdMs] = process.argv.slice(2);
if (path === undefined || holdMs === undefined) throw new Error('usage: hold-lock-child.ts <db> <ms>');
const db = new Database(path, { timeout: 10_000 });
db.exec('BEGIN IMMEDIATE');
writeSync(1, 'holding\n');
setTimeout(() => {
  db.exec('ROLLBACK');
  db.close();
}, Number(holdMs));
