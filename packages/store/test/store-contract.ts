// The behaviour every BridgeworkStore driver must have. A driver's test file calls
// describeStoreContract once per configuration (SQLite on a file, SQLite in memory, PostgreSQL); driver-specific checks (pragmas, files, crashes) live in the driver's own tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeworkError, type FrameworkData, type ProfileInput } from '@bridgework/core';
import type { BridgeworkStore, FrameworkVersionSummary } from '../src/index.ts';
import { fullTinyFramework, minimalFramework } from './fixtures/tiny-frameworks.ts';
import { generateFullFramework } from './generate-full-framework.ts';

export interface StoreUnderTest {
  /** A new connection to this test's store; after close, a persistent store opens the same data. */
  open(options: { now: () => Date }): BridgeworkStore | Promise<BridgeworkStore>;
  /** Whether a second open() sees what the first wrote (false for in-memory stores). */
  persistent: boolean;
  dispose(): void | Promise<void>;
}

/** A clock the test sets: every time the store asks, it gets `current`. */
export class TestClock {
  current = '2025-01-01T00:00:00.000Z';
  readonly now = (): Date => new Date(this.current);
  at(iso: string): this {
    this.current = iso;
    return this;
  }
}

/** What loading gives back for `data` saved at `importedAt`. */
export function asStored(data: FrameworkData, importedAt: string): FrameworkData {
  return { ...data, framework: { ...data.framework, importedAt } };
}

export async function expectError(promise: Promise<unknown>, code: string): Promise<BridgeworkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BridgeworkError);
  expect((error as BridgeworkError).code).toBe(code);
  return error as BridgeworkError;
}

/** Who the contract's profile calls are made for: the organization every store has. */
export const SCOPE = { organization: 'default', actor: 'key_contract', requestId: 'req-contract' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const TINY_SUMMARY = {
  id: 'tiny',
  name: 'Tiny care framework',
  version: '2024.1',
  description: 'Two care occupations for tests.',
  source: { kind: 'native', publisher: 'Bridgework', release: '2024-06', url: 'https://example.org/tiny' },
  licence: { name: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/', attribution: '© Bridgework contributors' },
  locales: ['en', 'fr'],
  importedAt: '2025-02-03T04:05:06.789Z',
  counts: { occupations: 2, competencyGroups: 2, competencies: 3, requirements: 5, relations: 2, occupationLinks: 2, crosswalks: 2 },
} satisfies FrameworkVersionSummary;

export function describeStoreContract(name: string, makeStore: () => StoreUnderTest | Promise<StoreUnderTest>): void {
  describe(`BridgeworkStore contract: ${name}`, () => {
    let target: StoreUnderTest;
    let clock: TestClock;
    let store: BridgeworkStore;

    beforeEach(async () => {
      target = await makeStore();
      clock = new TestClock();
      store = await target.open({ now: clock.now });
    });

    afterEach(async () => {
      await store.close();
      await target.dispose();
    });

    async function reopen(): Promise<void> {
      await store.close();
      store = await target.open({ now: clock.now });
    }

    describe('framework versions', () => {
      it('starts empty', async () => {
        expect(await store.listFrameworks()).toEqual([]);
        expect(await store.getFramework('tiny')).toBeUndefined();
      });

      it('returns the summary of a saved version: metadata, counts and import time', async () => {
        clock.at('2025-02-03T04:05:06.789Z');
        expect(await store.saveFramework(fullTinyFramework())).toStrictEqual(TINY_SUMMARY);
        expect(await store.listFrameworks()).toStrictEqual([TINY_SUMMARY]);
        expect(await store.getFramework('tiny')).toStrictEqual({ id: 'tiny', versions: [TINY_SUMMARY] });
      });

      it('loads back exactly what was saved, with every optional field present', async () => {
        const data = fullTinyFramework();
        clock.at('2025-02-03T04:05:06.789Z');
        await store.saveFramework(data);
        const loaded = await store.loadFramework('tiny', '2024.1');
        expect(loaded).toStrictEqual(asStored(data, '2025-02-03T04:05:06.789Z'));
        // Spot checks of what a lossy mapping would break first.
        expect(loaded.occupations[0]!.regulation[1]).toStrictEqual({ jurisdiction: 'QC', regulated: true, regulator: 'Ordre des infirmières et infirmiers du Québec' });
        expect(loaded.requirements[4]!.level).toBe(0.30000000000000004);
        expect(loaded.requirements[0]!.source).toStrictEqual({ scale: 'onet', importance: 4.6, level: 5.62 });
        expect(loaded.crosswalks[1]!.confidence).toBe(1);
      });

      it('loads back exactly what was saved, with every optional field absent', async () => {
        const data = minimalFramework();
        clock.at('2025-02-03T00:00:00.000Z');
        const summary = await store.saveFramework(data);
        expect(summary.description).toBeUndefined();
        expect('description' in summary).toBe(false);
        const loaded = await store.loadFramework('minimal');
        expect(loaded).toStrictEqual(asStored(data, '2025-02-03T00:00:00.000Z'));
        expect(Object.keys(loaded.occupations[0]!).sort()).toEqual(['codes', 'fieldPath', 'id', 'regulation', 'title']);
        expect(Object.keys(loaded.requirements[0]!).sort()).toEqual(['competency', 'essential', 'importance', 'level', 'occupation']);
        expect(Object.keys(loaded.framework).sort()).toEqual(['id', 'importedAt', 'licence', 'locales', 'name', 'source', 'version']);
      });

      it('loads back a generated framework of 2,525 records unchanged', async () => {
        const data = generateFullFramework({
          occupations: 40,
          competencies: 300,
          requirements: 2_000,
          competencyGroups: 25,
          relations: 300,
          occupationLinks: 80,
          crosswalks: 80,
        });
        await store.saveFramework(data);
        expect(await store.loadFramework('generated')).toStrictEqual(asStored(data, clock.current));
      });

      it('stamps the time of the save as importedAt, whatever the data said', async () => {
        const data = minimalFramework();
        data.framework.importedAt = '2020-01-01T00:00:00.000Z';
        clock.at('2025-04-04T04:04:04.004Z');
        expect((await store.saveFramework(data)).importedAt).toBe('2025-04-04T04:04:04.004Z');
        expect((await store.loadFramework('minimal')).framework.importedAt).toBe('2025-04-04T04:04:04.004Z');
      });

      it('refuses to save a stored (id, version) again and keeps the stored one', async () => {
        const original = fullTinyFramework();
        await store.saveFramework(original);
        const changed = fullTinyFramework();
        changed.framework.name = 'Changed';
        clock.at('2025-06-01T00:00:00.000Z');
        const error = await expectError(store.saveFramework(changed), 'framework.version_exists');
        expect(error.message).toBe(
          'framework "tiny" version "2024.1" is already stored; versions are immutable: give the import a new version, or replace it explicitly',
        );
        expect(await store.loadFramework('tiny')).toStrictEqual(asStored(original, '2025-01-01T00:00:00.000Z'));
      });

      it('replaces a stored version when asked to', async () => {
        await store.saveFramework(fullTinyFramework());
        const changed = fullTinyFramework();
        changed.framework.name = 'Changed';
        changed.requirements.pop();
        clock.at('2025-06-01T00:00:00.000Z');
        const summary = await store.saveFramework(changed, { replace: true });
        expect(summary).toMatchObject({ name: 'Changed', importedAt: '2025-06-01T00:00:00.000Z', counts: { requirements: 4 } });
        expect(await store.listFrameworks()).toStrictEqual([summary]);
        expect(await store.loadFramework('tiny', '2024.1')).toStrictEqual(asStored(changed, '2025-06-01T00:00:00.000Z'));
      });

      it('stamps a replace later than the version it replaces, even when the clock has not moved', async () => {
        clock.at('2025-06-01T00:00:00.000Z');
        const first = await store.saveFramework(fullTinyFramework());
        const second = await store.saveFramework(fullTinyFramework(), { replace: true });
        expect([first.importedAt, second.importedAt]).toEqual(['2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.001Z']);
        clock.at('2025-05-01T00:00:00.000Z');
        expect((await store.saveFramework(fullTinyFramework(), { replace: true })).importedAt).toBe('2025-06-01T00:00:00.002Z');
        clock.at('2025-07-01T00:00:00.000Z');
        expect((await store.saveFramework(fullTinyFramework(), { replace: true })).importedAt).toBe('2025-07-01T00:00:00.000Z');
      });

      it('loads the most recently imported version when none is named, whatever the version labels', async () => {
        await store.saveFramework(fullTinyFramework('2.0'));
        clock.at('2025-01-02T00:00:00.000Z');
        await store.saveFramework(fullTinyFramework('1.5'));
        expect((await store.loadFramework('tiny')).framework.version).toBe('1.5');
        expect((await store.loadFramework('tiny', '2.0')).framework.version).toBe('2.0');
      });

      it('lists every version, framework ids ascending and the newest import first within an id', async () => {
        await store.saveFramework(fullTinyFramework('a'));
        await store.saveFramework(minimalFramework('1'));
        await store.saveFramework(fullTinyFramework('b'));
        await store.saveFramework(minimalFramework('2'));
        const listed = (await store.listFrameworks()).map((s) => `${s.id}@${s.version}`);
        expect(listed).toEqual(['minimal@2', 'minimal@1', 'tiny@b', 'tiny@a']);
        const tiny = await store.getFramework('tiny');
        expect(tiny?.versions.map((s) => s.version)).toEqual(['b', 'a']);
      });

      it('tells a missing framework from a missing version', async () => {
        await expectError(store.loadFramework('nowhere'), 'framework.not_found');
        await expectError(store.loadFramework('nowhere', '1'), 'framework.not_found');
        await store.saveFramework(fullTinyFramework());
        const error = await expectError(store.loadFramework('tiny', '9.9'), 'framework.version_not_found');
        expect(error.message).toBe('framework "tiny" has no stored version "9.9"');
      });

      it('deletes one version and keeps the others', async () => {
        const first = fullTinyFramework('1');
        await store.saveFramework(first);
        await store.saveFramework(fullTinyFramework('2'));
        expect(await store.deleteFrameworkVersion('tiny', '2')).toBe(true);
        expect(await store.deleteFrameworkVersion('tiny', '2')).toBe(false);
        await expectError(store.loadFramework('tiny', '2'), 'framework.version_not_found');
        expect(await store.loadFramework('tiny')).toStrictEqual(asStored(first, clock.current));
        expect((await store.listFrameworks()).map((s) => s.version)).toEqual(['1']);
      });

      it('forgets a framework when its last version is deleted', async () => {
        await store.saveFramework(minimalFramework());
        expect(await store.deleteFrameworkVersion('minimal', '1')).toBe(true);
        expect(await store.getFramework('minimal')).toBeUndefined();
        await expectError(store.loadFramework('minimal'), 'framework.not_found');
        expect(await store.deleteFrameworkVersion('minimal', '1')).toBe(false);
      });

      it('reports progress from 0 to the total number of records, every 1,000 records', async () => {
        const data = generateFullFramework({ occupations: 20, competencies: 200, requirements: 2_400, competencyGroups: 5, relations: 60, occupationLinks: 20, crosswalks: 20 });
        const calls: [number, number][] = [];
        await store.saveFramework(data, { onProgress: (done, total) => calls.push([done, total]) });
        expect(calls).toEqual([
          [0, 2_725],
          [1_000, 2_725],
          [2_000, 2_725],
          [2_725, 2_725],
        ]);
      });

      describe('a save that fails leaves no trace', () => {
        const previous = fullTinyFramework('1');

        beforeEach(async () => {
          await store.saveFramework(previous);
        });

        async function expectOnlyPrevious(): Promise<void> {
          expect((await store.listFrameworks()).map((s) => `${s.id}@${s.version}`)).toEqual(['tiny@1']);
          expect(await store.loadFramework('tiny')).toStrictEqual(asStored(previous, '2025-01-01T00:00:00.000Z'));
        }

        it('a reference to an unknown competency in the last requirement', async () => {
          const next = fullTinyFramework('2');
          next.requirements[4]!.competency = 'unknown';
          const error = await expectError(store.saveFramework(next), 'framework.invalid');
          expect(error.details).toEqual([{ where: 'requirements.4.competency', message: 'unknown competency "unknown"' }]);
          await expectOnlyPrevious();
        });

        it('a value the schema rejects, 1,500 records into the save', async () => {
          const next = generateFullFramework({ occupations: 20, competencies: 100, requirements: 2_000 }, { id: 'tiny', version: '2' });
          (next.requirements[1_380] as { importance: number }).importance = 1.5;
          const calls: number[] = [];
          const error = await expectError(store.saveFramework(next, { onProgress: (done) => calls.push(done) }), 'framework.invalid');
          expect(error.details).toEqual([{ where: 'requirements.1380.importance', message: 'must be between 0 and 1, got 1.5' }]);
          expect(calls).toEqual([0, 1_000]);
          await expectOnlyPrevious();
        });

        it('a duplicate competency id', async () => {
          const next = fullTinyFramework('2');
          next.competencies[2]!.id = 'assessment';
          const error = await expectError(store.saveFramework(next), 'framework.invalid');
          expect(error.details).toEqual([{ where: 'competencies.2.id', message: 'duplicate competency id "assessment" (first defined at item 1)' }]);
          await expectOnlyPrevious();
        });

        it('an abort thrown from onProgress midway, passed through unchanged', async () => {
          const next = generateFullFramework({ occupations: 20, competencies: 100, requirements: 2_000 }, { id: 'tiny', version: '2' });
          const abort = new Error('cancelled by the user');
          const thrown = await store
            .saveFramework(next, {
              onProgress: (done, total) => {
                if (done >= total / 2) throw abort;
              },
            })
            .catch((e: unknown) => e);
          expect(thrown).toBe(abort);
          await expectOnlyPrevious();
        });

        it('a failed replace keeps the version it was replacing', async () => {
          const next = fullTinyFramework('1');
          next.requirements[4]!.occupation = 'nobody';
          await expectError(store.saveFramework(next, { replace: true }), 'framework.invalid');
          await expectOnlyPrevious();
        });
      });

      it('keeps every version across closing and re-opening', async (context) => {
        if (!target.persistent) context.skip();
        const data = fullTinyFramework();
        const summary = await store.saveFramework(data);
        await reopen();
        await reopen();
        expect(await store.listFrameworks()).toStrictEqual([summary]);
        expect(await store.loadFramework('tiny')).toStrictEqual(asStored(data, summary.importedAt));
      });
    });

    describe('health', () => {
      it('says a new store takes writes', async () => {
        await expect(store.checkWritable()).resolves.toBeUndefined();
        // And the probe leaves nothing behind.
        expect(await store.listFrameworks()).toEqual([]);
        expect((await store.listProfiles(SCOPE)).items).toEqual([]);
      });
    });

    describe('exclusive', () => {
      it('runs one holder of a lock at a time and hands back what the work returns', async () => {
        const order: string[] = [];
        let releaseFirst!: () => void;
        const first = store.exclusive('startup-imports', async () => {
          order.push('first in');
          await new Promise<void>((resolve) => (releaseFirst = resolve));
          order.push('first out');
          return 1;
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const second = store.exclusive('startup-imports', async () => {
          order.push('second in');
          return 2;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(order).toEqual(['first in']);
        releaseFirst();
        expect(await Promise.all([first, second])).toEqual([1, 2]);
        expect(order).toEqual(['first in', 'first out', 'second in']);
      });

      it('releases the lock when the work fails', async () => {
        await expect(store.exclusive('x', () => Promise.reject(new Error('import failed')))).rejects.toThrow('import failed');
        expect(await store.exclusive('x', async () => 'again')).toBe('again');
      });
    });

    describe('organizations, keys and the audit log', () => {
      const other = { organization: 'harbour', actor: 'key_other', requestId: 'req-other' };

      it('starts with the default organization, and creates, lists and changes others', async () => {
        const [first] = await store.listOrganizations();
        expect(first).toMatchObject({ id: 'default', name: 'Default organization', profileQuota: 1000, profiles: 0 });
        clock.at('2026-02-01T00:00:00.000Z');
        expect(await store.createOrganization({ id: 'harbour', name: 'Harbour Settlement', profileQuota: 2 })).toStrictEqual({
          id: 'harbour',
          name: 'Harbour Settlement',
          profileQuota: 2,
          profiles: 0,
          createdAt: '2026-02-01T00:00:00.000Z',
        });
        const exists = await expectError(store.createOrganization({ id: 'harbour', name: 'Again', profileQuota: 5 }), 'organization.exists');
        expect(exists.message).toBe('organization "harbour" exists already');
        expect((await store.ensureOrganization({ id: 'harbour', name: 'Ignored', profileQuota: 9 })).name).toBe('Harbour Settlement');
        await store.createProfile(other, {});
        expect(await store.updateOrganization('harbour', { name: 'Harbour', profileQuota: 3 })).toMatchObject({ name: 'Harbour', profileQuota: 3, profiles: 1 });
        expect((await store.listOrganizations()).map((o) => o.id)).toEqual(['default', 'harbour']);
        await expectError(store.updateOrganization('nowhere', { name: 'x' }), 'organization.not_found');
        await expectError(store.createOrganization({ id: 'Not A Slug', name: 'x', profileQuota: 1 }), 'request.invalid');
        await expectError(store.createProfile({ ...other, organization: 'nowhere' }, {}), 'organization.not_found');
      });

      it("keeps one organization's profiles from another: not read, listed, changed or erased through it", async () => {
        await store.createOrganization({ id: 'harbour', name: 'Harbour', profileQuota: 10 });
        const mine = await store.createProfile(SCOPE, { province: 'ON' }, { label: 'Case A' });
        const theirs = await store.createProfile(other, { province: 'QC' }, { label: 'Case B' });
        expect(await store.getProfile(other, mine.id)).toBeUndefined();
        expect((await store.listProfiles(other)).items.map((p) => p.id)).toEqual([theirs.id]);
        expect((await store.listProfiles(SCOPE)).items.map((p) => p.id)).toEqual([mine.id]);
        await expectError(store.updateProfile(other, mine.id, { province: 'BC' }), 'profile.not_found');
        expect(await store.deleteProfile(other, mine.id)).toBe(false);
        expect(await store.getProfile(SCOPE, mine.id)).toStrictEqual(mine);
      });

      it('refuses a profile past the quota, and takes one again after an erasure', async () => {
        await store.createOrganization({ id: 'harbour', name: 'Harbour', profileQuota: 2 });
        const first = await store.createProfile(other, {});
        await store.createProfile(other, {});
        const error = await expectError(store.createProfile(other, {}), 'profile.quota_exceeded');
        expect(error.message).toBe('organization "harbour" holds 2 profile(s), its quota; erase one, or ask an admin to raise the quota');
        expect((await store.listProfiles(other)).items).toHaveLength(2);
        // Another organization's quota is its own.
        await store.createProfile(SCOPE, {});
        expect(await store.deleteProfile(other, first.id)).toBe(true);
        await store.createProfile(other, {});
      });

      it('records every access to a profile, newest first, with who and which request, and nothing of the profile', async () => {
        const marker = 'Audit-Private-4c2d';
        clock.at('2026-03-01T00:00:00.000Z');
        const created = await store.createProfile(SCOPE, { label: marker, competencies: [{ competency: 'assessment', level: 0.5, note: marker }] }, { label: marker });
        clock.at('2026-03-01T00:00:01.000Z');
        await store.getProfile(SCOPE, created.id);
        await store.listProfiles(SCOPE);
        await store.getProfile({ ...SCOPE, requestId: 'req-rank' }, created.id, 'use');
        await store.updateProfile(SCOPE, created.id, { province: 'ON' });
        // A read of nothing records nothing: another organization, or an id that is not there.
        expect(await store.getProfile(other, created.id)).toBeUndefined();
        clock.at('2026-03-01T00:00:02.000Z');
        expect(await store.deleteProfile(SCOPE, created.id)).toBe(true);
        const page = await store.listAudit({ profileId: created.id });
        expect(page.items.map((e) => e.action)).toEqual(['delete', 'update', 'use', 'list', 'read', 'create']);
        expect(page.items[0]).toStrictEqual({ at: '2026-03-01T00:00:02.000Z', organization: 'default', profileId: created.id, action: 'delete', actor: 'key_contract', requestId: 'req-contract' });
        expect(page.items[2]!.requestId).toBe('req-rank');
        expect(JSON.stringify(await store.listAudit())).not.toContain(marker);
        const first = await store.listAudit({ organization: 'default', limit: 4 });
        expect(first.items).toHaveLength(4);
        const rest = await store.listAudit({ organization: 'default', limit: 4, cursor: first.nextCursor! });
        expect(rest.items.map((e) => e.action)).toEqual(['read', 'create']);
        expect('nextCursor' in rest).toBe(false);
        expect((await store.listAudit({ organization: 'harbour' })).items).toEqual([]);
      });

      it('keeps keys by the digest of their secret: found while active, listed, revoked', async () => {
        await store.createOrganization({ id: 'harbour', name: 'Harbour', profileQuota: 10 });
        clock.at('2026-04-01T00:00:00.000Z');
        const digest = 'ab'.repeat(32);
        const key = await store.createApiKey({ role: 'counsellor', organization: 'harbour', label: 'Front desk', digest });
        expect(key).toStrictEqual({ id: expect.stringMatching(/^key_[0-9a-f]{16}$/), role: 'counsellor', organization: 'harbour', label: 'Front desk', createdAt: '2026-04-01T00:00:00.000Z' });
        const admin = await store.createApiKey({ role: 'admin', digest: 'cd'.repeat(32) });
        expect(admin).toStrictEqual({ id: admin.id, role: 'admin', createdAt: '2026-04-01T00:00:00.000Z' });
        expect(await store.findApiKey(digest)).toStrictEqual(key);
        expect(await store.findApiKey('ef'.repeat(32))).toBeUndefined();
        expect((await store.listApiKeys('harbour')).map((k) => k.id)).toEqual([key.id]);
        expect((await store.listApiKeys()).map((k) => k.id).sort()).toEqual([key.id, admin.id].sort());
        clock.at('2026-04-02T00:00:00.000Z');
        expect(await store.revokeApiKey(key.id)).toBe(true);
        expect(await store.revokeApiKey(key.id)).toBe(false);
        expect(await store.findApiKey(digest)).toBeUndefined();
        expect((await store.listApiKeys('harbour'))[0]!.revokedAt).toBe('2026-04-02T00:00:00.000Z');
        await expectError(store.createApiKey({ role: 'counsellor', organization: 'nowhere', digest: '12'.repeat(32) }), 'organization.not_found');
      });
    });

    describe('import jobs', () => {
      const id = '7a1c0f3e-0000-4000-8000-000000000001';

      it('keeps a job’s state, replaced as it changes, with the time of its first and last save', async () => {
        expect(await store.getImportJob(id)).toBeUndefined();
        clock.at('2026-01-01T00:00:00.000Z');
        expect(await store.saveImportJob(id, { status: 'queued', kind: 'native' })).toStrictEqual({
          id,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          job: { status: 'queued', kind: 'native' },
        });
        clock.at('2026-01-01T00:00:05.000Z');
        await store.saveImportJob(id, { status: 'running', progress: { phase: 'reading', done: 3, total: 9 } });
        expect(await store.getImportJob(id)).toStrictEqual({
          id,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:05.000Z',
          job: { status: 'running', progress: { phase: 'reading', done: 3, total: 9 } },
        });
      });

      it('lists the newest first and keeps the newest 200', async () => {
        for (let i = 0; i < 203; i++) {
          clock.at(new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
          await store.saveImportJob(`job-${String(i).padStart(3, '0')}`, { n: i });
        }
        const listed = await store.listImportJobs(3);
        expect(listed.map((j) => j.id)).toEqual(['job-202', 'job-201', 'job-200']);
        expect((await store.listImportJobs(500)).length).toBe(200);
        expect(await store.getImportJob('job-002')).toBeUndefined();
        expect((await store.getImportJob('job-003'))?.job).toEqual({ n: 3 });
      });
    });

    describe('import sources', () => {
      const record = { kind: 'esco', path: '/data/esco-1.1.1', fingerprint: 'sha256:aaa', frameworkId: 'esco', version: '1.1.1' };

      it('remembers a source (across reopening when persistent), and replaces what it knew', async () => {
        expect(await store.getImportSource('esco', '/data/esco-1.1.1')).toBeUndefined();
        clock.at('2026-02-02T02:02:02.000Z');
        await store.recordImportSource(record);
        if (target.persistent) await reopen();
        expect(await store.getImportSource('esco', '/data/esco-1.1.1')).toEqual({ ...record, recordedAt: '2026-02-02T02:02:02.000Z' });
        clock.at('2026-03-03T03:03:03.000Z');
        await store.recordImportSource({ ...record, fingerprint: 'sha256:bbb', version: '1.2.0' });
        expect(await store.getImportSource('esco', '/data/esco-1.1.1')).toEqual({ ...record, fingerprint: 'sha256:bbb', version: '1.2.0', recordedAt: '2026-03-03T03:03:03.000Z' });
      });

      it('keys on kind and path together', async () => {
        await store.recordImportSource(record);
        expect(await store.getImportSource('tabiya', '/data/esco-1.1.1')).toBeUndefined();
        expect(await store.getImportSource('esco', '/data/esco-1.1.2')).toBeUndefined();
      });
    });

    describe('profiles', () => {
      const nurse: ProfileInput = {
        framework: 'tiny',
        occupations: [{ occupation: 'nurse', years: 12 }],
        competencies: [{ competency: 'assessment', level: 0.8 }],
        languageLevel: 7,
        province: 'ON',
      };
      const nurseParsed = {
        framework: 'tiny',
        occupations: [{ occupation: 'nurse', years: 12 }],
        competencies: [{ competency: 'assessment', level: 0.8, evidence: 'self-assessed' }],
        languageLevel: 7,
        province: 'ON',
        preferences: {},
      };

      it('stores a profile under a new UUID, with the schema defaults applied', async () => {
        clock.at('2025-03-01T09:00:00.000Z');
        const stored = await store.createProfile(SCOPE, nurse, { label: 'Case 17' });
        expect(stored).toStrictEqual({
          id: expect.stringMatching(UUID),
          label: 'Case 17',
          createdAt: '2025-03-01T09:00:00.000Z',
          updatedAt: '2025-03-01T09:00:00.000Z',
          profile: nurseParsed,
        });
        expect(await store.getProfile(SCOPE, stored.id)).toStrictEqual(stored);
        const other = await store.createProfile(SCOPE, {});
        expect(other.id).not.toBe(stored.id);
        expect(other).toStrictEqual({ id: other.id, createdAt: clock.current, updatedAt: clock.current, profile: { occupations: [], competencies: [], preferences: {} } });
      });

      it('rejects an invalid profile and stores nothing', async () => {
        const error = await expectError(store.createProfile(SCOPE, { languageLevel: 13 }), 'profile.invalid');
        expect(error.details).toEqual([{ where: 'languageLevel', message: 'Too big: expected number to be <=12' }]);
        expect((await store.listProfiles(SCOPE)).items).toEqual([]);
      });

      it('counts a label in code points: 200 emoji are stored as written, 201 refused', async () => {
        const emoji = '🙂'.repeat(200);
        const created = await store.createProfile(SCOPE, {}, { label: emoji });
        expect((await store.getProfile(SCOPE, created.id))!.label).toBe(emoji);
        expect((await store.updateProfile(SCOPE, created.id, {}, { label: '🩺'.repeat(199) })).label).toBe('🩺'.repeat(199));
        await expectError(store.createProfile(SCOPE, {}, { label: '🙂'.repeat(201) }), 'profile.invalid');
      });

      it('refuses text that is not Unicode (a lone surrogate) in a label or the profile, and stores nothing', async () => {
        const label = await expectError(store.createProfile(SCOPE, {}, { label: 'Case \udc00' }), 'profile.invalid');
        expect(label.details).toEqual([{ where: 'label', message: 'holds a lone surrogate' }]);
        const note = await expectError(store.createProfile(SCOPE, { competencies: [{ competency: 'assessment', level: 0.5, note: 'x\ud800' }] }), 'profile.invalid');
        expect(note.details).toEqual([{ where: 'competencies.0.note', message: 'holds a lone surrogate' }]);
        const created = await store.createProfile(SCOPE, {}, { label: 'ok' });
        await expectError(store.updateProfile(SCOPE, created.id, { label: '\ud83d' }), 'profile.invalid');
        await expectError(store.updateProfile(SCOPE, created.id, {}, { label: '\ud83d' }), 'profile.invalid');
        expect((await store.listProfiles(SCOPE)).items).toStrictEqual([created]);
      });

      it('returns undefined for an unknown profile', async () => {
        expect(await store.getProfile(SCOPE, '6f1c1c0e-0000-4000-8000-000000000000')).toBeUndefined();
      });

      it('merges an update at the top level: replaces given fields, removes null ones, keeps the rest', async () => {
        const created = await store.createProfile(SCOPE, nurse, { label: 'Case 17' });
        const { languageLevel: _removed, ...withoutLanguageLevel } = nurseParsed;
        clock.at('2025-03-02T10:00:00.000Z');
        const updated = await store.updateProfile(SCOPE, created.id, { province: 'QC', languageLevel: null, occupations: [{ occupation: 'aide' }] });
        expect(updated).toStrictEqual({
          id: created.id,
          label: 'Case 17',
          createdAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-03-02T10:00:00.000Z',
          profile: { ...withoutLanguageLevel, province: 'QC', occupations: [{ occupation: 'aide' }] },
        });
        expect(await store.getProfile(SCOPE, created.id)).toStrictEqual(updated);
      });

      it('changes or removes the label on update', async () => {
        const created = await store.createProfile(SCOPE, nurse, { label: 'Case 17' });
        expect((await store.updateProfile(SCOPE, created.id, {}, { label: 'Case 18' })).label).toBe('Case 18');
        const unlabelled = await store.updateProfile(SCOPE, created.id, {}, { label: null });
        expect('label' in unlabelled).toBe(false);
      });

      it('rejects an update that would make the profile invalid and keeps the stored one', async () => {
        const created = await store.createProfile(SCOPE, nurse);
        const error = await expectError(store.updateProfile(SCOPE, created.id, { languageLevel: 0 }), 'profile.invalid');
        expect(error.details).toEqual([{ where: 'languageLevel', message: 'Too small: expected number to be >=1' }]);
        expect(await store.getProfile(SCOPE, created.id)).toStrictEqual(created);
      });

      it('refuses to update a profile that is not stored', async () => {
        await expectError(store.updateProfile(SCOPE, '6f1c1c0e-0000-4000-8000-000000000000', { province: 'QC' }), 'profile.not_found');
      });

      it('lists profiles newest first, a page at a time', async () => {
        for (const n of [1, 2, 3, 4, 5]) await store.createProfile(SCOPE, {}, { label: `p${n}` });
        const labels = (page: { items: { label?: string }[] }) => page.items.map((p) => p.label);
        const first = await store.listProfiles(SCOPE, { limit: 2 });
        expect(labels(first)).toEqual(['p5', 'p4']);
        const second = await store.listProfiles(SCOPE, { limit: 2, cursor: first.nextCursor! });
        expect(labels(second)).toEqual(['p3', 'p2']);
        const last = await store.listProfiles(SCOPE, { limit: 2, cursor: second.nextCursor! });
        expect(labels(last)).toEqual(['p1']);
        expect('nextCursor' in last).toBe(false);
        expect(labels(await store.listProfiles(SCOPE))).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
      });

      it('rejects a page size or cursor it did not hand out', async () => {
        for (const limit of [0, 501, 1.5]) await expectError(store.listProfiles(SCOPE, { limit }), 'request.invalid');
        await expectError(store.listProfiles(SCOPE, { cursor: 'not-a-cursor' }), 'request.invalid');
      });

      it('erases a deleted profile', async () => {
        const kept = await store.createProfile(SCOPE, {}, { label: 'kept' });
        const erased = await store.createProfile(SCOPE, nurse, { label: 'erased' });
        expect(await store.deleteProfile(SCOPE, erased.id)).toBe(true);
        expect(await store.getProfile(SCOPE, erased.id)).toBeUndefined();
        expect(await store.deleteProfile(SCOPE, erased.id)).toBe(false);
        expect((await store.listProfiles(SCOPE)).items).toStrictEqual([kept]);
        await expectError(store.updateProfile(SCOPE, erased.id, {}), 'profile.not_found');
      });

      it('keeps profiles across closing and re-opening', async (context) => {
        if (!target.persistent) context.skip();
        const created = await store.createProfile(SCOPE, nurse, { label: 'Case 17' });
        await reopen();
        expect(await store.getProfile(SCOPE, created.id)).toStrictEqual(created);
      });
    });
  });
}
