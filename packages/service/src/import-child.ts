// The child process an import runs in (import-process.ts starts it), so that reading a source
// and writing it to the store (seconds for ESCO, all of it synchronous parsing and inserting)
// never holds up the server's event loop, and a source that exhausts memory ends this process,
// not the server. It receives one task over IPC, reports progress at most every 100 ms, then the
// report or the error (without file contents), and exits. If the server goes away it stops: the
// save is one transaction, so nothing of it is kept.
import { openStore } from '@bridgework/store';
import { importSource, type ImportReport, type ImportRequest } from './framework-sources.ts';
import { publicImportError, type PublicImportError } from './import-error.ts';
import { stageSource } from './stage-source.ts';

export interface ImportTask {
  database: string;
  request: ImportRequest;
  roots?: readonly string[];
  exclude?: readonly string[];
  lockTimeoutMs?: number;
}

export interface ImportProgressMessage {
  type: 'progress';
  phase: 'copying' | 'reading' | 'saving';
  /** The file being read, for the reading phase. */
  file?: string;
  done: number;
  total?: number;
}

export type ImportChildMessage = ImportProgressMessage | { type: 'done'; report: ImportReport } | { type: 'failed'; error: PublicImportError };

const PROGRESS_EVERY_MS = 100;

const send = (message: ImportChildMessage) =>
  new Promise<void>((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, undefined, () => resolve());
  });

process.once('disconnect', () => process.exit(1));

process.once('message', (task: ImportTask) => {
  void run(task).finally(() => process.disconnect());
});

async function run(task: ImportTask): Promise<void> {
  let last = 0;
  const progress = (message: ImportProgressMessage, force = false) => {
    const now = performance.now();
    if (!force && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    void send(message);
  };
  let staged: Awaited<ReturnType<typeof stageSource>> | undefined;
  const store = await openStore(task.database, task.lockTimeoutMs !== undefined ? { lockTimeoutMs: task.lockTimeoutMs } : {}).catch((error: unknown) => error as Error);
  try {
    if (store instanceof Error) throw store;
    let path = task.request.path;
    if (task.roots !== undefined) {
      progress({ type: 'progress', phase: 'copying', done: 0 }, true);
      staged = await stageSource(task.request.path, task.roots, task.exclude ? { exclude: task.exclude } : {});
      path = staged.path;
      progress({ type: 'progress', phase: 'copying', done: staged.bytes, total: staged.bytes }, true);
    }
    const report = await importSource(store, { ...task.request, path }, {
      onRead: (p) => progress({ type: 'progress', phase: 'reading', file: p.phase, done: p.done, ...(p.total !== undefined ? { total: p.total } : {}) }),
      onSave: (done, total) => progress({ type: 'progress', phase: 'saving', done, total }, done === total),
    });
    const rename = (text: string) => (staged ? text.split(staged.path).join(task.request.path).split(staged.dir).join(task.request.path) : text);
    await send({ type: 'done', report: { ...report, warnings: report.warnings.map(rename) } });
  } catch (error) {
    await send({ type: 'failed', error: publicImportError(error, { ...(staged ? { staged: staged.path, stagedDir: staged.dir } : {}), original: task.request.path }) });
  } finally {
    if (!(store instanceof Error)) await store.close().catch(() => undefined);
    await staged?.cleanup();
  }
}
