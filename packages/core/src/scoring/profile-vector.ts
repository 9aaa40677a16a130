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
  /** Sum of salience x level: the denominator of utilization. */
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
  const level = new Map<number, number>();
  const evidence = new Map<number, number>();
  const salience = new Map<number, number>();
  const fromOccupation = EVIDENCE_CODES.indexOf('from-occupation');
  const skipLocal = profile.internationallyEducated === true;

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
      if ((level.get(c) ?? -1) < l) {
        level.set(c, l);
        evidence.set(c, fromOccupation);
      }
      salience.set(c, Math.max(salience.get(c) ?? 0, index.reqImportance[k]!));
    }
  }
  const unknown: string[] = [];
  for (const override of profile.competencies) {
    const c = index.competencyIndex.get(override.competency);
    if (c === undefined) {
      unknown.push(override.competency);
      continue;
    }
    level.set(c, override.level);
    evidence.set(c, EVIDENCE_CODES.indexOf(override.evidence));
    if (!salience.has(c)) salience.set(c, DECLARED_SALIENCE);
  }
  if (unknown.length > 0) {
    throw new BridgeworkError(
      'competency.not_found',
      `unknown competenc${unknown.length === 1 ? 'y' : 'ies'} in framework "${index.data.framework.id}": ${unknown.slice(0, 10).map((u) => `"${u}"`).join(', ')}`,
      unknown.map((u) => ({ where: u, message: 'no such competency' })),
    );
  }
  if (sources.length > 0 && level.size === 0 && profile.competencies.length === 0) {
    const names = sources.map((o) => `"${index.occupations[o]!.title.en}"`).join(', ');
    throw new BridgeworkError(
      'profile.empty',
      `${names} has no competency ratings in framework "${index.data.framework.id}"; add competencies to the profile or choose a rated occupation`,
    );
  }

  const entries = [...level.entries()].filter(([, l]) => l > 0).sort((a, b) => a[0] - b[0]);
  const competencies = new Uint32Array(entries.length);
  const levels = new Float32Array(entries.length);
  const evidenceCodes = new Uint8Array(entries.length);
  const saliences = new Float32Array(entries.length);
  let totalLevel = 0;
  entries.forEach(([c, l], i) => {
    competencies[i] = c;
    levels[i] = l;
    evidenceCodes[i] = evidence.get(c)!;
    saliences[i] = salience.get(c)!;
    totalLevel += saliences[i]! * l;
  });
  return { profile, sources, years, competencies, levels, evidence: evidenceCodes, salience: saliences, totalLevel };
}
