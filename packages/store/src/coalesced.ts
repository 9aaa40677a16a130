// One run of some work for every caller that asked before it started. Erasure rewrites (VACUUM
// FULL on PostgreSQL, a WAL checkpoint on SQLite) remove every old copy at once, so callers that
// arrive while one runs share the next run instead of each starting their own: at most one runs
// and one waits, however many profiles are erased at once.
export class Coalesced<T> {
  private running: Promise<T> | undefined;
  private next: Promise<T> | undefined;

  constructor(private readonly work: () => Promise<T>) {}

  /** A run that starts after this call: the current one may have started before the caller's change. */
  run(): Promise<T> {
    if (this.running === undefined) return this.start();
    this.next ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<T> {
    const run = this.work().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
