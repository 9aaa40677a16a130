// Ranking-quality arithmetic: precision@k, recall@k, the share of a set in the top k, summaries
// over sources, and the figure lines `pnpm eval` prints.

/** Hits in the first k of `ranked`, over k (a list shorter than k counts its missing places as misses). */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return hitsAt(ranked, relevant, k) / k;
}

/** Hits in the first k of `ranked`, over the number of relevant occupations (0 when there are none). */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return relevant.size === 0 ? 0 : hitsAt(ranked, relevant, k) / relevant.size;
}

export function hitsAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++;
  return hits;
}

/** 1-based rank of each relevant occupation in `ranked`; those not in it are left out. */
export function ranksOf(ranked: readonly string[], relevant: ReadonlySet<string>): number[] {
  const ranks: number[] = [];
  ranked.forEach((id, i) => {
    if (relevant.has(id)) ranks.push(i + 1);
  });
  return ranks;
}

export interface Summary {
  mean: number;
  q1: number;
  median: number;
  q3: number;
  n: number;
}

/** Mean and quartiles (linear interpolation between closest ranks); NaN for no values. */
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

export const round4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The figure for a mean over sources (or, with `central: 'median'`, the median), and with
 * `quartiles` also `<name>.q1`, `.median`, `.q3`. JSON has no NaN: an empty list prints null.
 */
export function summaryFigures(name: string, values: readonly number[], quartiles: boolean, central: 'mean' | 'median' = 'mean'): Figure[] {
  const s = summarize(values);
  const v = (x: number) => (Number.isNaN(x) ? (null as unknown as number) : round4(x));
  const figures: Figure[] = [{ name, value: v(central === 'mean' ? s.mean : s.median), n: s.n }];
  if (quartiles) {
    figures.push({ name: `${name}.q1`, value: v(s.q1), n: s.n });
    if (central === 'mean') figures.push({ name: `${name}.median`, value: v(s.median), n: s.n });
    figures.push({ name: `${name}.q3`, value: v(s.q3), n: s.n });
  }
  return figures;
}
