// A descriptor of the guide as a competency: the guide's code is the id and the external id, its
// name the label, its definition the description, its similarity group the group. Shared by the
// rating files (skills ... work context) and the interests.
import type { Competency, CompetencyKind } from '@bridgework/core';
import { normalizeHeader } from '../text/table-reader.ts';
import type { GuideEntry } from './descriptor-guide.ts';

export interface DescriptorNaming {
  /** The name the rating file uses; kept as an alternate label when the guide spells it otherwise. */
  column?: string;
  /** For a descriptor rated on two scales: the scale this competency stands for (`frequency`). */
  measure?: string;
}

export function descriptorCompetency(entry: GuideEntry, kind: CompetencyKind, naming: DescriptorNaming = {}): Competency {
  const { column, measure } = naming;
  const alternate = column !== undefined && normalizeHeader(column) !== normalizeHeader(entry.name);
  return {
    id: measure === undefined ? entry.code : `${entry.code}-${slug(measure)}`,
    label: { en: measure === undefined ? entry.name : `${entry.name} (${measure})` },
    ...(alternate ? { altLabels: { en: [column] } } : {}),
    ...(entry.description ? { description: { en: entry.description } } : {}),
    kind,
    ...(entry.parent ? { group: entry.parent } : {}),
    externalId: entry.code,
  };
}

/** `Digital Wizardry` -> `digital-wizardry`: ids for names the guide does not know. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
