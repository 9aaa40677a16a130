// Direct occupation-to-occupation arithmetic for comparisons and pathways: a dense scratch of
// one occupation's levels, against which another occupation's requirements are read.
import type { CompiledIndex } from './compiled-index.ts';
import { competencyRefs, gapEntry, type Gap } from './results.ts';
import { CLASSIFICATION } from './options.ts';

export class LevelScratch {
  readonly level: Float32Array;
  private loaded = -1;
  constructor(private readonly index: CompiledIndex) {
    this.level = new Float32Array(index.competencyCount);
  }

  /** Loads occupation o's requirement levels. O(requirements of the previous and of o). */
  load(o: number): void {
    if (this.loaded === o) return;
    const { reqStart, reqCompetency, reqLevel } = this.index;
    if (this.loaded >= 0) for (let k = reqStart[this.loaded]!; k < reqStart[this.loaded + 1]!; k++) this.level[reqCompetency[k]!] = 0;
    for (let k = reqStart[o]!; k < reqStart[o + 1]!; k++) this.level[reqCompetency[k]!] = reqLevel[k]!;
    this.loaded = o;
  }

  /** Coverage of v's requirements by the loaded occupation's levels. O(requirements of v). */
  coverageOf(v: number): number {
    const { reqStart, traitStart, reqCompetency, reqLevel, reqImportance, totalWeightedLevel } = this.index;
    let met = 0;
    for (let k = reqStart[v]!; k < traitStart[v]!; k++) {
      const have = this.level[reqCompetency[k]!]!;
      const need = reqLevel[k]!;
      met += reqImportance[k]! * (have < need ? have : need);
    }
    const total = totalWeightedLevel[v]!;
    return total > 0 ? met / total : 0;
  }

  /** Gaps of v for the loaded occupation, largest first. */
  gapsOf(v: number, limit: number): Gap[] {
    const { reqStart, traitStart, reqCompetency, reqLevel, reqImportance, reqEssential } = this.index;
    const refs = competencyRefs(this.index);
    const gaps: Gap[] = [];
    for (let k = reqStart[v]!; k < traitStart[v]!; k++) {
      const have = this.level[reqCompetency[k]!]!;
      const need = reqLevel[k]!;
      if (need - have <= 1e-6) continue;
      const c = reqCompetency[k]!;
      const context = this.index.isJurisdictionSpecific[c] === 1 ? 'jurisdiction' : have === 0 && this.index.isTransversal[c] === 1 ? 'transversal' : undefined;
      gaps.push(gapEntry(refs[c]!, reqImportance[k]!, need, have, reqEssential[k] === 1, CLASSIFICATION.hardGapShare, have > 0 ? 'own' : 'none', context));
    }
    return gaps.sort((a, b) => b.importance * b.deficit - a.importance * a.deficit || (a.competency.id < b.competency.id ? -1 : 1)).slice(0, limit);
  }
}

