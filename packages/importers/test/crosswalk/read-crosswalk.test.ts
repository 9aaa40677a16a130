import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeworkError, Crosswalk } from '@bridgework/core';
import { readCrosswalk } from '../../src/crosswalk/index.ts';

const FIXTURES = new URL('../fixtures/crosswalk/', import.meta.url).pathname;
const NOC_ONET = join(FIXTURES, 'noc2021_onet26.csv');
const ESCO_ONET = join(FIXTURES, 'esco_onet_crosswalk_Nov2020.csv');
const NOC_HEADER = 'noc,noc_title,onet,onet_title';
const ESCO_HEADER = 'id,esco_occupation,isco_code,onet_code,onet_occupation,matching_job_titles,semantic_similarity,confidence,concept_uri';
const NURSE_URI = 'http://data.europa.eu/esco/occupation/11111111-2222-4333-8444-555555555555';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function csv(name: string, lines: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bw-crosswalk-'));
  dirs.push(dir);
  const path = join(dir, name);
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

async function errorOf(path: string, from = 'noc'): Promise<string> {
  try {
    await readCrosswalk(path, { fromFramework: from, toFramework: 'onet' });
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeworkError);
    expect((error as BridgeworkError).code).toBe('import.invalid_file');
    return (error as Error).message.split(dirname(path) + '/').join('');
  }
  throw new Error('expected the crosswalk to be rejected');
}

describe('readCrosswalk: NOC 2021 -> O*NET-SOC (The Dais)', () => {
  it('maps each unit group to its O*NET codes with confidence 1, restoring lost leading zeros', async () => {
    const { crosswalks, rowsRead } = await readCrosswalk(NOC_ONET, { fromFramework: 'noc', toFramework: 'onet' });
    expect(rowsRead).toEqual({ 'noc2021_onet26.csv': 6 });
    expect(crosswalks.map((c) => [c.fromOccupation, c.toOccupation, c.confidence])).toEqual([
      ['00010', '11-1031.00', 1],
      ['00011', '11-1011.00', 1],
      ['00011', '11-1011.03', 1],
      ['31301', '29-1141.00', 1],
      ['95109', '53-7199.00', 1],
    ]);
    expect(crosswalks[0]).toEqual({
      fromFramework: 'noc',
      fromOccupation: '00010',
      toFramework: 'onet',
      toOccupation: '11-1031.00',
      confidence: 1,
      source: 'NOC 2021 -> O*NET-SOC crosswalk, Brookfield Institute / The Dais (noc2021_onet26.csv, MIT)',
    });
    expect(crosswalks.every((c) => Crosswalk.safeParse(c).success)).toBe(true);
  });

  it('says which codes it padded and which repeated pairs it merged', async () => {
    const { warnings } = await readCrosswalk(NOC_ONET, { fromFramework: 'noc', toFramework: 'onet' });
    expect(warnings).toEqual([
      'noc2021_onet26.csv: restored the leading zeros of 3 NOC codes (first at line 2: 10 -> 00010)',
      'noc2021_onet26.csv: merged 1 repeated pair, keeping the highest confidence (first at line 6: 31301 -> 29-1141.00)',
    ]);
  });

  it('uses the framework ids and source it is given', async () => {
    const { crosswalks } = await readCrosswalk(NOC_ONET, { fromFramework: 'noc-2021', toFramework: 'onet-29', source: 'checked by hand' });
    expect(crosswalks[4]).toMatchObject({ fromFramework: 'noc-2021', toFramework: 'onet-29', source: 'checked by hand' });
  });

  it('reads a confidence column when the file has one', async () => {
    const path = await csv('noc.csv', [`${NOC_HEADER},confidence`, '10,Legislators,11-1031.00,Legislators,0.8']);
    const { crosswalks } = await readCrosswalk(path, { fromFramework: 'noc', toFramework: 'onet' });
    expect(crosswalks.map((c) => c.confidence)).toEqual([0.8]);
  });

  it('rejects a NOC code that is not digits', async () => {
    const path = await csv('noc.csv', [NOC_HEADER, 'ABC,Legislators,11-1031.00,Legislators']);
    expect(await errorOf(path)).toBe('noc.csv:2:1: expected a NOC 2021 unit group code (five digits, or fewer where leading zeros were lost), found "ABC"');
  });

  it('rejects a NOC code longer than a unit group', async () => {
    const path = await csv('noc.csv', [NOC_HEADER, '123456,Legislators,11-1031.00,Legislators']);
    expect(await errorOf(path)).toBe('noc.csv:2:1: expected a NOC 2021 unit group code (five digits, or fewer where leading zeros were lost), found "123456"');
  });

  it('rejects an O*NET code that is not an O*NET-SOC code', async () => {
    const path = await csv('noc.csv', [NOC_HEADER, '10,Legislators,11-1031,Legislators']);
    expect(await errorOf(path)).toBe('noc.csv:2:16: expected an O*NET-SOC code like 29-1141.00, found "11-1031"');
  });

  it('rejects a confidence outside 0-1', async () => {
    const path = await csv('noc.csv', [`${NOC_HEADER},confidence`, '10,Legislators,11-1031.00,Legislators,1.5']);
    expect(await errorOf(path)).toBe('noc.csv:2:39: expected a confidence between 0 and 1, found "1.5"');
  });

  it('rejects a row with the wrong number of fields', async () => {
    const path = await csv('noc.csv', [NOC_HEADER, '10,Legislators, senior,11-1031.00,Legislators']);
    expect(await errorOf(path)).toBe('noc.csv:2:24: expected 4 fields as in the header, found 5');
  });
});

describe('readCrosswalk: ESCO -> O*NET-SOC (Nesta)', () => {
  it('names ESCO occupations by their UUID and halves Nesta confidence 0.5 / 1 / 2', async () => {
    const { crosswalks, warnings, rowsRead } = await readCrosswalk(ESCO_ONET, { fromFramework: 'esco', toFramework: 'onet' });
    expect(warnings).toEqual([]);
    expect(rowsRead).toEqual({ 'esco_onet_crosswalk_Nov2020.csv': 3 });
    expect(crosswalks.map((c) => [c.fromOccupation, c.toOccupation, c.confidence])).toEqual([
      ['11111111-2222-4333-8444-555555555555', '11-1011.00', 0.5],
      ['22222222-3333-4444-8555-666666666666', '11-1031.00', 1],
      ['aaaa0000-1111-4222-8333-444455556666', '29-1141.00', 0.25],
    ]);
    expect(crosswalks[0]).toMatchObject({ fromFramework: 'esco', toFramework: 'onet', source: 'ESCO -> O*NET-SOC crosswalk, Nesta, November 2020 (esco_onet_crosswalk_Nov2020.csv, MIT)' });
  });

  it('rejects a confidence outside 0-2', async () => {
    const path = await csv('nesta.csv', [ESCO_HEADER, `1,secretary of state,1111,11-1011.00,chief executives,['secretary of state'],0.81,3.0,${NURSE_URI}`]);
    expect(await errorOf(path, 'esco')).toBe('nesta.csv:2:83: expected a confidence between 0 and 2 (Nesta uses 0.5, 1 and 2), found "3.0"');
  });

  it('rejects a concept URI that is not an ESCO occupation', async () => {
    const uri = NURSE_URI.replace('/occupation/', '/skill/');
    const path = await csv('nesta.csv', [ESCO_HEADER, `1,secretary of state,1111,11-1011.00,chief executives,['secretary of state'],0.81,1.0,${uri}`]);
    expect(await errorOf(path, 'esco')).toBe(`nesta.csv:2:87: expected an ESCO occupation URI (http://data.europa.eu/esco/occupation/<uuid>), found "${uri}"`);
  });

  it('rejects a missing O*NET code', async () => {
    const path = await csv('nesta.csv', [ESCO_HEADER, `1,secretary of state,1111,,chief executives,['secretary of state'],0.81,1.0,${NURSE_URI}`]);
    expect(await errorOf(path, 'esco')).toBe('nesta.csv:2:27: expected an O*NET-SOC code like 29-1141.00, found an empty field');
  });
});

describe('readCrosswalk: input', () => {
  it('names the layouts it knows when the header is neither', async () => {
    const path = await csv('other.csv', ['from,to', 'a,b']);
    expect(await errorOf(path)).toBe(
      'other.csv:1: unknown crosswalk layout: expected the columns noc, onet (NOC 2021 -> O*NET-SOC) or concept_uri, onet_code, confidence (ESCO -> O*NET-SOC); found "from", "to"',
    );
  });

  it('wants a file', async () => {
    await expect(readCrosswalk(FIXTURES, { fromFramework: 'noc', toFramework: 'onet' })).rejects.toMatchObject({ code: 'import.missing_file' });
  });

  it('wants framework ids', async () => {
    await expect(readCrosswalk(NOC_ONET, { fromFramework: 'N O C', toFramework: 'onet' })).rejects.toMatchObject({
      code: 'import.failed',
      message: 'fromFramework must be a framework id, got "N O C"',
    });
  });

  it('reports progress in bytes', async () => {
    const seen: [number, number | undefined][] = [];
    await readCrosswalk(NOC_ONET, { fromFramework: 'noc', toFramework: 'onet', onProgress: (p) => seen.push([p.done, p.total]) });
    expect(seen[0]![0]).toBe(0);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
  });
});
