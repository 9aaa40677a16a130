// The mobility sentences of OaSIS "additional information" ("There is considerable mobility
// among jobs in this unit group.", "Progression to supervisory positions is possible with
// experience.") read by a few small rules. What a sentence says becomes a rule name; the ground
// truths turn rule names into sets of profiles (oasis-mobility.ts). Rules, in order:
//   within-unit-group: names mobility inside the unit group ("in this unit group", "in this
//     group", "within this occupational group", "in this unit", "between these occupations") in
//     a positive form ("There is (considerable|some) mobility", "Mobility is possible / common",
//     "... may be possible", "mobility may occur / occurs"), and is not negated;
//   no-mobility: the same unit-group wording, negated: "no / little / limited / little or no /
//     little to no mobility", "mobility ... is limited / restricted", or "without further /
//     additional (specialized) training";
//   senior-management, management, supervisory: "Progression to / into ...", "Advancement to
//     ...", "may advance / progress to ..." naming, before "is possible" / "with experience",
//     senior management (-> senior-management), management,
//     managerial or manager positions (-> management; "senior management" alone does not count
//     here), or supervisory positions or supervisors (-> supervisory); one sentence can name
//     several ("supervisory or managerial positions"). A positive sentence about mobility among
//     senior management occupations is senior-management too.
// Anything else that mentions mobility, progression or advancing is left unparsed and counted.

export type MobilityRule = 'within-unit-group' | 'no-mobility' | 'supervisory' | 'management' | 'senior-management';
export const MOBILITY_RULES: readonly MobilityRule[] = ['within-unit-group', 'no-mobility', 'supervisory', 'management', 'senior-management'];

const UNIT_GROUP = /\b(?:in|within|of|classified in) this (?:unit |occupational )?group\b|\bin this unit\b|\bbetween these occupations\b/i;
const POSITIVE = /\bthere (?:is|may be) (?:considerable |some )?mobility\b|\bmobility\b.*\b(?:is|may be) (?:possible|common)\b|\bmobility\b.*\b(?:may occur|occurs)\b/i;
const NEGATED =
  /\b(?:no|little|limited)\s+(?:(?:or|to)\s+no\s+)?(?:intertrade\s+)?mobility\b|\bmobility\b.*\b(?:is|be) (?:somewhat )?(?:limited|restricted)\b|\bwithout (?:further|additional)(?: specialized)? training\b/i;
const PROGRESSION = /\b(?:progression (?:to|into)|advancement to|may (?:advance|progress) to)\b(.*)$/i;
/** Where the named positions end: "... is possible with experience", "... with experience". */
const CLAUSE_END = /\s(?:is|are|may be|usually|with|through)\s.*$/i;
const SENIOR_MANAGEMENT = /\bsenior management\b/i;
const MANAGEMENT = /\bmanage(?:ment|rial|rs?)\b/i;
const SUPERVISORY = /\bsupervis(?:ory|ors?)\b/i;

/** Sentences of one "additional information" field: split after a full stop followed by a capital. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Whether a sentence is about moving between jobs at all (what the unparsed count counts). */
export function mentionsMobility(sentence: string): boolean {
  return /\bmobility\b|\bprogress(?:ion)?\b|\badvance(?:ment)?\b/i.test(sentence);
}

/** The rules a sentence matches; [] when none does. */
export function mobilityRules(sentence: string): MobilityRule[] {
  const rules: MobilityRule[] = [];
  const mobility = /\bmobility\b/i.test(sentence);
  const negated = NEGATED.test(sentence);
  if (mobility && UNIT_GROUP.test(sentence)) {
    if (negated) rules.push('no-mobility');
    else if (POSITIVE.test(sentence)) rules.push('within-unit-group');
  }
  if (mobility && !negated && POSITIVE.test(sentence) && /\bamong senior management occupations\b/i.test(sentence)) rules.push('senior-management');
  const progression = PROGRESSION.exec(sentence)?.[1]?.replace(CLAUSE_END, '');
  if (progression !== undefined) {
    if (SUPERVISORY.test(progression)) rules.push('supervisory');
    if (MANAGEMENT.test(progression.replace(/\bsenior management\b/gi, ''))) rules.push('management');
    if (SENIOR_MANAGEMENT.test(progression)) rules.push('senior-management');
  }
  return [...new Set(rules)];
}
