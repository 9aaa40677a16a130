// NOC 2021 V1.0 as published (../shared/frameworks-data): counts and values checked against the
// raw files, read here independently of the importer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFramework } from '@bridgework/core';
import { importNoc } from '../../src/noc/index.ts';
import { realFolder } from './frameworks-data.ts';

const csvDir = realFolder('noc-2021-csv', 'NOC 2021 structure CSV (real data)');
const jsonDir = realFolder('noc-2021', 'NOC 2021 unit-group JSON (real data)');
const STRUCTURE = 'noc_2021_version_1.0_-_classification_structure.csv';

/** Raw rows of the structure CSV: no field spans lines there, and the first three are never quoted. */
async function rawStructure(): Promise<{ level: string; code: string; line: string }[]> {
  const text = await readFile(join(csvDir!, STRUCTURE), 'utf8');
  return text
    .replace(/^\ufeff/, '')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [level, , code] = line.split(',');
      return { level: level!, code: code!, line };
    });
}

interface JsonUnitGroup {
  noc_code: string;
  title: string;
  description: string;
  teer: { level: number };
  hierarchy: Record<'broad_group' | 'major_group' | 'minor_group', { code: string; title: string }>;
}

async function rawUnitGroups(): Promise<JsonUnitGroup[]> {
  return JSON.parse(await readFile(join(jsonDir!, 'noc-2021-unit-groups.json'), 'utf8')).nocs;
}

describe.skipIf(!csvDir)('importNoc on the official NOC 2021 structure CSV', () => {
  it('reads every row and makes one occupation per unit group', async () => {
    const raw = await rawStructure();
    const { data, warnings, rowsRead } = await importNoc(csvDir!);
    expect(warnings).toEqual([]);
    expect(rowsRead).toEqual({ [STRUCTURE]: raw.length });
    const units = raw.filter((r) => r.level === '5').map((r) => r.code);
    expect(data.occupations.map((o) => o.id)).toEqual(units);
    expect(data.requirements).toEqual([]);
    expect(() => parseFramework(data, { requireRequirements: false })).not.toThrow();
  });

  it('gives every unit group the titled groups above it and its TEER', async () => {
    const raw = await rawStructure();
    const titled = new Set(raw.filter((r) => r.level !== '5').map((r) => r.code));
    const { data } = await importNoc(csvDir!);
    for (const occupation of data.occupations) {
      expect(occupation.fieldPath.map((g) => g.code)).toEqual([1, 2, 3, 4].map((n) => occupation.id.slice(0, n)));
      expect(occupation.fieldPath.every((g) => titled.has(g.code) && !g.title.en.startsWith('NOC 2021 '))).toBe(true);
      expect(occupation.codes.teer).toBe(Number(occupation.id[1]));
    }
  });

  it('keeps quoted titles with commas and leading zeros as written', async () => {
    const raw = await rawStructure();
    const line = raw.find((r) => r.code === '00012')!.line;
    const title = /^5,Unit Group,00012,"((?:[^"]|"")*)",/.exec(line)![1]!.replace(/""/g, '"');
    const { data } = await importNoc(csvDir!);
    expect(data.occupations.find((o) => o.id === '00012')!.title.en).toBe(title);
  });
});

describe.skipIf(!jsonDir)('importNoc on the NOC 2021 unit-group JSON', () => {
  it('makes one occupation per entry with its title, definition, TEER and groups', async () => {
    const raw = await rawUnitGroups();
    const { data, rowsRead } = await importNoc(jsonDir!);
    expect(rowsRead).toEqual({ 'noc-2021-unit-groups.json': raw.length });
    expect(data.occupations.map((o) => [o.id, o.title.en, o.description?.en, o.codes.teer])).toEqual(
      raw.map((u) => [u.noc_code, u.title, u.description.replace(/\s+/g, ' ').trim(), u.teer.level]),
    );
    const nurse = raw.find((u) => u.noc_code === '31301')!;
    expect(data.occupations.find((o) => o.id === '31301')!.fieldPath.map((g) => g.title.en)).toEqual([
      nurse.hierarchy.broad_group.title,
      nurse.hierarchy.major_group.title,
      'NOC 2021 sub-major group 313',
      nurse.hierarchy.minor_group.title,
    ]);
  });
});

describe.skipIf(!csvDir || !jsonDir)('importNoc: the two layouts agree', () => {
  it('gives the same ids, titles, definitions, TEER and groups (but sub-major titles)', async () => {
    const fromCsv = (await importNoc(csvDir!)).data.occupations;
    const fromJson = (await importNoc(jsonDir!)).data.occupations;
    const withoutSubMajor = (o: (typeof fromCsv)[number]) => ({ ...o, fieldPath: o.fieldPath.filter((g) => g.code.length !== 3) });
    expect(fromJson.map(withoutSubMajor)).toEqual(fromCsv.map(withoutSubMajor));
  });
});
