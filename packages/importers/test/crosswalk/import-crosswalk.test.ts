import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeworkError, parseFramework } from '@bridgework/core';
import { importFramework } from '../../src/index.ts';

const DATA = resolve(import.meta.dirname, '../../../../../shared/frameworks-data');
const present = existsSync(DATA);
if (!present) console.warn(`skipping crosswalk import tests on real files: ${DATA} not found`);

describe.skipIf(!present)('importFramework("crosswalk") on the real folders', () => {
  it('stores the NOC -> O*NET crosswalk as a framework version of its own, skipping the NOC 2016 concordance', async () => {
    const { data, warnings } = await importFramework('crosswalk', join(DATA, 'noc-onet-crosswalk'));
    expect(data.framework).toMatchObject({ id: 'noc-onet-crosswalk', version: 'noc2021_onet26', licence: { name: 'MIT License' } });
    expect(data.occupations).toEqual([]);
    expect(new Set(data.crosswalks.map((c) => c.fromOccupation)).size).toBe(515);
    expect(data.crosswalks.every((c) => c.fromFramework === 'noc' && c.toFramework === 'onet')).toBe(true);
    expect(warnings).toContain('noc_2021_2016.csv: not an occupation crosswalk layout this importer knows (noc,onet or concept_uri,onet_code); skipped');
    expect(() => parseFramework(data, { requireRequirements: false })).not.toThrow();
  });

  it('stores the ESCO -> O*NET crosswalk with Nesta\'s confidence', async () => {
    const { data } = await importFramework('crosswalk', join(DATA, 'onet-esco-crosswalk'));
    expect(data.framework).toMatchObject({ id: 'esco-onet-crosswalk', version: 'esco_onet_crosswalk_Nov2020' });
    expect(data.crosswalks).toHaveLength(1680);
    expect(new Set(data.crosswalks.map((c) => c.confidence))).toEqual(new Set([0.25, 0.5, 1]));
  });
});

describe('importFramework("crosswalk")', () => {
  it('reports a folder without crosswalk files', async () => {
    const dir = resolve(import.meta.dirname, '../fixtures/native/tiny');
    await expect(importFramework('crosswalk', dir)).rejects.toThrowError(BridgeworkError);
    await expect(importFramework('crosswalk', dir)).rejects.toThrowError(/no crosswalk file found/);
  });
});
