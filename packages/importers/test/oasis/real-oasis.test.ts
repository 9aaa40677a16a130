// OaSIS 2023 v1.0 as published (../shared/frameworks-data/oasis-2023): counts and values checked
// against the raw cells, read here with the plain CSV reader, not through the importer.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OccupationLookup, parseFramework, type CompetencyKind } from '@bridgework/core';
import type { ImportResult } from '../../src/import-result.ts';
import { importOasis } from '../../src/oasis/index.ts';
import { readDelimited } from '../../src/text/delimited-reader.ts';
import { realFolder } from '../noc/frameworks-data.ts';

const dir = realFolder('oasis-2023', 'OaSIS 2023 (real data)');
const noc = realFolder('noc-2021', 'OaSIS 2023 TEER against NOC 2021 (real data)');

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
    // OaSIS states employment requirements as text only: no entry (education, training months) is made up.
    expect(data.occupations.filter((o) => o.entry !== undefined)).toEqual([]);
  });

  it.skipIf(!noc)('gives every profile the TEER NOC 2021 gives its unit group', async () => {
    const units = JSON.parse(await readFile(join(noc!, 'noc-2021-unit-groups.json'), 'utf8')) as { nocs: { noc_code: string; teer: { level: number } }[] };
    const teer = new Map(units.nocs.map((u) => [u.noc_code, u.teer.level]));
    expect(teer.size).toBe(516);
    const wrong = result.data.occupations.filter((o) => teer.get(o.codes.noc!) !== o.codes.teer);
    expect(wrong).toEqual([]);
    expect(result.data.occupations.find((o) => o.id === '31301.01')!.codes).toEqual({ oasis: '31301.01', noc: '31301', teer: 1 });
    expect(result.data.occupations.find((o) => o.id === '00010.00')!.codes).toEqual({ oasis: '00010.00', noc: '00010', teer: 0 });
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

  it('makes one work-context competency per column (66), the ten descriptors rated on two scales once per scale', async () => {
    const { header } = await raw('workcontext_oasis_2023_v1.0.csv');
    const workContext = result.data.competencies.filter((c) => c.kind === 'work-context');
    expect(header.length - 2).toBe(66);
    expect(workContext).toHaveLength(66);
    expect(workContext.every((c) => c.externalId === c.id.slice(0, 6) && /^J\d{2}[a-z]\d{2}(-frequency|-importance|-duration)?$/.test(c.id))).toBe(true);
    // The numbered headers (`Time Pressure2` ... `Work With Work Group or Team11`) are the second scales.
    const numbered = header.filter((h) => /\d$/.test(h.trim()));
    expect(numbered).toHaveLength(10);
    expect(workContext.filter((c) => c.id.length > 6).map((c) => c.id)).toEqual([
      'J01c02-frequency', 'J01c02-importance',
      'J02b01-frequency', 'J02b01-duration',
      'J02b02-frequency', 'J02b02-duration',
      'J02b03-frequency', 'J02b03-duration',
      'J02b04-frequency', 'J02b04-duration',
      'J02b05-frequency', 'J02b05-duration',
      'J02b06-frequency', 'J02b06-duration',
      'J02c04-frequency', 'J02c04-duration',
      'J04a02-frequency', 'J04a02-duration',
      'J04a05-frequency', 'J04a05-importance',
    ]);
    expect(workContext.find((c) => c.id === 'J01c03')).toMatchObject({ label: { en: 'Type of Work Schedules' }, altLabels: { en: ['Work Schedule'] } });
  });

  it('makes one work-context requirement per non-zero cell (46,838), on 1-3 for three descriptors and 1-5 for the rest', async () => {
    const { rows } = await raw('workcontext_oasis_2023_v1.0.csv');
    const rated = rows.reduce((n, row) => n + row.slice(2).filter((cell) => cell.trim() !== '0').length, 0);
    expect(rated).toBe(46_838);
    const requirements = result.data.requirements.filter((r) => r.competency.startsWith('J'));
    expect(requirements).toHaveLength(rated);
    const max = new Map<string, Set<number>>();
    for (const r of requirements) {
      expect(r).toMatchObject({ importance: r.level, essential: false, source: { scale: 'oasis' } });
      const scale = Math.round(r.source!.level! / r.level);
      max.set(r.competency, (max.get(r.competency) ?? new Set()).add(scale));
    }
    expect([...max].filter(([, scales]) => scales.has(3)).map(([id, scales]) => [id, [...scales]])).toEqual([
      ['J01b01', [3]],
      ['J01c03', [3]],
      ['J01c04', [3]],
    ]);
    expect([...max.values()].filter((scales) => scales.has(5))).toHaveLength(63);
  });

  it('keeps every work-context cell as the raw level, cell by cell', async () => {
    const { header, rows } = await raw('workcontext_oasis_2023_v1.0.csv');
    const ids = result.data.competencies.filter((c) => c.kind === 'work-context').map((c) => c.id);
    const byPair = new Map(result.data.requirements.map((r) => [`${r.occupation} ${r.competency}`, r]));
    let checked = 0;
    for (let i = 0; i < rows.length; i += 37) {
      for (let c = 2; c < header.length; c++) {
        const rating = Number(rows[i]![c]);
        const requirement = byPair.get(`${rows[i]![0]} ${ids[c - 2]}`);
        if (rating === 0) expect(requirement).toBeUndefined();
        else expect(requirement?.source).toEqual({ scale: 'oasis', level: rating });
        checked++;
      }
    }
    expect(checked).toBe(25 * 66);
  });

  it('gives spot profiles the work context their row publishes', () => {
    const value = (occupation: string, competency: string) => {
      const r = result.data.requirements.find((q) => q.occupation === occupation && q.competency === competency);
      return r && [r.level, r.source!.level];
    };
    // General duty registered nurses: Automation 1 (of 3), Time Pressure 4 and 5, Work Schedule 1 (of 3),
    // Work Week Duration 2 (of 3), Sound and Noise 3 and 2, Climbing 0.
    expect(value('31301.01', 'J01b01')).toEqual([1 / 3, 1]);
    expect(value('31301.01', 'J01c02-frequency')).toEqual([4 / 5, 4]);
    expect(value('31301.01', 'J01c02-importance')).toEqual([5 / 5, 5]);
    expect(value('31301.01', 'J01c03')).toEqual([1 / 3, 1]);
    expect(value('31301.01', 'J01c04')).toEqual([2 / 3, 2]);
    expect(value('31301.01', 'J02c04-frequency')).toEqual([3 / 5, 3]);
    expect(value('31301.01', 'J02c04-duration')).toEqual([2 / 5, 2]);
    expect(value('31301.01', 'J03a02')).toBeUndefined();
    // Construction trades helpers and labourers: Outside, Exposed to Weather 4 and 4, Climbing 2,
    // Hazardous Equipment, Machinery, Tools 3 (a descriptor whose scale the guide does not state).
    expect(value('75110.00', 'J02b05-frequency')).toEqual([4 / 5, 4]);
    expect(value('75110.00', 'J02b05-duration')).toEqual([4 / 5, 4]);
    expect(value('75110.00', 'J03a02')).toEqual([2 / 5, 2]);
    expect(value('75110.00', 'J02a05')).toEqual([3 / 5, 3]);
    // Software engineers and designers: Sitting 4, outside 0, Contact With Others 4 and 3.
    expect(value('21231.00', 'J03a09')).toEqual([4 / 5, 4]);
    expect(value('21231.00', 'J02b05-frequency')).toBeUndefined();
    expect(value('21231.00', 'J04a02-frequency')).toEqual([4 / 5, 4]);
    expect(value('21231.00', 'J04a02-duration')).toEqual([3 / 5, 3]);
  });

  it('makes the six Holland types competencies and up to three interest requirements per profile, 1, 2/3, 1/3 by position', async () => {
    const { rows } = await raw('interests_oasis_2023_v1.0.csv');
    const interests = result.data.competencies.filter((c) => c.kind === 'interest');
    expect(interests.map((c) => [c.id, c.label.en, c.group])).toEqual([
      ['C01a01', 'Realistic', 'C01a'],
      ['C01a02', 'Investigative', 'C01a'],
      ['C01a03', 'Artistic', 'C01a'],
      ['C01a04', 'Social', 'C01a'],
      ['C01a05', 'Enterprising', 'C01a'],
      ['C01a06', 'Conventional', 'C01a'],
    ]);
    const requirements = result.data.requirements.filter((r) => r.competency.startsWith('C01a'));
    const perProfile = new Map<string, string[]>();
    for (const r of requirements) perProfile.set(r.occupation, [...(perProfile.get(r.occupation) ?? []), r.competency]);
    // 900 rows, but one (14404.01 Dispatchers) names no labelled profile: 14404.00 Dispatchers has none.
    expect(rows).toHaveLength(900);
    expect(perProfile.size).toBe(899);
    expect(perProfile.has('14404.00')).toBe(false);
    expect([...perProfile.values()].every((ids) => ids.length >= 1 && ids.length <= 3)).toBe(true);
    const letters = rows.filter((r) => r[0] !== '14404.01').reduce((n, r) => n + r.slice(2).filter((cell) => cell.trim() !== '').length, 0);
    expect(requirements).toHaveLength(letters);
    expect(letters).toBe(2_517);
    const of = (occupation: string) => requirements.filter((r) => r.occupation === occupation).map((r) => [r.competency, r.level, r.importance, r.source]);
    const at = (position: number) => ({ scale: 'oasis', level: position });
    // Rows 257, 744, 52 and 4 of the file: S,I,C; R,c; C alone; E,C,i.
    expect(of('31301.01')).toEqual([['C01a04', 1, 1, at(1)], ['C01a02', 2 / 3, 2 / 3, at(2)], ['C01a06', 1 / 3, 1 / 3, at(3)]]);
    expect(of('75110.00')).toEqual([['C01a01', 1, 1, at(1)], ['C01a06', 2 / 3, 2 / 3, at(2)]]);
    expect(of('12112.00')).toEqual([['C01a06', 1, 1, at(1)]]);
    expect(of('00012.00')).toEqual([['C01a05', 1, 1, at(1)], ['C01a06', 2 / 3, 2 / 3, at(2)], ['C01a02', 1 / 3, 1 / 3, at(3)]]);
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
