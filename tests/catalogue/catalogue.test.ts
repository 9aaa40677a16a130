// The Canadian catalogue as the service's default, over a real HTTP server: a physician trained
// abroad gets a ranking over the whole catalogue, with the regulation facts the data holds for
// Nova Scotia, Quebec and Ontario, and "not known" (never "not regulated") where it holds none,
// in English and French. Also: the shipped catalogue is what the generator makes from the files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DEFAULT_FRAMEWORK, BUNDLED_IMPORTS } from '@bridgework/service';
import { call, REPO, startTestServer, type TestServer } from '../api/helpers/server.ts';
import { textOf } from '../web/helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ defaultFramework: BUNDLED_DEFAULT_FRAMEWORK, imports: BUNDLED_IMPORTS });
}, 120_000);
afterAll(() => server.close());

const physicianAbroad = (province: string, extra: object = {}) => ({
  profile: { occupations: [{ occupation: 'physician', years: 8 }], internationallyEducated: true, province, ...extra },
  options: { top: 60 },
});

describe('the catalogue as the default framework', () => {
  it('is the default and lists fqr-canada beside it', async () => {
    const list = await call(server.url, 'GET', '/v1/frameworks');
    expect(list.status).toBe(200);
    expect(list.body.defaultFramework).toBe('canada');
    const ids = list.body.items.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['canada', 'fqr-canada']));
    const canada = await call(server.url, 'GET', '/v1/frameworks/canada');
    expect(canada.body.versions[0].version).toMatch(/^2023\.1\.0\+fqr\.\d{4}\.\d+\.\d+$/);
    expect(canada.body.versions[0].counts.occupations).toBe(915);
  });

  it('ranks a physician trained abroad in Nova Scotia over the whole catalogue, with sourced facts', async () => {
    const answer = await call(server.url, 'POST', '/v1/rank', physicianAbroad('NS'));
    expect(answer.status).toBe(200);
    const ranking = answer.body;
    expect(ranking.framework.id).toBe('canada');
    // Every rated occupation of the catalogue but the person's own.
    expect(ranking.considered).toBeGreaterThan(900);
    // The person's own occupation: regulated in Nova Scotia, by its college (a sourced fact).
    expect(ranking.source[0].occupation.id).toBe('physician');
    expect(ranking.source[0].flags).toMatchObject({ regulated: true, regulation: 'regulated', regulator: expect.stringMatching(/College of Physicians and Surgeons of Nova Scotia/) });
    // Alternatives come from outside the 88 curated occupations too (OaSIS profile ids).
    const ids: string[] = ranking.results.map((r: { occupation: { id: string } }) => r.occupation.id);
    expect(ids.some((id) => /^\d{5}\.\d{2}$/.test(id))).toBe(true);
    // OaSIS profiles the curated framework does not cover: unknown in Nova Scotia, not "not regulated".
    const profile = ranking.results.find((r: { occupation: { id: string } }) => /^\d{5}\.\d{2}$/.test(r.occupation.id));
    expect(profile.flags.regulation).toBe('unknown');
    expect(profile.flags.regulated).toBe(false);
    for (const r of ranking.results) {
      if (r.flags.regulation === 'not-regulated') {
        // Only where a fact says so for Nova Scotia.
        const occupation = await call(server.url, 'GET', `/v1/frameworks/canada/occupations/${encodeURIComponent(r.occupation.id)}`);
        expect(occupation.body.regulation.some((f: { jurisdiction: string; regulated: boolean }) => f.jurisdiction === 'NS' && !f.regulated)).toBe(true);
      }
    }
  });

  it('in Quebec, says the permit asks for French, and in Ontario names the college', async () => {
    const quebec = (await call(server.url, 'POST', '/v1/rank', physicianAbroad('QC'))).body;
    expect(quebec.source[0].flags).toMatchObject({ regulation: 'regulated', language: 'fr', regulator: expect.stringMatching(/Collège des médecins du Québec/) });
    const ontario = (await call(server.url, 'POST', '/v1/rank', physicianAbroad('ON'))).body;
    expect(ontario.source[0].flags).toMatchObject({ regulation: 'regulated', regulator: expect.stringMatching(/College of Physicians and Surgeons of Ontario/) });
    expect(ontario.source[0].flags.language).toBeUndefined();
    // A curated alternative keeps its curated facts: registered nurse in Ontario.
    const nurse = await call(server.url, 'POST', '/v1/rank', {
      profile: { occupations: [{ occupation: 'licensed-practical-nurse' }], province: 'ON' },
      options: { top: 40 },
    });
    const rn = nurse.body.results.find((r: { occupation: { id: string } }) => r.occupation.id === 'registered-nurse');
    expect(rn?.flags).toMatchObject({ regulation: 'regulated', regulator: expect.stringMatching(/College of Nurses of Ontario/), trainingMonths: 48 });
  });

  it('keeps occupations of unknown regulation when asked to leave out regulated ones, and counts them', async () => {
    const answer = await call(server.url, 'POST', '/v1/rank', physicianAbroad('NS', { preferences: { excludeRegulated: true } }));
    const ranking = answer.body;
    expect(ranking.excluded.regulated).toBeGreaterThan(0);
    expect(ranking.undecided.regulated).toBeGreaterThan(800);
    expect(ranking.results.every((r: { flags: { regulation: string } }) => r.flags.regulation !== 'regulated')).toBe(true);
  });

  it('says "not known for Nova Scotia" on the web pages, in English and French', async () => {
    const en = await fetch(`${server.url}/results?occupation=physician&abroad=1&province=NS`);
    expect(en.status).toBe(200);
    const english = textOf(await en.text());
    expect(english).toContain('Regulation not known for Nova Scotia');
    expect(english).not.toMatch(/Not regulated in Nova Scotia/);
    const fr = await fetch(`${server.url}/results?occupation=physician&abroad=1&province=NS&lang=fr`);
    const french = textOf(await fr.text());
    expect(french).toContain('Réglementation inconnue pour : Nouvelle-Écosse');
    expect(french).not.toMatch(/Non réglementée en Nouvelle-Écosse/);
    // The physician's own alternative page in Quebec: the French requirement and the fact's source.
    const alt = await fetch(`${server.url}/alternative/registered-nurse?occupation=physician&abroad=1&province=QC`);
    const page = textOf(await alt.text());
    expect(page).toContain('Permit asks for a working knowledge of French');
    expect(page).toMatch(/Source: .*checked \d{4}-\d{2}/);
  });
});

const DATA = join(REPO, '../shared/frameworks-data');
describe.skipIf(!existsSync(join(DATA, 'oasis-2023')))('the shipped catalogue', () => {
  it('is what the generator makes from the official files (regenerate with pnpm frameworks:canada)', async () => {
    const { buildCanadaCatalogue } = await import('@bridgework/importers/catalogue');
    const { importFramework } = await import('@bridgework/importers');
    const { readNocStructure } = await import('../../packages/importers/src/noc/structure-csv.ts');
    const oasis = await importFramework('oasis', join(DATA, 'oasis-2023'));
    const curated = await importFramework('native', join(REPO, 'frameworks/fqr-canada'));
    const structure = await readNocStructure(join(DATA, 'noc-2021-csv/noc_2021_version_1.0_-_classification_structure.csv'));
    const built = buildCanadaCatalogue({ oasis: oasis.data, curated: curated.data, nocTitles: new Map(structure.classes.map((c) => [c.code, c.title])) });
    const shipped = await importFramework('native', join(REPO, 'frameworks/canada'));
    const { importedAt: _a, ...builtMeta } = built.data.framework;
    const { importedAt: _b, ...shippedMeta } = shipped.data.framework;
    expect(shippedMeta).toEqual(builtMeta);
    expect(shipped.data.occupations).toEqual(built.data.occupations);
    expect(shipped.data.competencies).toEqual(built.data.competencies);
    expect(shipped.data.requirements).toEqual(built.data.requirements);
    expect(built.report).toMatchObject({ occupations: 915, curated: 88, profilesReplaced: 73, unmatched: [], contextCompetencies: 16 });
  }, 120_000);
});
