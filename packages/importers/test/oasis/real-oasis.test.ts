// OaSIS 2023 v1.0 as published (../shared/frameworks-data/oasis-2023): counts and values checked
// against the raw cells, read here with the plain CSV reader, not through the importer.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OccupationLookup, parseFramework, type CompetencyKind } from '@bridgework/core';
import type { ImportResult } from '../../src/import-result.ts';
import { importOasis } from '../../src/oasis/index.ts';
import { readDelimited } from '../../src/text/delimited-reader.ts';
import { realFolder } from '../noc/frameworks-data.ts';

const dir = realFolder('oasis-2023', 'OaSIS 2023 (real data)');

const FAMILIES: readonly { file: string; kind: CompetencyKind; max: number }[] = [
  { file: 'skills_oasis_2023_v1.0.csv', kind: 'skill', max: 5 },
  { file: 'abilities_oasis_2023_v1.0.csv', kind: 'ability', max: 5 },
  { file: 'knowledges_oasis_2023_v1.0.csv', kind: 'knowledge', max: 3 },
  { file: 'workactivities_oasis_2023_v1.0.csv', kind: 'work-activity', max: 5 },
  { file: 'personal-attributes_oasis_2023_v1.0.csv', kind: 'attribute', max: 5 },
];

/** Header and rows of a raw file, BOM stripped by the reader, nothing else done. */
async function raw(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const records: string[][] = [];
  for await (const record of readDelimited(join(dir!, file), { delimiter: ',', quote: '"' })) records.push(record.fields);
  const [header, ...rows] = records;
  return { header: header!, rows };
}

/** The published codes as SOURCE.md describes them: `95109` and `31100.1` mean 95109.00 and 31100.10. */
function fullCode(code: string): string {
  const [unit, profile = ''] = code.trim().split('.');
  return `${unit}.${profile.padEnd(2, '0')}`;
}

describe.skipIf(!dir)('importOasis on the published OaSIS 2023 v1.0 files', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importOasis(dir!);
  });

  it('makes one occupation per labelled profile, covering every NOC unit group once or more', async () => {
    const labels = await raw('labels_oasis_2023_v1.0.csv');
    const { data } = result;
    expect(data.occupations.map((o) => o.id)).toEqual(labels.rows.map((r) => r[0]));
    expect(data.occupations.every((o) => o.codes.noc === o.id.slice(0, 5) && o.codes.teer === Number(o.id[1]))).toBe(true);
    const units = new Set(labels.rows.map((r) => r[0]!.slice(0, 5)));
    expect(new Set(data.occupations.map((o) => o.codes.noc)).size).toBe(units.size);
  });

  it('reads every row of every file it uses', async () => {
    const files = (await readdir(dir!)).filter((f) => f.endsWith('.csv') && !/^(exclusions|workplaces-employers)_/.test(f));
    const expected: Record<string, number> = {};
    for (const file of files) expected[file] = (await raw(file)).rows.length;
    expect(result.rowsRead).toEqual(expected);
  });

  it('makes one competency per rating column, each found in the guide', async () => {
    const { data } = result;
    for (const family of FAMILIES) {
      const { header } = await raw(family.file);
      const competencies = data.competencies.filter((c) => c.kind === family.kind);
      expect(competencies).toHaveLength(header.length - 2);
      expect(competencies.every((c) => c.externalId === c.id && /^[A-Z]\d{2}[a-z]\d{2}$/.test(c.id))).toBe(true);
    }
    expect(data.competencies).toHaveLength(new Set(data.competencies.map((c) => c.id)).size);
  });

  it('makes one requirement per non-zero rating, per family', async () => {
    const { data } = result;
    const kinds = new Map(data.competencies.map((c) => [c.id, c.kind]));
    for (const family of FAMILIES) {
      const { rows } = await raw(family.file);
      const rated = rows.reduce((n, row) => n + row.slice(2).filter((cell) => cell.trim() !== '0').length, 0);
      expect(data.requirements.filter((r) => kinds.get(r.competency) === family.kind)).toHaveLength(rated);
    }
  });

  it('normalises a rating to r/max and keeps the raw value, cell by cell', async () => {
    const { data } = result;
    const byPair = new Map(data.requirements.map((r) => [`${r.occupation} ${r.competency}`, r]));
    const idOf = new Map(data.competencies.flatMap((c) => [c.label.en, ...(c.altLabels?.en ?? [])].map((l) => [`${c.kind} ${l.toLowerCase()}`, c.id] as const)));
    let checked = 0;
    for (const family of FAMILIES) {
      const { header, rows } = await raw(family.file);
      // Every 37th row and every column: spread over the file, including rows with damaged codes.
      for (let i = 0; i < rows.length; i += 37) {
        const row = rows[i]!;
        for (let c = 2; c < header.length; c++) {
          const rating = Number(row[c]);
          const competency = idOf.get(`${family.kind} ${header[c]!.replace(/\s+/g, ' ').trim().toLowerCase()}`);
          const requirement = byPair.get(`${fullCode(row[0]!)} ${competency}`);
          if (rating === 0) expect(requirement).toBeUndefined();
          else {
            const key = family.kind === 'attribute' ? 'importance' : 'level';
            expect(requirement).toMatchObject({ level: rating / family.max, importance: rating / family.max, source: { scale: 'oasis', [key]: rating } });
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('joins rows whose codes lost their decimals to the right profile', async () => {
    const { rows } = await raw('workactivities_oasis_2023_v1.0.csv');
    const damaged = rows.filter((r) => !/^\d{5}\.\d{2}$/.test(r[0]!));
    expect(damaged.length).toBeGreaterThan(0);
    const ids = new Set(result.data.requirements.map((r) => r.occupation));
    for (const row of damaged) expect(ids.has(fullCode(row[0]!))).toBe(true);
  });

  it('finds profiles by their example titles with OccupationLookup', async () => {
    const { rows } = await raw('example-titles_oasis_2023_v1.0.csv');
    const lookup = new OccupationLookup(result.data.occupations);
    for (let i = 0; i < rows.length; i += 997) {
      const [code, , , title] = rows[i]!;
      const matches = lookup.searchTitles(title!, 50);
      expect(matches.map((m) => m.occupation.id)).toContain(fullCode(code!));
    }
    const [code, , , title] = rows[0]!;
    expect(lookup.searchTitles(title!, 1)[0]).toMatchObject({ occupation: { id: code }, matchedTitle: title, preferred: false, score: 4 });
  });

  it('gives every profile requirements and passes the framework checks', () => {
    expect(() => parseFramework(result.data)).not.toThrow();
  });

  it('warns only about interests rows of unknown profiles, lower-case Holland codes and the untitled field path', async () => {
    const labels = new Set((await raw('labels_oasis_2023_v1.0.csv')).rows.map((r) => r[0]));
    const interests = (await raw('interests_oasis_2023_v1.0.csv')).rows;
    const unknown = interests.map((r, i) => [r[0]!, i + 2] as const).filter(([code]) => !labels.has(code));
    expect(unknown.length).toBeGreaterThan(0);
    const [code, line] = unknown[0]!;
    const lowerCase = interests.flatMap((r, i) => r.slice(2).filter((cell) => /^[a-z]$/.test(cell.trim())).map((cell) => [cell.trim(), i + 2] as const));
    expect(lowerCase).toHaveLength(228);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings[0]).toBe(
      `interests_oasis_2023_v1.0.csv: skipped ${unknown.length} row${unknown.length === 1 ? '' : 's'}: profile not in the labels file (first at line ${line}: ${code})`,
    );
    expect(result.warnings[1]).toBe(
      `interests_oasis_2023_v1.0.csv: 228 Holland codes in lower case (first at line ${lowerCase[0]![1]}: ${lowerCase[0]![0]}), which the guide does not explain; read as upper case`,
    );
    expect(result.warnings[2]).toMatch(/^OaSIS files do not title the NOC groups of the field path: \d+ groups/);
  });
});
