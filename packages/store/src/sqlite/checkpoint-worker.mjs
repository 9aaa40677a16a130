// The thread that checkpoints a SQLite database for the store (checkpointer.ts), on a connection
// of its own: copying the write-ahead log into the database file and truncating it takes as long
// as the log is big (a 40 MB import: a few hundred milliseconds), and waiting for a reader that
// holds an old snapshot takes as long as the reader does; here neither stops Node's event loop.
// Plain JavaScript, so that it loads without the TypeScript loader whatever started the process.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const Database = createRequire(import.meta.url)(workerData.driver);
const db = new Database(workerData.path, { timeout: 0 });

parentPort.on('message', ({ id, mode, waitMs, close }) => {
  if (close) {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  try {
    // SQLite's own busy wait: it blocks this thread only.
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(waitMs))}`);
    const [result] = db.pragma(`wal_checkpoint(${mode === 'TRUNCATE' ? 'TRUNCATE' : 'PASSIVE'})`);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: { code: error.code, message: error.message } });
  }
});

