// A crosswalk file (or a folder of them) as a framework version of its own: no occupations or
// competencies, only Crosswalk records joining frameworks imported separately. Stored like any
// framework, it gets a version, a licence and provenance, and `bridgework frameworks` lists it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BridgeworkError, type Crosswalk, type FrameworkData } from '@bridgework/core';
import type { ImportOptions, ImportResult } from '../import-result.ts';
import { openTable } from '../text/table-reader.ts';
import { readCrosswalk } from './read-crosswalk.ts';

/** The layouts readCrosswalk knows, told by their header, with the frameworks on each side. */
const LAYOUTS = [
  { columns: ['noc', 'onet'], fromFramework: 'noc', toFramework: 'onet', publisher: 'The Dais (Brookfield Institute), Toronto Metropolitan University' },
  { columns: ['concept_uri', 'onet_code'], fromFramework: 'esco', toFramework: 'onet', publisher: 'Nesta' },
] as const;

export async function importCrosswalk(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new BridgeworkError('import.missing_file', `${path}: not found`, [{ where: path, message: 'not found' }]);
  const files = info.isDirectory() ? (await readdir(path)).filter((f) => f.endsWith('.csv')).sort().map((f) => join(path, f)) : [path];
  const folder = info.isDirectory() ? path : dirname(path);
  const warnings: string[] = [];
  const rowsRead: Record<string, number> = {};
  const crosswalks: Crosswalk[] = [];
  const sides = new Set<string>();
  const publishers = new Set<string>();
  const names: string[] = [];

  for (const file of files) {
    const layout = await layoutOf(file);
    if (!layout) {
      warnings.push(`${basename(file)}: not an occupation crosswalk layout this importer knows (noc,onet or concept_uri,onet_code); skipped`);
      continue;
    }
    const result = await readCrosswalk(file, { fromFramework: layout.fromFramework, toFramework: layout.toFramework, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    crosswalks.push(...result.crosswalks);
    warnings.push(...result.warnings);
    Object.assign(rowsRead, result.rowsRead);
    sides.add(`${layout.fromFramework}-${layout.toFramework}`);
    names.push(basename(file, '.csv'));
    publishers.add(layout.publisher);
  }
  if (crosswalks.length === 0) {
    throw new BridgeworkError('import.missing_file', `${path}: no crosswalk file found (expected noc2021_onet26.csv or esco_onet_crosswalk_Nov2020.csv)`, [
      { where: path, message: 'no crosswalk file' },
    ]);
  }
  const licence = await readLicence(folder);
  const data: FrameworkData = {
    framework: {
      id: options.id ?? `${[...sides].join('-')}-crosswalk`,
      name: `Occupation crosswalk ${[...sides].map((s) => s.replace('-', ' -> ')).join(', ')}`,
      // The file names carry the release (esco_onet_crosswalk_Nov2020, noc2021_onet26).
      version: options.version ?? names.join('+'),
      description: `Occupation-to-occupation matches between frameworks imported separately, from ${files.map((f) => basename(f)).join(', ')}.`,
      source: { kind: 'native', publisher: [...publishers].join('; ') },
      licence: { name: licence ?? 'see the source folder', attribution: `Crosswalk by ${[...publishers].join('; ')}` },
      locales: ['en'],
    },
    occupations: [],
    competencyGroups: [],
    competencies: [],
    requirements: [],
    relations: [],
    occupationLinks: [],
    crosswalks,
  };
  return { data, warnings, rowsRead };
}

async function layoutOf(file: string) {
  const table = await openTable(file, { delimiter: ',', quote: '"' });
  try {
    return LAYOUTS.find((l) => l.columns.every((c) => table.find(c) >= 0));
  } finally {
    await table.close();
  }
}

/** The licence's first line ("MIT License"), when the folder has a LICENSE file. */
async function readLicence(folder: string): Promise<string | undefined> {
  const text = await readFile(join(folder, 'LICENSE'), 'utf8').catch(() => undefined);
  return text?.split('\n')[0]?.trim() || undefined;
}
