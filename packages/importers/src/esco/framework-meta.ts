// Framework metadata for ESCO imports: publisher, licence and attribution as the European
// Commission asks for them, shared by the official CSV and the Tabiya importers.
import { basename } from 'node:path';
import type { FrameworkMeta, FrameworkSourceKind, Locale, Occupation } from '@bridgework/core';

export const ESCO_PUBLISHER = 'European Commission';
export const ESCO_URL = 'https://esco.ec.europa.eu';
/**
 * ESCO is published for free reuse under the Commission's reuse policy (Decision
 * 2011/833/EU), compatible with CC BY 4.0; the Tabiya export ships the CC BY 4.0 text as its
 * LICENSE. Either way the attribution below must travel with the data.
 */
export const ESCO_LICENCE = {
  name: 'CC BY 4.0 (European Commission reuse policy, Decision 2011/833/EU)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'ESCO, European Commission (https://esco.ec.europa.eu). Used under CC BY 4.0; changes: converted to the Bridgework model.',
} as const;

/** "1.1.1" from "esco-1.1.1", "ESCO dataset - v1.1.1 - classification - en - csv" or "ESCO v1.1.1". */
export function versionIn(text: string): string | undefined {
  return /(?:^|[^0-9.])v?(\d+\.\d+(?:\.\d+)*)(?![0-9.])/i.exec(text)?.[1];
}

export function versionFromFolder(dir: string): string | undefined {
  return versionIn(basename(dir.replace(/[/\\]+$/, '')));
}

export interface EscoMetaInput {
  id: string;
  name: string;
  version: string;
  kind: Extract<FrameworkSourceKind, 'esco' | 'tabiya'>;
  release: string;
  locales: Locale[];
  description: string;
}

export function escoMeta(input: EscoMetaInput): FrameworkMeta {
  return {
    id: input.id,
    name: input.name,
    version: input.version,
    description: input.description,
    source: { kind: input.kind, publisher: ESCO_PUBLISHER, release: input.release, url: ESCO_URL },
    licence: { ...ESCO_LICENCE },
    locales: input.locales,
    importedAt: new Date().toISOString(),
  };
}

/** English always; French when any occupation has a French title. */
export function localesOf(occupations: readonly Occupation[]): Locale[] {
  return occupations.some((o) => o.title.fr !== undefined) ? ['en', 'fr'] : ['en'];
}
