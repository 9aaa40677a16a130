// Collects occupation pairs for one crosswalk file: each pair once (published crosswalks repeat a
// pair when the target's title changed between releases), the highest confidence kept.
import type { Crosswalk } from '@bridgework/core';

export class CrosswalkPairs {
  private readonly pairs = new Map<string, Crosswalk>();
  private repeated = 0;
  private firstRepeat: { line: number; from: string; to: string } | undefined;

  constructor(
    private readonly file: string,
    private readonly frameworks: { fromFramework: string; toFramework: string; source: string },
  ) {}

  add(fromOccupation: string, toOccupation: string, confidence: number, line: number): void {
    const key = `${fromOccupation}\u0000${toOccupation}`;
    const known = this.pairs.get(key);
    if (known) {
      this.repeated++;
      this.firstRepeat ??= { line, from: fromOccupation, to: toOccupation };
      known.confidence = Math.max(known.confidence, confidence);
      return;
    }
    const { fromFramework, toFramework, source } = this.frameworks;
    this.pairs.set(key, { fromFramework, fromOccupation, toFramework, toOccupation, confidence, source });
  }

  crosswalks(): Crosswalk[] {
    return [...this.pairs.values()];
  }

  warnings(): string[] {
    if (!this.firstRepeat) return [];
    const { line, from, to } = this.firstRepeat;
    return [`${this.file}: merged ${this.repeated} repeated pair${this.repeated === 1 ? '' : 's'}, keeping the highest confidence (first at line ${line}: ${from} -> ${to})`];
  }
}
