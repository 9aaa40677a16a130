// Framework metadata for an O*NET release: id, version, publisher and the CC BY 4.0 attribution
// O*NET asks for wherever its data, or data derived from it, is shown.
import { basename, resolve } from 'node:path';
import type { FrameworkMeta } from '@bridgework/core';

export const ONET_PUBLISHER = 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)';

/**
 * The release number in a folder name as O*NET or users name it: `db_29_2_text` -> 29.2,
 * `onet-29` -> 29, `O*NET 29.2` -> 29.2; undefined when the name has none.
 */
export function releaseFromFolder(folder: string): string | undefined {
  const name = basename(resolve(folder));
  const official = /^db_(\d+)_(\d+)(?:_text)?$/i.exec(name);
  if (official) return `${official[1]}.${official[2]}`;
  const named = /^o\*?net[-_ ]*(\d+(?:[._]\d+)?)$/i.exec(name);
  if (named) return named[1]!.replace('_', '.');
  return undefined;
}

/** The sentence of O*NET's licence page, with the release number when it is known. */
export function onetAttribution(release: string | undefined): string {
  const database = release !== undefined ? `O*NET ${release} Database` : 'O*NET Database';
  return `This product includes information from the ${database} by the ${ONET_PUBLISHER}. Used under the CC BY 4.0 license.`;
}

export interface MetaInput {
  folder: string;
  id?: string;
  version?: string;
  /** Newest `Date` of the ratings (YYYY-MM), the version when neither option nor folder gives one. */
  latestDate?: string;
}

export function onetFrameworkMeta(input: MetaInput): FrameworkMeta {
  // A version given as a release number (29.2) names the release better than the folder does.
  const release = input.version !== undefined && /^\d+(\.\d+)*$/.test(input.version) ? input.version : releaseFromFolder(input.folder);
  const version = input.version ?? release ?? input.latestDate ?? new Date().toISOString().slice(0, 10);
  return {
    id: input.id ?? 'onet',
    name: release !== undefined ? `O*NET ${release}` : 'O*NET',
    version,
    description: 'O*NET occupations with their skill, knowledge, ability and work activity ratings, detailed work activities, interests, work styles and education',
    source: {
      kind: 'onet',
      publisher: ONET_PUBLISHER,
      ...(release !== undefined ? { release } : {}),
      url: 'https://www.onetcenter.org/database.html',
    },
    licence: {
      name: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
      attribution: onetAttribution(release),
    },
    locales: ['en'],
    importedAt: new Date().toISOString(),
  };
}
