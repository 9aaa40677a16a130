// Reading the real O*NET files the simplest way (whole file, split on newlines and tabs), so the
// tests compute what the importer should produce without using any of its code.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(new URL('../../../../', import.meta.url).pathname);
export const FRAMEWORKS_DATA = resolve(REPO_ROOT, '../shared/frameworks-data');

/** The release folder, or undefined (with a console warning saying why) when it is absent. */
export function realRelease(name: string): string | undefined {
  const dir = join(FRAMEWORKS_DATA, name);
  if (existsSync(dir)) return dir;
  console.warn(`skipping the ${name} tests: ${dir} not found (CI and the shared workspace have ../shared/frameworks-data beside the repository)`);
  return undefined;
}

export type Row = Record<string, string>;

/** The data rows of a tab-separated file, as objects keyed by the header's column names. */
export function tsvRows(dir: string, file: string): Row[] {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter((line) => line !== '');
  const header = lines[0]!.replace(/^\ufeff/, '').split('\t');
  return lines.slice(1).map((line) => {
    const fields = line.split('\t');
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

const empty = (value: string | undefined) => value === undefined || value === '' || value === 'n/a';

/** A rating row O*NET says to use: not suppressed, not "not relevant", with a value. */
export function usable(row: Row): boolean {
  return row['Recommend Suppress'] !== 'Y' && row['Not Relevant'] !== 'Y' && !empty(row['Data Value']);
}

/**
 * The (occupation, element) pairs of a rating file with a usable IM row and a usable LV row:
 * the requirements the importer should make, as `code element` strings.
 */
export function usablePairs(rows: Row[]): Set<string> {
  const usableScales = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!usable(row)) continue;
    const key = `${row['O*NET-SOC Code']} ${row['Element ID']}`;
    const scales = usableScales.get(key) ?? new Set<string>();
    scales.add(row['Scale ID']!);
    usableScales.set(key, scales);
  }
  return new Set([...usableScales].filter(([, scales]) => scales.has('IM') && scales.has('LV')).map(([key]) => key));
}

/** The Data Value of one rating row, as a number. */
export function ratingValue(rows: Row[], code: string, element: string, scale: string): number {
  const row = rows.find((r) => r['O*NET-SOC Code'] === code && r['Element ID'] === element && r['Scale ID'] === scale);
  if (row === undefined) throw new Error(`test setup: no ${scale} row for ${code} ${element}`);
  return Number(row['Data Value']);
}
