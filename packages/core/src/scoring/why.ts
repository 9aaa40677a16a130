// The reason a result ranks where it does, in plain words: the score it is ordered by, how alike
// the work is and in which kinds of descriptor, and how far the move is. English here; the web app
// words the same figures in French from the explanation's facets and flags.
import type { Reach } from './fit.ts';
import type { FacetScore } from './results.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export interface WhyInput {
  fit: number;
  similarity: number;
  facets: readonly FacetScore[];
  reach: Reach;
  /** Title of the person's occupation the move is measured from, when there is one. */
  from?: string;
  scaleName?: string;
}

const SCALE_WORDS: Record<string, [string, string]> = {
  'job-zone': ['job zone', 'job zones'],
  teer: ['TEER step', 'TEER steps'],
  'isco-skill-level': ['ISCO skill level', 'ISCO skill levels'],
};

/** "Match 62%: the work is 71% alike (skills 80%, knowledge 64%); it asks for about 24 more months of entry training than Physician." */
export function whyText(input: WhyInput): string {
  // The facets that carry the most of the similarity first.
  const shown = input.facets.filter((f) => f.share >= 0.05).sort((a, b) => b.share - a.share);
  const kinds = shown.map((f) => `${f.label} ${pct(f.similarity)}`).join(', ');
  let text = `Match ${pct(input.fit)}: the work is ${pct(input.similarity)} alike${kinds ? ` (${kinds})` : ''}`;
  const { reach } = input;
  const from = input.from ?? "the person's occupation";
  const estimated = reach.estimatedTrainingMonths ?? 0;
  if (estimated > 12 && estimated > (reach.addedTrainingMonths ?? 0) + 12) {
    text += `; about ${estimated} months of its entry training would still be ahead (estimated from the essential needs not yet met)${reach.factor < 0.95 ? ', which reduces the match' : ''}`;
  } else if (reach.addedTrainingMonths !== undefined && reach.addedTrainingMonths > 12) {
    text += `; it asks for about ${Math.round(reach.addedTrainingMonths)} more months of entry training than ${from}${reach.factor < 0.95 ? ', which reduces the match' : ''}`;
  } else if (reach.addedTrainingMonths !== undefined) {
    text += `; it asks for no more than a year of entry training beyond ${from}`;
  } else if (reach.stepChange !== undefined && reach.stepChange >= 2 && input.scaleName) {
    const [one, many] = SCALE_WORDS[input.scaleName] ?? ['step', 'steps'];
    text += `; it is ${reach.stepChange} ${reach.stepChange === 1 ? one : many} above ${from}${reach.factor < 0.95 ? ', which reduces the match' : ''}`;
  }
  return `${text}.`;
}
