// Which files of a SQLite database hold some text, read by another process (grep). Reading them
// here would open and close the database file in the process that holds the store's locks, and
// POSIX drops all of a process's locks on a file when it closes any descriptor of it: another
// connection would then think it is the last, and delete the -wal file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The database file and its -wal and -shm files that contain `text`. */
export function filesHolding(path: string, text: string): string[] {
  const files = [path, `${path}-wal`, `${path}-shm`].filter((file) => existsSync(file));
  if (files.length === 0) return [];
  const result = spawnSync('grep', ['--files-with-matches', '--fixed-strings', '--binary-files=text', '--', text, ...files], { encoding: 'utf8' });
  if (result.status === 2) throw new Error(`grep failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line !== '');
}
