// A person's profile resolved against one compiled framework: source occupations as indices,
// and a sparse vector of own competency levels with the evidence behind each.
import { BridgeworkError } from '../errors.ts';
import { Evidence, type Profile } from '../schema/profile.ts';
import type { CompiledIndex } from './compiled-index.ts';

export const EVIDENCE_CODES = Evidence.options;
export type EvidenceCode = number;

export interface ProfileVector {
  profile: Profile;
  /** Source occupations (indices) and years in each. */
  sources: number[];
  years: (number | undefined)[];
  /** Sparse own levels: competency index, level, evidence code (index into EVIDENCE_CODES). */
  competencies: Uint32Array;
  levels: Float32Array;
  evidence: Uint8Array;
  /**
   * How much each competency counts among the person's strengths: its importance in the source
   * occupation, or DECLARED_SALIENCE for a competency the person adds. Weighs utilization.
   */
  salience: Float32Array;
  /** Sum of salience x level over the person's competencies (not traits): the denominator of utilization. */
  totalLevel: number;
}

/** Salience of a competency a person declares beyond their source occupation's requirements. */
export const DECLARED_SALIENCE = 0.75;

/**
 * Resolves occupation references (id, code or title) and competency ids. A profile built only
 * from an occupation equals that occupation's requirement levels (the highest level when several
 * source occupations require the same competency); overrides replace those levels.
 * O(requirements of the source occupations + overrides).
 */
export function resolveProfile(index: CompiledIndex, profile: Profile): ProfileVector {
  if (profile.framework !== undefined && profile.framework !== index.data.framework.id) {
    throw new BridgeworkError(
      'profile.invalid',
      `profile is for framework "${profile.framework}" but is being scored against "${index.data.framework.id}"`,
    );
  }
  if (profile.occupations.length === 0 && profile.competencies.length === 0) {
    throw new BridgeworkError('profile.empty', 'profile names no occupation and no competency: give at least one of either');
  }
  const sources: number[] = [];
  const years: (number | undefined)[] = [];
  // Dense scratch per index (left clean after every call): cheaper than Maps on the rank path.
  const scratch = scratchFor(index);
  const { level, evidence, salience, present } = scratch;
  const listed: number[] = [];
  const fromOccupation = EVIDENCE_CODES.indexOf('from-occupation');
  const skipLocal = profile.internationallyEducated === true;
  const unknown: string[] = [];
  try {
    for (const ref of profile.occupations) {
      const occupation = index.lookup.resolve(ref.occupation);
      const o = index.occupationIndex.get(occupation.id)!;
      if (sources.includes(o)) continue;
      sources.push(o);
      years.push(ref.years);
      for (let k = index.reqStart[o]!; k < index.reqStart[o + 1]!; k++) {
        const c = index.reqCompetency[k]!;
        if (skipLocal && index.isJurisdictionSpecific[c] === 1) continue;
        const l = index.reqLevel[k]!;
        // A trait's importance is its rating again (compiled-index.ts): as a strength it weighs 1.
        const w = index.isTrait[c] === 1 ? 1 : index.reqImportance[k]!;
        if (present[c] === 0) {
          present[c] = 1;
          listed.push(c);
          level[c] = l;
          evidence[c] = fromOccupation;
          salience[c] = w;
        } else {
          if (level[c]! < l) {
            level[c] = l;
            evidence[c] = fromOccupation;
          }
          if (salience[c]! < w) salience[c] = w;
        }
      }
    }
    for (const override of profile.competencies) {
      const c = index.competencyIndex.get(override.competency);
      if (c === undefined) {
        unknown.push(override.competency);
        continue;
      }
      if (present[c] === 0) {
        present[c] = 1;
        listed.push(c);
        salience[c] = DECLARED_SALIENCE;
      }
      level[c] = override.level;
      evidence[c] = EVIDENCE_CODES.indexOf(override.evidence);
    }
    if (unknown.length > 0) {
      throw new BridgeworkError(
        'competency.not_found',
        `unknown competenc${unknown.length === 1 ? 'y' : 'ies'} in framework "${index.data.framework.id}": ${unknown.slice(0, 10).map((u) => `"${u}"`).join(', ')}`,
        unknown.map((u) => ({ where: u, message: 'no such competency' })),
      );
    }
    if (sources.length > 0 && listed.length === 0 && profile.competencies.length === 0) {
      const names = sources.map((o) => `"${index.occupations[o]!.title.en}"`).join(', ');
      throw new BridgeworkError(
        'profile.empty',
        `${names} has no competency ratings in framework "${index.data.framework.id}"; add competencies to the profile or choose a rated occupation`,
      );
    }

    const order = Uint32Array.from(listed.filter((c) => level[c]! > 0)).sort();
    const n = order.length;
    const levels = new Float32Array(n);
    const evidenceCodes = new Uint8Array(n);
    const saliences = new Float32Array(n);
    let totalLevel = 0;
    for (let i = 0; i < n; i++) {
      const c = order[i]!;
      levels[i] = level[c]!;
      evidenceCodes[i] = evidence[c]!;
      saliences[i] = salience[c]!;
      if (index.isTrait[c] === 0) totalLevel += saliences[i]! * levels[i]!;
    }
    return { profile, sources, years, competencies: order, levels, evidence: evidenceCodes, salience: saliences, totalLevel };
  } finally {
    for (const c of listed) present[c] = 0;
  }
}

interface ProfileScratch {
  level: Float32Array;
  evidence: Uint8Array;
  salience: Float32Array;
  present: Uint8Array;
}

const scratches = new WeakMap<CompiledIndex, ProfileScratch>();

function scratchFor(index: CompiledIndex): ProfileScratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.competencyCount;
    scratch = { level: new Float32Array(n), evidence: new Uint8Array(n), salience: new Float32Array(n), present: new Uint8Array(n) };
    scratches.set(index, scratch);
  }
  return scratch;
}

