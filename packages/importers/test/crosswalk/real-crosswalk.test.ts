// The published crosswalks (../shared/frameworks-data): counts checked against the raw rows, and
// both sides checked against the real frameworks they join where those are there too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCrosswalk } from '../../src/crosswalk/index.ts';
import { importNoc } from '../../src/noc/index.ts';
import { readDelimited } from '../../src/text/delimited-reader.ts';
import { realFolder } from '../noc/frameworks-data.ts';

const nocOnetDir = realFolder('noc-onet-crosswalk', 'NOC 2021 -> O*NET crosswalk (real data)');
const escoOnetDir = realFolder('onet-esco-crosswalk', 'ESCO -> O*NET crosswalk (real data)');
const nocDir = realFolder('noc-2021-csv', 'crosswalk NOC side check (real data)');
const onetDir = realFolder('onet-29', 'crosswalk O*NET side check (real data)');
const escoDir = realFolder('esco-1.1.1', 'crosswalk ESCO side check (real data)');

/** Rows of a raw file as records keyed by header name. */
async function rawRows(path: string, delimiter: ',' | '\t' = ','): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  let header: string[] | undefined;
  for await (const { fields } of readDelimited(path, { delimiter, quote: delimiter === ',' ? '"' : null })) {
    if (!header) header = fields;
    else rows.push(Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ''])));
  }
  return rows;
}

async function onetCodes(): Promise<Set<string>> {
  return new Set((await rawRows(join(onetDir!, 'Occupation Data.txt'), '\t')).map((r) => r['O*NET-SOC Code']!));
}

describe.skipIf(!nocOnetDir)('readCrosswalk on noc2021_onet26.csv', () => {
  const path = join(nocOnetDir ?? '', 'noc2021_onet26.csv');

  it('gives one crosswalk per distinct pair, unit groups zero-padded to five digits', async () => {
    const raw = await rawRows(path);
    const { crosswalks, rowsRead, warnings } = await readCrosswalk(path, { fromFramework: 'noc', toFramework: 'onet' });
    expect(rowsRead).toEqual({ 'noc2021_onet26.csv': raw.length });
    const pairs = new Set(raw.map((r) => `${r.noc!.padStart(5, '0')} ${r.onet}`));
    expect(crosswalks.map((c) => `${c.fromOccupation} ${c.toOccupation}`).sort()).toEqual([...pairs].sort());
    expect(new Set(crosswalks.map((c) => c.fromOccupation)).size).toBe(new Set(raw.map((r) => r.noc)).size);
    expect(new Set(crosswalks.map((c) => c.toOccupation)).size).toBe(new Set(raw.map((r) => r.onet)).size);
    expect(crosswalks.every((c) => c.confidence === 1 && /^\d{5}$/.test(c.fromOccupation))).toBe(true);
    const short = raw.filter((r) => r.noc!.length < 5).length;
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^noc2021_onet26\\.csv: restored the leading zeros of ${short} NOC codes`)),
      expect.stringMatching(new RegExp(`^noc2021_onet26\\.csv: merged ${raw.length - pairs.size} repeated pairs`)),
    ]);
  });

  it.skipIf(!nocDir)('points at unit groups of the NOC import', async () => {
    const { crosswalks } = await readCrosswalk(path, { fromFramework: 'noc', toFramework: 'onet' });
    const units = new Set((await importNoc(nocDir!)).data.occupations.map((o) => o.id));
    expect(crosswalks.filter((c) => !units.has(c.fromOccupation))).toEqual([]);
  });

  it.skipIf(!onetDir)('points at O*NET-SOC codes of O*NET 29', async () => {
    const { crosswalks } = await readCrosswalk(path, { fromFramework: 'noc', toFramework: 'onet' });
    const codes = await onetCodes();
    expect(crosswalks.filter((c) => !codes.has(c.toOccupation))).toEqual([]);
  });
});

describe.skipIf(!escoOnetDir)('readCrosswalk on esco_onet_crosswalk_Nov2020.csv', () => {
  const path = join(escoOnetDir ?? '', 'esco_onet_crosswalk_Nov2020.csv');

  it('gives one crosswalk per ESCO occupation, named by UUID, with confidence halved', async () => {
    const raw = await rawRows(path);
    const { crosswalks, rowsRead, warnings } = await readCrosswalk(path, { fromFramework: 'esco', toFramework: 'onet' });
    expect(warnings).toEqual([]);
    expect(rowsRead).toEqual({ 'esco_onet_crosswalk_Nov2020.csv': raw.length });
    expect(crosswalks.map((c) => [c.fromOccupation, c.toOccupation, c.confidence])).toEqual(
      raw.map((r) => [r.concept_uri!.split('/').at(-1)!.toLowerCase(), r.onet_code, Number(r.confidence) / 2]),
    );
    expect(new Set(crosswalks.map((c) => c.fromOccupation)).size).toBe(raw.length);
  });

  it.skipIf(!escoDir)('names ESCO occupations as the ESCO import does (the concept URI\'s UUID)', async () => {
    const raw = await rawRows(path);
    const escoUris = new Set((await rawRows(join(escoDir!, 'occupations_en.csv'))).map((r) => r.conceptUri!));
    const escoIds = new Set([...escoUris].map((uri) => uri.split('/').at(-1)!.toLowerCase()));
    const { crosswalks } = await readCrosswalk(path, { fromFramework: 'esco', toFramework: 'onet' });
    const found = crosswalks.filter((c) => escoIds.has(c.fromOccupation)).length;
    expect(found).toBe(raw.filter((r) => escoUris.has(r.concept_uri!)).length);
    expect(found).toBeGreaterThan(0.99 * raw.length);
  });
});
