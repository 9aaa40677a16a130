// fqr-canada's regulation facts as users get them: each fact beyond the four curated provinces carries
// its sources and the day it was checked, Quebec's professional orders require French, and a few
// sourced facts hold their values. A jurisdiction with no entry is unknown, never "not regulated".
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkData, Occupation, Regulation } from '@bridgework/core';
import { importNative } from '@bridgework/importers';

const DIR = join(import.meta.dirname, '../../frameworks/fqr-canada');
const CURATED = new Set(['ON', 'QC', 'AB', 'BC']);
/** Manitoba facts curated with the four provinces (November 2026) and not re-checked since. */
const CURATED_MB = new Set(['surgical-assistant', 'clinical-associate']);
let data: FrameworkData;

beforeAll(async () => {
  data = (await importNative(DIR)).data;
});

function occupation(id: string): Occupation {
  const found = data.occupations.find((o) => o.id === id);
  if (!found) throw new Error(`fqr-canada has no occupation ${id}`);
  return found;
}

function fact(id: string, jurisdiction: Regulation['jurisdiction']): Regulation | undefined {
  return occupation(id).regulation.find((r) => r.jurisdiction === jurisdiction);
}

function allFacts(): { id: string; r: Regulation }[] {
  return data.occupations.flatMap((o) => o.regulation.map((r) => ({ id: o.id, r })));
}

describe('fqr-canada regulation facts', () => {
  it('gives every fact outside ON, QC, AB and BC (and every re-checked one) sources with a URL and a checked date', () => {
    const curated = ({ id, r }: { id: string; r: Regulation }) =>
      r.jurisdiction === 'CA' || CURATED.has(r.jurisdiction) || (r.jurisdiction === 'MB' && CURATED_MB.has(id));
    const added = allFacts().filter((f) => !curated(f) || f.r.checked !== undefined);
    expect(added.length).toBeGreaterThanOrEqual(174);
    for (const { id, r } of added) {
      const label = `${id} ${r.jurisdiction}`;
      expect(r.checked, label).toMatch(/^2026-1[12](-\d{2})?$/);
      expect(r.sources?.length, label).toBeGreaterThan(0);
      // A fact read today cites a public page; one from the curated reports cites a report line.
      for (const s of r.sources ?? []) expect(s.url !== undefined || s.line !== undefined, label).toBe(true);
    }
  });

  it('never records a jurisdiction twice for an occupation', () => {
    for (const o of data.occupations) {
      const seen = o.regulation.map((r) => r.jurisdiction);
      expect(new Set(seen).size, o.id).toBe(seen.length);
    }
  });

  it('requires French for every Quebec permit issued by an ordre professionnel, citing the Charter s. 35', () => {
    const orders = allFacts().filter(({ r }) => r.jurisdiction === 'QC' && /^(Ordre |Collège des médecins)/.test(r.regulator ?? ''));
    expect(orders.length).toBeGreaterThanOrEqual(25);
    for (const { id, r } of orders) {
      expect(r.language, id).toBe('fr');
      expect(r.sources?.some((s) => s.document.startsWith('Charter of the French Language, s. 35')), id).toBe(true);
    }
    // Quebec facts outside the professional system (ministry, BSP) make no such claim.
    expect(fact('elementary-teacher', 'QC')?.language).toBeUndefined();
    expect(fact('security-guard', 'QC')?.language).toBeUndefined();
  });

  it('holds the sourced facts the product got wrong before', () => {
    expect(fact('physician', 'NS')).toMatchObject({ regulated: true, regulator: 'College of Physicians and Surgeons of Nova Scotia', checked: '2026-12-04' });
    expect(fact('physician', 'NU')?.regulated).toBe(true);
    expect(fact('registered-nurse', 'MB')).toMatchObject({ regulated: true, regulator: 'College of Registered Nurses of Manitoba' });
    expect(fact('registered-nurse', 'NS')?.regulator).toBe('Nova Scotia College of Nursing');
    expect(fact('licensed-practical-nurse', 'NS')?.regulator).toBe('Nova Scotia College of Nursing');
    expect(fact('registered-nurse', 'SK')?.regulator).toMatch(/^College of Registered Nurses of Saskatchewan/);
    expect(fact('licensed-practical-nurse', 'NB')?.regulator).toBe('Association of New Brunswick Licensed Practical Nurses');
    expect(fact('pharmacist', 'NS')?.regulator).toBe('Nova Scotia College of Pharmacists');
    expect(fact('pharmacist', 'NB')?.regulator).toBe('New Brunswick College of Pharmacists');
    expect(fact('pharmacist', 'YT')?.regulator).toBe('Government of Yukon, Professional Licensing and Regulatory Affairs');
    expect(fact('architect', 'NL')?.regulator).toBe('Architects Licensing Board of Newfoundland and Labrador (ALBNL)');
    expect(fact('social-worker', 'NS')?.regulator).toBe('Nova Scotia College of Social Workers (NSCSW)');
    expect(fact('occupational-therapist', 'NL')?.regulator).toBe('Newfoundland and Labrador Occupational Therapy Board');
    expect(fact('midwife', 'MB')).toMatchObject({ regulated: true, regulator: 'College of Midwives of Manitoba' });
    expect(fact('professional-engineer', 'NT')?.regulator).toMatch(/NAPEG/);
    expect(fact('professional-engineer', 'NU')?.regulator).toBe(fact('professional-engineer', 'NT')?.regulator);
    const pa = fact('physician-assistant', 'QC');
    expect(pa?.regulated).toBe(false);
    expect(pa?.sources?.length).toBeGreaterThan(0);
    expect(fact('physician-assistant', 'NB')?.regulator).toBe('College of Physicians and Surgeons of New Brunswick');
    expect(fact('physician-assistant', 'NS')).toMatchObject({ regulated: true, regulator: 'College of Physicians and Surgeons of Nova Scotia' });
  });

  it('leaves unsourced jurisdictions unknown rather than "not regulated"', () => {
    // No source was found for these; they must have no entry at all.
    expect(fact('architect', 'YT')).toBeUndefined();
    expect(fact('tcm-practitioner', 'NS')).toBeUndefined();
    expect(fact('anesthesia-assistant', 'NS')).toBeUndefined();
    expect(fact('medical-sonographer', 'NS')).toBeUndefined();
    // The only sourced "not regulated" facts outside the curated provinces say why, from their source.
    const notRegulated = allFacts().filter(({ r }) => !r.regulated && !CURATED.has(r.jurisdiction) && r.jurisdiction !== 'CA');
    expect(notRegulated.map(({ id, r }) => `${id} ${r.jurisdiction}`).sort()).toEqual(['social-worker NU', 'social-worker YT']);
    for (const { r } of notRegulated) {
      expect(r.note).toMatch(/Yukon and Nunavut/);
      expect(r.sources?.[0]?.url).toMatch(/^https:\/\/www\.casw-acts\.ca\//);
    }
  });

  it('reaches at least these counts of facts per jurisdiction', () => {
    const count = (j: string) => allFacts().filter(({ r }) => r.jurisdiction === j).length;
    const floor: Record<string, number> = { SK: 20, MB: 22, NB: 18, NS: 22, NL: 20, PE: 14, NT: 12, NU: 10, YT: 14 };
    for (const [j, n] of Object.entries(floor)) expect(count(j), j).toBeGreaterThanOrEqual(n);
    // Every occupation regulated somewhere is known in all four curated provinces.
    for (const o of data.occupations.filter((x) => x.regulation.some((r) => r.regulated))) {
      for (const j of CURATED) expect(o.regulation.some((r) => r.jurisdiction === j), `${o.id} ${j}`).toBe(true);
    }
  });
});
