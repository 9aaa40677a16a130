import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeworkError } from '@bridgework/core';
import { importNative, requirementsCsvText } from '../../src/index.ts';

const TINY = new URL('../fixtures/native/tiny/', import.meta.url).pathname;
const dirs: string[] = [];

/** A copy of the tiny framework with one file's text replaced. */
async function brokenCopy(file: string, from: string | RegExp, to: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bw-native-'));
  dirs.push(dir);
  await cp(TINY, dir, { recursive: true });
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  await writeFile(path, changed);
  return dir;
}

async function errorsOf(dir: string): Promise<string[]> {
  try {
    await importNative(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeworkError);
    const e = error as BridgeworkError;
    expect(e.code).toBe('framework.invalid');
    return e.details.map((d) => `${d.where!.slice(dir.length + 1)}: ${d.message}`);
  }
  throw new Error('expected the framework to be rejected');
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('importNative', () => {
  it('loads a valid folder into the core model', async () => {
    const { data, warnings } = await importNative(TINY);
    expect(warnings).toEqual([]);
    expect(data.framework).toMatchObject({ id: 'tiny', version: '1.0.0', locales: ['en', 'fr'] });
    expect(data.occupations.map((o) => o.id)).toEqual(['nurse', 'aide']);
    expect(data.requirements).toHaveLength(4);
    expect(data.requirements[0]).toEqual({ occupation: 'nurse', competency: 'assessment', importance: 0.9, level: 0.8, essential: true });
    expect(data.requirements[1]!.essential).toBe(false);
    expect(data.competencyGroups.find((g) => g.id === 'care-clinical')!.parent).toBe('care');
    expect(data.relations).toEqual([{ from: 'assessment', to: 'daily-living', type: 'related', weight: 0.3 }]);
    expect(data.occupations[0]!.alternateTitles!.fr).toEqual(['infirmier']);
  });

  it('reports a level above 1 with file, line and field', async () => {
    const dir = await brokenCopy('requirements.yaml', 'level: 0.5 }', 'level: 1.4 }');
    expect(await errorsOf(dir)).toEqual(['requirements.yaml:9: level must be between 0 and 1, got 1.4']);
  });

  it('reports an unknown competency at the line of the reference', async () => {
    const dir = await brokenCopy('requirements.yaml', 'competency: daily-living', 'competency: daily-livin');
    expect(await errorsOf(dir)).toEqual(['requirements.yaml:8: unknown competency "daily-livin"']);
  });

  it('reports an unknown occupation at the block that names it', async () => {
    const dir = await brokenCopy('requirements.yaml', 'occupation: aide', 'occupation: aid');
    expect(await errorsOf(dir)).toEqual([
      'occupations.yaml:11: occupation "aide" has no requirements',
      'requirements.yaml:6: unknown occupation "aid"',
      'requirements.yaml:6: unknown occupation "aid"',
    ]);
  });

  it('reports duplicate ids with the first definition', async () => {
    const dir = await brokenCopy('occupations.yaml', '  - id: aide', '  - id: nurse');
    expect(await errorsOf(dir)).toContain('occupations.yaml:11: duplicate occupation id "nurse" (first defined at item 1)');
  });

  it('reports an occupation without requirements', async () => {
    const dir = await brokenCopy(
      'occupations.yaml',
      '  - id: aide',
      '  - id: orphan\n    title: { en: Orphan }\n  - id: aide',
    );
    expect(await errorsOf(dir)).toEqual(['occupations.yaml:11: occupation "orphan" has no requirements']);
  });

  it('reports a missing required field and an unknown field', async () => {
    const dir = await brokenCopy('competencies.yaml', 'kind: skill, group: transversal', 'kinds: skill, group: transversal');
    expect(await errorsOf(dir)).toEqual([
      'competencies.yaml:8: kind is required (one of "skill", "knowledge", "ability", "work-activity", "attribute", "language", "interest", "work-context")',
      'competencies.yaml:8: unknown field "kinds"',
    ]);
  });

  it('reports a value outside an enumeration', async () => {
    const dir = await brokenCopy('competencies.yaml', 'reuse: transversal', 'reuse: everywhere');
    expect(await errorsOf(dir)).toEqual([
      'competencies.yaml:8: reuse must be one of "transversal", "cross-sector", "sector-specific", "occupation-specific", got "everywhere"',
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const dir = await brokenCopy('occupations.yaml', 'entry: { trainingMonths: 48 }', 'entry: { trainingMonths: 48');
    const errors = await errorsOf(dir);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^occupations\.yaml:1\d: /);
  });

  it('reports duplicate keys, which YAML would otherwise silently overwrite', async () => {
    const dir = await brokenCopy('framework.yaml', 'version: 1.0.0', 'version: 1.0.0\nversion: 2.0.0');
    expect(await errorsOf(dir)).toEqual(['framework.yaml:4: Map keys must be unique']);
  });

  it('reports a cycle in the group hierarchy', async () => {
    const dir = await brokenCopy('competencies.yaml', '{ id: care, label', '{ id: care, parent: care-clinical, label');
    expect(await errorsOf(dir)).toEqual([
      'competencies.yaml:2: competency group "care" is its own ancestor',
      'competencies.yaml:3: competency group "care-clinical" is its own ancestor',
    ]);
  });

  it('reports a missing required file and accepts a missing optional one', async () => {
    const dir = await brokenCopy('framework.yaml', 'version: 1.0.0', 'version: 1.0.1');
    await rm(join(dir, 'relations.yaml'));
    const { data } = await importNative(dir);
    expect(data.relations).toEqual([]);
    await rm(join(dir, 'occupations.yaml'));
    expect(await errorsOf(dir)).toEqual(['missing required file occupations.yaml'].map((m) => `occupations.yaml: ${m}`));
  });

  it('reports every schema error of every file in one pass', async () => {
    const dir = await brokenCopy('requirements.yaml', 'importance: 0.9, level: 0.8', 'importance: 2, level: -1');
    await writeFile(join(dir, 'relations.yaml'), 'relations:\n  - { from: assessment, to: daily-living, type: similar }\n');
    expect(await errorsOf(dir)).toEqual([
      'relations.yaml:2: type must be one of "broader", "related", got "similar"',
      'requirements.yaml:4: importance must be between 0 and 1, got 2',
      'requirements.yaml:4: level must be between 0 and 1, got -1',
    ]);
  });

  it('reports every reference error in one pass once the schemas pass', async () => {
    const dir = await brokenCopy('requirements.yaml', 'competency: assessment', 'competency: assesment');
    await writeFile(join(dir, 'relations.yaml'), 'relations:\n  - { from: assessment, to: nowhere, type: related }\n');
    expect(await errorsOf(dir)).toEqual([
      'relations.yaml:2: unknown competency "nowhere"',
      'requirements.yaml:4: unknown competency "assesment"',
    ]);
  });
  describe('requirements.csv', () => {
    /** The tiny framework with its requirements as requirements.csv (written by requirementsCsvText). */
    async function csvCopy(edit: (text: string) => string = (t) => t): Promise<{ dir: string; yaml: Awaited<ReturnType<typeof importNative>> }> {
      const yaml = await importNative(TINY);
      const dir = await mkdtemp(join(tmpdir(), 'bw-native-csv-'));
      dirs.push(dir);
      await cp(TINY, dir, { recursive: true });
      await rm(join(dir, 'requirements.yaml'));
      await writeFile(join(dir, 'requirements.csv'), edit(requirementsCsvText(yaml.data.requirements)));
      return { dir, yaml };
    }

    it('reads the same requirements as the YAML file', async () => {
      const { dir, yaml } = await csvCopy();
      const csv = await importNative(dir);
      expect(csv.data.requirements).toEqual(yaml.data.requirements);
      expect(csv.rowsRead['requirements.csv']).toBe(yaml.data.requirements.length);
    });

    it('names the line of a bad value and of an unknown competency', async () => {
      const { dir } = await csvCopy((t) => t.replace('nurse,assessment,0.9,0.8,true', 'nurse,assessment,1.9,0.8,true').replace('aide,daily-living', 'aide,daily-livng'));
      expect(await errorsOf(dir)).toEqual(['requirements.csv:2: importance must be between 0 and 1, got 1.9']);
      const second = await csvCopy((t) => t.replace('aide,daily-living', 'aide,daily-livng'));
      expect(await errorsOf(second.dir)).toEqual(['requirements.csv:4: unknown competency "daily-livng"']);
    });

    it('refuses a framework with both requirements files', async () => {
      const { dir } = await csvCopy();
      await cp(join(TINY, 'requirements.yaml'), join(dir, 'requirements.yaml'));
      expect(await errorsOf(dir)).toEqual(['requirements.csv: both requirements.yaml and requirements.csv: keep one']);
    });
  });
});
