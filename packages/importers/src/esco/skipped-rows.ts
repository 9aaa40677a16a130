// Rows an importer leaves out on purpose (a relation to a concept the release dropped), counted
// per file and reason so that the summary says how many and where the first one is.

interface Skip {
  file: string;
  reason: string;
  count: number;
  line: number;
  value: string;
}

export class SkippedRows {
  private readonly skips = new Map<string, Skip>();

  add(file: string, reason: string, line: number, value: string): void {
    const key = `${file}\u0000${reason}`;
    const skip = this.skips.get(key);
    if (skip) skip.count++;
    else this.skips.set(key, { file, reason, count: 1, line, value });
  }

  count(file: string, reason: string): number {
    return this.skips.get(`${file}\u0000${reason}`)?.count ?? 0;
  }

  /** One warning per file and reason, in the order first met. */
  warnings(): string[] {
    return [...this.skips.values()].map(
      (s) => `${s.file}: skipped ${s.count} row${s.count === 1 ? '' : 's'}: ${s.reason} (first at line ${s.line}: ${s.value})`,
    );
  }
}
