// Imports a request asks for run as jobs: POST answers at once with the job, the work runs in a
// child process (import-process.ts) one job at a time per process, and the job's state (queued,
// running with its progress, succeeded with the report, failed with the problem) is saved in the
// store, so that any process on the database answers GET /v1/imports/:id. The process running a
// job answers with its live state: on SQLite the import holds the write lock while it saves, so
// its progress reaches the store only between phases, and other processes see it with that lag.
// A job whose process died shows as failed once it has not been heard of for STALE_MS.
import { randomUUID } from 'node:crypto';
import { BridgeworkError, type ErrorDetail } from '@bridgework/core';
import type { BridgeworkStore, ImportJobRecord } from '@bridgework/store';
import type { ImportReport, ImportRequest } from './framework-sources.ts';
import type { ImportProgressMessage } from './import-child.ts';
import { publicImportError } from './import-error.ts';

export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJob {
  id: string;
  status: ImportJobStatus;
  request: ImportRequest;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Where a running job is: copying the source, reading a file (done of total bytes or rows), saving records. */
  progress?: { phase: 'queued' | 'copying' | 'reading' | 'saving' | 'done'; file?: string; done: number; total?: number };
  /** A succeeded job's report. */
  result?: ImportReport;
  /** A failed job's problem: its code, message and details, without the files' content. */
  error?: { code: string; message: string; details: ErrorDetail[] };
}

/** Runs one import somewhere (a child process, or this process for an in-memory store). */
export type ImportRunner = (request: ImportRequest, onProgress: (progress: ImportProgressMessage) => void) => Promise<ImportReport>;

/** A running job saves its progress at most this often... */
const SAVE_EVERY_MS = 500;
/** ...and at least this often, so other processes can tell it is alive. */
const HEARTBEAT_MS = 5_000;
/** A queued or running job not saved for this long belongs to a process that is gone. */
export const STALE_MS = 30_000;

export class ImportJobs {
  private readonly queue: (() => Promise<void>)[] = [];
  private running = false;
  /** Jobs this process runs, in their latest state (which the store may not have yet). */
  private readonly own = new Map<string, ImportJob>();

  constructor(
    private readonly store: BridgeworkStore,
    private readonly runner: ImportRunner,
    /** Called with each job that succeeded (the service drops the compiled index it replaced). */
    private readonly onImported: (report: ImportReport) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Saves a queued job and starts it when this process's earlier jobs are done. */
  async start(request: ImportRequest): Promise<ImportJob> {
    const id = randomUUID();
    const created = this.now().toISOString();
    let job: ImportJob = { id, status: 'queued', request, createdAt: created, updatedAt: created, progress: { phase: 'queued', done: 0 } };
    job = await this.save(job);
    this.own.set(id, job);
    this.queue.push(() => this.run(job));
    void this.drain();
    return job;
  }

  /** The job as the store has it; a job whose process stopped answering shows as failed. */
  async get(id: string): Promise<ImportJob | undefined> {
    const live = this.own.get(id);
    if (live) return live;
    const record = await this.store.getImportJob(id);
    return record && this.view(record);
  }

  async list(limit: number): Promise<ImportJob[]> {
    return (await this.store.listImportJobs(limit)).map((r) => this.own.get(r.id) ?? this.view(r));
  }

  /** Resolves when this process has no job queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private view(record: ImportJobRecord): ImportJob {
    const job = { ...(record.job as unknown as ImportJob), id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt };
    const unfinished = job.status === 'queued' || job.status === 'running';
    if (unfinished && !this.own.has(job.id) && Date.parse(record.updatedAt) < this.now().getTime() - STALE_MS) {
      return {
        ...job,
        status: 'failed',
        error: { code: 'import.failed', message: `the process running this import stopped answering ${Math.round(STALE_MS / 1000)} s ago; nothing was stored unless the version is listed`, details: [] },
      };
    }
    return job;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) await next();
    } finally {
      this.running = false;
    }
  }

  private async run(queued: ImportJob): Promise<void> {
    let job: ImportJob = { ...queued, status: 'running', startedAt: this.now().toISOString(), progress: { phase: 'copying', done: 0 } };
    let lastSave = 0;
    let saving: Promise<unknown> = Promise.resolve();
    // Saves are serialized, and the latest state wins: a slow save (the store's write lock held
    // by the import itself) never overwrites a later one.
    const persist = () => {
      lastSave = performance.now();
      const snapshot = job;
      this.own.set(job.id, { ...job, updatedAt: this.now().toISOString() });
      saving = saving.then(() => this.save(snapshot).catch(() => undefined));
      return saving;
    };
    await persist();
    const heartbeat = setInterval(() => void persist(), HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const report = await this.runner(job.request, (p) => {
        const phaseChanged = job.progress?.phase !== p.phase;
        job = { ...job, progress: { phase: p.phase, ...(p.file !== undefined ? { file: p.file } : {}), done: p.done, ...(p.total !== undefined ? { total: p.total } : {}) } };
        this.own.set(job.id, { ...job, updatedAt: this.now().toISOString() });
        if (phaseChanged || performance.now() - lastSave >= SAVE_EVERY_MS) void persist();
      });
      this.onImported(report);
      job = { ...job, status: 'succeeded', finishedAt: this.now().toISOString(), progress: { phase: 'done', done: 1, total: 1 }, result: report };
    } catch (error) {
      const failure = error instanceof BridgeworkError ? { code: error.code, message: error.message, details: error.details } : publicImportError(error, { original: job.request.path });
      job = { ...job, status: 'failed', finishedAt: this.now().toISOString(), error: failure };
      delete job.progress;
    } finally {
      clearInterval(heartbeat);
    }
    this.own.set(job.id, { ...job, updatedAt: this.now().toISOString() });
    // The final state must reach the store, or the job would look stale later: tried until it does.
    for (let attempt = 0; ; attempt++) {
      await saving;
      try {
        await this.save(job);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    this.own.delete(job.id);
  }

  private async save(job: ImportJob): Promise<ImportJob> {
    const { id, createdAt: _c, updatedAt: _u, ...state } = job;
    const record = await this.store.saveImportJob(id, state as unknown as Record<string, unknown>);
    return this.view(record);
  }
}
