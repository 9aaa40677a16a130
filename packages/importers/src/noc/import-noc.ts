// NOC 2021 -> the core model. Occupations are the unit groups (five-digit codes) with their TEER
// and the groups above them as the field path. NOC rates no competencies, so the framework has
// none and no requirements: it serves lookup, field paths, TEER steps and crosswalks; OaSIS
// carries the ratings for the same unit groups.
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { BridgeworkError, parseFramework, type FrameworkData, type Occupation } from '@bridgework/core';
import type { ImportOptions, ImportResult } from '../import-result.ts';
import { nocFieldPath, teerOf, type NocClass } from './noc-classes.ts';
import { OPEN_GOVERNMENT_LICENCE_CANADA, releaseVersion } from './open-government-licence.ts';
import { readNocStructure } from './structure-csv.ts';
import { readNocUnitGroups } from './unit-groups-json.ts';

/** The official download name of the structure CSV; any `*classification*structure*.csv` is taken. */
export const NOC_STRUCTURE_FILE = 'noc_2021_version_1.0_-_classification_structure.csv';
const STRUCTURE_NAME = /classification[\s_-]*structure.*\.csv$/i;

/**
 * `path` is the structure CSV, a unit-group JSON file, or a folder holding one of them (the CSV
 * wins when both are there: it has the sub-major groups). O(rows).
 */
export async function importNoc(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = await resolveNocFile(path);
  const name = basename(file);
  options.onProgress?.({ phase: name, done: 0 });

  let classes: NocClass[];
  let rowsRead: number;
  let release: string | undefined;
  if (extname(file).toLowerCase() === '.json') {
    const read = await readNocUnitGroups(file);
    ({ classes, rowsRead } = read);
    release = read.release;
    options.onProgress?.({ phase: name, done: rowsRead, total: rowsRead });
  } else {
    const total = (await stat(file)).size;
    const read = await readNocStructure(file, { onBytes: (done) => options.onProgress?.({ phase: name, done, total }) });
    ({ classes, rowsRead } = read);
  }

  const titles = new Map(classes.filter((c) => c.level < 5).map((c) => [c.code, c.title] as const));
  const warnings: string[] = [];
  const untitled = new Set<string>();
  const occupations: Occupation[] = [];
  for (const unit of classes) {
    if (unit.level !== 5) continue;
    const field = nocFieldPath(unit.code, titles);
    for (const code of field.untitled) untitled.add(code);
    occupations.push({
      id: unit.code,
      title: { en: unit.title },
      ...(unit.definition ? { description: { en: unit.definition } } : {}),
      codes: { noc: unit.code, teer: teerOf(unit.code) },
      fieldPath: field.path,
      regulation: [],
    });
  }
  if (occupations.length === 0) {
    throw new BridgeworkError('import.invalid_file', `${file}: no unit groups (five-digit codes) found`, [{ where: file, message: 'no unit groups' }]);
  }
  if (untitled.size > 0) {
    const first = [...untitled][0]!;
    warnings.push(`${name}: ${untitled.size} groups of the field path have no title in this file (first: ${first}); their title reads "NOC 2021 <level> <code>"`);
  }

  // The release is named by the JSON's metadata or the official file name; NOC 2021 V1.0 otherwise.
  const derived = releaseVersion(release ?? name) ?? '2021.1.0';
  const [year, major, minor] = derived.split('.');
  const version = options.version ?? derived;
  const data: FrameworkData = {
    framework: {
      id: options.id ?? 'noc',
      name: 'National Occupational Classification (NOC) 2021',
      version,
      description: 'Canada\'s National Occupational Classification: unit groups with their TEER category and the broad, major, sub-major and minor groups above them. NOC rates no competencies; OaSIS does, for the same unit groups.',
      source: {
        kind: 'noc',
        publisher: 'Statistics Canada',
        release: release ?? `NOC ${year} Version ${major}.${minor}`,
        url: 'https://www.statcan.gc.ca/en/subjects/standard/noc/2021/indexV1',
      },
      licence: { ...OPEN_GOVERNMENT_LICENCE_CANADA },
      locales: ['en'],
      importedAt: new Date().toISOString(),
    },
    occupations,
    competencyGroups: [],
    competencies: [],
    requirements: [],
    relations: [],
    occupationLinks: [],
    crosswalks: [],
  };
  return { data: parseFramework(data, { requireRequirements: false }), warnings, rowsRead: { [name]: rowsRead } };
}

async function resolveNocFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new BridgeworkError('import.missing_file', `${path}: no such file or folder`, [{ where: path, message: 'not found' }]);
  if (info.isFile()) {
    const extension = extname(path).toLowerCase();
    if (extension === '.csv' || extension === '.json') return path;
    throw new BridgeworkError('import.invalid_file', `${path}: expected the NOC structure CSV or a unit-group JSON file, found a ${extension || 'file without extension'}`, [
      { where: path, message: 'unsupported file type' },
    ]);
  }
  const entries = (await readdir(path)).sort();
  const structure = entries.find((e) => STRUCTURE_NAME.test(e));
  if (structure) return join(path, structure);
  const candidates = entries.filter((e) => /\.(csv|json)$/i.test(e));
  if (candidates.length === 1) return join(path, candidates[0]!);
  const found = candidates.length === 0 ? 'no CSV or JSON file' : candidates.join(', ');
  throw new BridgeworkError(
    'import.missing_file',
    `${path}: expected the NOC 2021 structure CSV (${NOC_STRUCTURE_FILE}) or a single unit-group JSON file; found ${found}`,
    [{ where: path, message: 'no NOC file' }],
  );
}
