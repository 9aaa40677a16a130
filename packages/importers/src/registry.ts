// Every importer by the name users type (`bridgework import onet <path>`). Loaded lazily so a
// command that imports one format does not load the others.
import { BridgeworkError } from '@bridgework/core';
import type { ImportOptions, ImportResult, Importer } from './import-result.ts';

export const IMPORT_KINDS = ['native', 'onet', 'esco', 'tabiya', 'noc', 'oasis', 'crosswalk'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const loaders: Record<ImportKind, () => Promise<Importer>> = {
  native: async () => (await import('./native/index.ts')).importNative,
  onet: async () => (await import('./onet/index.ts')).importOnet,
  esco: async () => (await import('./esco/index.ts')).importEsco,
  tabiya: async () => (await import('./tabiya/index.ts')).importTabiya,
  noc: async () => (await import('./noc/index.ts')).importNoc,
  oasis: async () => (await import('./oasis/index.ts')).importOasis,
  crosswalk: async () => (await import('./crosswalk/index.ts')).importCrosswalk,
};

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

export async function importFramework(kind: string, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  if (!isImportKind(kind)) {
    throw new BridgeworkError('request.invalid', `unknown framework format "${kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);
  }
  const importer = await loaders[kind]();
  return importer(path, options);
}
