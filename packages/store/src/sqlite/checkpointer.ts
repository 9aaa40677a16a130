// Checkpoints of a SQLite database off the event loop. The store's own connection never
// checkpoints (wal_autocheckpoint = 0): a checkpoint copies the whole log into the database file
// synchronously, and after another process's import that is tens of megabytes (it stalled
// /healthz for 190 ms). A worker thread with a connection of its own does it instead
// (checkpoint-worker.mjs): PASSIVE ones when the log passes a few megabytes, TRUNCATE ones when an
// erasure must leave no copy in the log, waiting for readers there, not here.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./checkpoint-worker.mjs', import.meta.url));
const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

export interface CheckpointResult {
  /** 1 when the checkpoint could not finish (a reader or a writer was in the way). */
  busy: number;
  /** Frames in the log, and frames copied into the database file. */
  log: number;
  checkpointed: number;
}

export class Checkpointer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
  private next = 0;
  private closed = false;

  constructor(
    path: string,
    /** The -wal file. */
    readonly walPath: string,
  ) {
    this.worker = new Worker(WORKER, { workerData: { path, driver: DRIVER } });
    this.worker.unref();
    this.worker.on('message', ({ id, result, error, closed }: { id: number; result?: CheckpointResult; error?: { code?: string; message: string }; closed?: true }) => {
      if (closed) return this.onClosed?.();
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      // Unreferenced again when nothing is asked of it, unless it is being closed (and awaited).
      if (this.waiting.size === 0 && !this.closed) this.worker.unref();
      if (!waiter) return;
      if (error) waiter.reject(Object.assign(new Error(error.message), { code: error.code }));
      else waiter.resolve(result!);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('the checkpoint thread stopped')));
  }

  /** One checkpoint in the worker, waiting up to `waitMs` there for readers and writers in the way. */
  checkpoint(mode: 'PASSIVE' | 'TRUNCATE', waitMs: number): Promise<CheckpointResult> {
    if (this.closed) return Promise.reject(new Error('the checkpoint thread is closed'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Held while a checkpoint is asked for, so a short-lived process waits for it.
      this.worker.ref();
      this.worker.postMessage({ id, mode, waitMs });
    });
  }

  /** True when the log is empty: every frame is in the database file and `-wal` has no byte. */
  async truncate(waitMs: number): Promise<boolean> {
    const result = await this.checkpoint('TRUNCATE', waitMs);
    return result.busy === 0 && result.log === 0 && walSize(this.walPath) === 0;
  }

  /**
   * Closes the worker's connection (it says when), then ends the thread. terminate() is awaited
   * rather than the thread left to end by itself: a worker whose port closes first no longer
   * keeps the process alive, and a short-lived process (the CLI) would exit before it.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.worker.ref();
    await new Promise<void>((resolve) => {
      this.onClosed = resolve;
      this.worker.postMessage({ close: true });
    });
    await this.worker.terminate();
  }

  private onClosed: (() => void) | undefined;

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

export function walSize(walPath: string): number {
  try {
    return statSync(walPath).size;
  } catch {
    return 0; // no -wal file: nothing in it
  }
}
