// The plain baseline the issue names: cosine similarity over importance x level vectors.
import type { CompiledIndex } from '@bridgework/core';

/** Ranked occupation ids by cosine to occupation s, excluding s. O(requirements of s's postings + occupations log occupations). */
export function cosineRanking(index: CompiledIndex, s: number, top: number): string[] {
  const n = index.occupationCount;
  const norms = cosineNorms(index);
  const dot = new Float64Array(n);
  for (let k = index.reqStart[s]!; k < index.reqStart[s + 1]!; k++) {
    const c = index.reqCompetency[k]!;
    const a = index.reqImportance[k]! * index.reqLevel[k]!;
    for (let j = index.postStart[c]!; j < index.postStart[c + 1]!; j++) {
      const k2 = index.postRequirement[j]!;
      dot[index.reqOccupation[k2]!]! += a * index.reqImportance[k2]! * index.reqLevel[k2]!;
    }
  }
  const order: number[] = [];
  for (let o = 0; o < n; o++) if (o !== s && norms[o]! > 0) order.push(o);
  const score = (o: number) => dot[o]! / (norms[o]! * norms[s]!);
  order.sort((a, b) => score(b) - score(a) || (index.occupations[a]!.id < index.occupations[b]!.id ? -1 : 1));
  return order.slice(0, top).map((o) => index.occupations[o]!.id);
}

const normCache = new WeakMap<CompiledIndex, Float64Array>();

function cosineNorms(index: CompiledIndex): Float64Array {
  let norms = normCache.get(index);
  if (!norms) {
    norms = new Float64Array(index.occupationCount);
    for (let o = 0; o < index.occupationCount; o++) {
      let sum = 0;
      for (let k = index.reqStart[o]!; k < index.reqStart[o + 1]!; k++) {
        const v = index.reqImportance[k]! * index.reqLevel[k]!;
        sum += v * v;
      }
      norms[o] = Math.sqrt(sum);
    }
    normCache.set(index, norms);
  }
  return norms;
}
