// The frameworks the evaluation ranks in, imported and compiled once per process (a tuning
// script calling runEvaluation in a loop pays for each import once). The index is compiled from
// the framework without its occupation links and without occupation notes (the OaSIS import
// puts the additional-information text, the mobility ground truth, in the notes), so no ground
// truth can reach scoring, whatever scoring reads in the future.
import { join } from 'node:path';
import { compileIndex, type CompiledIndex, type FrameworkData } from '@bridgework/core';
import { importFramework, openTable } from '@bridgework/importers';
import { REPO_ROOT } from './frameworks-data.ts';
import { preparationOf, type Preparation, type PreparationScale } from './realism.ts';

export const FRAMEWORK_KEYS = ['onet29', 'onet25', 'esco', 'oasis', 'fqr', 'canada'] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

const SOURCES: Record<FrameworkKey, { kind: string; path: (dataDir: string) => string; scale: PreparationScale; options?: (dataDir: string) => object }> = {
  // The onet-29 copy has no SOC Structure file; O*NET publishes one per taxonomy, and onet-25's is
  // the same O*NET-SOC 2019 structure.
  onet29: { kind: 'onet', path: (d) => join(d, 'onet-29'), scale: 'job-zone', options: (d) => ({ socStructure: join(d, 'onet-25', 'SOC Structure.csv') }) },
  onet25: { kind: 'onet', path: (d) => join(d, 'onet-25'), scale: 'job-zone' },
  esco: { kind: 'esco', path: (d) => join(d, 'esco-1.1.1'), scale: 'isco-skill-level' },
  oasis: { kind: 'oasis', path: (d) => join(d, 'oasis-2023'), scale: 'teer' },
  fqr: { kind: 'native', path: () => join(REPO_ROOT, 'frameworks/fqr-canada'), scale: 'teer' },
  canada: { kind: 'native', path: () => join(REPO_ROOT, 'frameworks/canada'), scale: 'teer' },
};

/** Whether a framework is read from the shared frameworks-data folder (fqr-canada and the catalogue are in the repository). */
export const needsDataDir = (key: FrameworkKey) => key !== 'fqr' && key !== 'canada';

export interface LoadedFramework {
  key: FrameworkKey;
  /** As imported, links included: the ground truths read them. */
  data: FrameworkData;
  /** Compiled from `data` without occupationLinks and notes: what every ranking reads. */
  index: CompiledIndex;
  preparation: Preparation;
}

const loaded = new Map<string, Promise<LoadedFramework>>();

export function loadFramework(key: FrameworkKey, dataDir: string): Promise<LoadedFramework> {
  const cacheKey = `${key}\0${needsDataDir(key) ? dataDir : ''}`;
  let pending = loaded.get(cacheKey);
  if (!pending) {
    pending = load(key, dataDir);
    loaded.set(cacheKey, pending);
    pending.catch(() => loaded.delete(cacheKey));
  }
  return pending;
}

async function load(key: FrameworkKey, dataDir: string): Promise<LoadedFramework> {
  const source = SOURCES[key];
  const { data } = await importFramework(source.kind, source.path(dataDir), source.options?.(dataDir) ?? {});
  const index = compileIndex({ ...data, occupations: data.occupations.map(({ notes: _notes, ...o }) => o), occupationLinks: [] });
  // The O*NET importer does not set entry.jobZone yet and onet-25 has no Job Zones.txt: both
  // read onet-29's by code.
  const zones = source.scale === 'job-zone' ? await readJobZones(join(dataDir, 'onet-29', 'Job Zones.txt')) : undefined;
  return { key, data, index, preparation: preparationOf(index, source.scale, zones) };
}

/** Job Zones.txt (O*NET-SOC Code, Job Zone, ...) -> code -> zone 1-5. O(rows). */
export async function readJobZones(path: string): Promise<Map<string, number>> {
  const table = await openTable(path, { delimiter: '\t', quote: null });
  const code = table.column('O*NET-SOC Code');
  const zone = table.column('Job Zone');
  const zones = new Map<string, number>();
  for await (const row of table.rows()) {
    const z = Number(row.get(zone));
    if (Number.isInteger(z) && z >= 1 && z <= 5) zones.set(row.get(code).trim(), z);
  }
  return zones;
}
