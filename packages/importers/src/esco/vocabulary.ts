// ESCO's controlled values (relation types, skill types, reuse levels) and how each maps onto
// the core model. Written once here; the official CSV and the Tabiya importers share it.
import type { CompetencyKind, ReuseLevel } from '@bridgework/core';

export const RELATION_TYPES = ['essential', 'optional'] as const;
export type EscoRelationType = (typeof RELATION_TYPES)[number];

export function relationType(value: string): EscoRelationType | undefined {
  return value === 'essential' || value === 'optional' ? value : undefined;
}

/**
 * ESCO `skillType` -> competency kind. Empty is allowed: ESCO 1.1.1 leaves it empty on six
 * DigComp area entries ("ICT safety"...), which read as competences. Tabiya adds `language`
 * and `attitude`. Language skills of the official files have type skill/competence or
 * knowledge; they become `language` by their place in the hierarchy (language-skills.ts).
 */
export const SKILL_TYPES: Readonly<Record<string, CompetencyKind>> = {
  'skill/competence': 'skill',
  knowledge: 'knowledge',
  language: 'language',
  attitude: 'attribute',
  '': 'skill',
};

export function skillKind(value: string): CompetencyKind | undefined {
  return Object.hasOwn(SKILL_TYPES, value) ? SKILL_TYPES[value] : undefined;
}

/** ESCO reuse levels are the core model's own words; empty means "not stated". */
export const REUSE_LEVELS: readonly ReuseLevel[] = ['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'];

export function reuseLevel(value: string): ReuseLevel | null | undefined {
  if (value === '') return null;
  return (REUSE_LEVELS as readonly string[]).includes(value) ? (value as ReuseLevel) : undefined;
}

/** `regulatedProfessionNote` in ESCO 1.1.x is one of two concept URIs, not prose. */
export const REGULATED_URI = 'http://data.europa.eu/esco/regulated-professions/regulated';
export const UNREGULATED_URI = 'http://data.europa.eu/esco/regulated-professions/unregulated';

/** The allowed values for "must be X, found Y" messages: `"a", "b" or "c"`, `"a", "b" or empty`. */
export function listOf(values: readonly string[], options: { orEmpty?: boolean } = {}): string {
  const quoted = values.map((v) => JSON.stringify(v));
  if (options.orEmpty) quoted.push('empty');
  return quoted.length <= 2 ? quoted.join(' or ') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The skill types a file may name (the empty one aside). */
export const NAMED_SKILL_TYPES: readonly string[] = Object.keys(SKILL_TYPES).filter((type) => type !== '');
