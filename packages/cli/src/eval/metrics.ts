// Ranking-quality arithmetic: precision@k, recall@k, and the summary figures we print.

export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++;
  return hits / k;
}

export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++;
  return hits / relevant.size;
}

export interface Summary {
  mean: number;
  q1: number;
  median: number;
  q3: number;
  n: number;
}

/** Mean and quartiles (linear interpolation between closest ranks). */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const q = (p: number) => {
    if (n === 0) return Number.NaN;
    const pos = (n - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  };
  const mean = n === 0 ? Number.NaN : sorted.reduce((a, b) => a + b, 0) / n;
  return { mean, q1: q(0.25), median: q(0.5), q3: q(0.75), n };
}

export interface Figure {
  name: string;
  value: number;
  n?: number;
  unit?: string;
}

export function summaryFigures(prefix: string, values: readonly number[]): Figure[] {
  const s = summarize(values);
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return [
    { name: prefix, value: r(s.mean), n: s.n },
    { name: `${prefix}.q1`, value: r(s.q1), n: s.n },
    { name: `${prefix}.median`, value: r(s.median), n: s.n },
    { name: `${prefix}.q3`, value: r(s.q3), n: s.n },
  ];
}
