// How ESCO's essential/optional links become numbers the scoring core can use.
//
// ESCO says whether an occupation needs a skill (essential) or may use it (optional); it has
// no proficiency levels. So every requirement gets the same level, ESCO_LEVEL = 1: with one
// level everywhere, coverage = sum w*min(p,1) / sum w reduces to the importance-weighted
// overlap between a profile and the occupation, which is what ESCO can support. Importance
// carries the distinction: essential 1.0, optional 0.5 (an optional skill counts half as much
// towards coverage and gaps). The original relation is kept in `source` for provenance.
//
// Skill-to-skill links ("skill A needs skill B", essential or optional) become symmetric
// `related` relations for partial credit: essential 0.6, optional 0.4, below the credit a
// skill's own hierarchy gives, because ESCO means "goes with", not "can stand in for".
import type { Relation, Requirement } from '@bridgework/core';
import type { EscoRelationType } from './vocabulary.ts';

export const ESCO_LEVEL = 1;
export const ESCO_IMPORTANCE: Readonly<Record<EscoRelationType, number>> = { essential: 1, optional: 0.5 };
export const RELATED_WEIGHT: Readonly<Record<EscoRelationType, number>> = { essential: 0.6, optional: 0.4 };
/**
 * A narrower skill and its broader skill (ESCO skill -> skill broader links): holding the narrower
 * skill shows 0.7 of the broader one (and the broader 0.6 x 0.7 = 0.42 of the narrower; see
 * DEFAULT_SIMILARITY in the core).
 */
export const BROADER_WEIGHT = 0.7;

export function escoRequirement(occupation: string, competency: string, relation: EscoRelationType): Requirement {
  return {
    occupation,
    competency,
    importance: ESCO_IMPORTANCE[relation],
    level: ESCO_LEVEL,
    essential: relation === 'essential',
    source: { scale: 'esco', relation },
  };
}

export function relatedSkills(from: string, to: string, relation: EscoRelationType): Relation {
  return { from, to, type: 'related', weight: RELATED_WEIGHT[relation], sourceType: relation };
}

export function broaderSkill(narrower: string, broader: string): Relation {
  return { from: narrower, to: broader, type: 'broader', weight: BROADER_WEIGHT };
}
