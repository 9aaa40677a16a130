// Work-context columns: unlike the other rating files, each descriptor has its own scale, which only
// the guide's description states ("This descriptor is measured by frequency on a scale of 1-5 and
// duration on a scale of 1-5"). Ten descriptors are measured on two scales and have two columns,
// the second with a number glued on (`Time Pressure` / `Time Pressure2`, `Sound and Noise ` /
// `Sound and Noise 9`): the first column holds the first scale the guide names, the suffixed one
// the second. Both are kept, as two competencies named for what they measure
// (`J01c02-frequency`, `J01c02-importance`), since how often and how long or how much are
// different facts about a job.
import type { Competency } from '@bridgework/core';
import type { DescriptorGuide } from './descriptor-guide.ts';
import { descriptorCompetency } from './descriptor-competency.ts';
import type { RatingFamily, RatingScale } from './rating-scales.ts';

export interface GuideScale {
  /** What the rating measures, in the guide's words, lower case: `frequency`, `degree of automation`. */
  measure: string;
  max: number;
}

/**
 * Three descriptors of the 2023 guide that the file rates state no scale (Frequency of Decision
 * Making; Hazardous Equipment, Machinery, Tools; Cramped Work Space, Awkward Positions). Their
 * ratings reach 5, and every stated work-context scale is 1-5 or 1-3, so 1-5 is the only one
 * that fits; it is also used for a column the guide does not know.
 */
export const UNSTATED_SCALE: RatingScale = { max: 5, measures: 'scale not stated in the guide', raw: 'level' };

/** The scales a guide description names, in order; empty when it names none. */
export function guideScales(description: string): GuideScale[] {
  const start = description.search(/measured by/i);
  if (start < 0) return [];
  const scales: GuideScale[] = [];
  // "... by frequency on a scale of 1-5 and in duration on a scale of 1-5": "in" is a slip of the guide.
  for (const match of description.slice(start).matchAll(/(?:measured by|and)\s+(?:in\s+)?(.+?)\s+on a scale of 1\s*-\s*(\d+)/gi)) {
    scales.push({ measure: match[1]!.replace(/\s+/g, ' ').trim().toLowerCase(), max: Number(match[2]) });
  }
  return scales;
}

export interface WorkContextColumn {
  competency: Competency;
  scale: RatingScale;
}

/**
 * A header of the work-context file as a competency and the scale of its cells; undefined when the
 * guide knows no such descriptor (or the header has a number glued on but the guide names only
 * one scale for the descriptor). The raw rating is kept as `source.level` whatever the scale
 * measures: the competency's id and label say what that is.
 */
export function workContextColumn(header: string, family: RatingFamily, guide: DescriptorGuide): WorkContextColumn | undefined {
  const direct = guide.descriptor(family.category, header);
  const unsuffixed = /^(.*?)\s*\d+$/.exec(header)?.[1];
  const second = direct === undefined && unsuffixed ? guide.descriptor(family.category, unsuffixed) : undefined;
  const entry = direct ?? second;
  if (entry === undefined) return undefined;
  const scales = guideScales(entry.description ?? '');
  const position = direct ? 0 : 1;
  if (position === 1 && scales.length < 2) return undefined;
  const stated = scales[position];
  const scale: RatingScale = stated ? { max: stated.max, measures: stated.measure, raw: 'level' } : UNSTATED_SCALE;
  const column = direct ? header : unsuffixed!;
  const competency = descriptorCompetency(entry, family.kind, { column, ...(scales.length >= 2 ? { measure: stated!.measure } : {}) });
  return { competency, scale };
}
