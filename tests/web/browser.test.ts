// The web app in a real browser (Debian's Chromium driven by playwright-core) against the real
// server on an ephemeral port: search, profile, ranked results, one action plan (and its print
// layout), compare, cohort upload and CSV download, the French switch, keyboard use, contrast,
// and the same flow with JavaScript switched off. Screenshots go to test-artifacts/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, FIXTURES, startWebServer, type TestServer } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
/** Page checks in plain JavaScript (the project's TypeScript has no DOM types). */
const AUDIT = readFileSync(new URL('./audit-page.js', import.meta.url), 'utf8');
interface Audit {
  unlabelled: string[];
  lowContrast: string[];
  h1: number;
  landmarks: { banner: number; navigation: number; main: number; contentinfo: number };
}
/** The focused element, as seen by the keyboard test. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return { id: el.id, text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth, visible: box.top >= 0 && box.height > 0 };
})()`;
interface Focused {
  id: string;
  text: string | null;
  outline: string;
  width: string;
  visible: boolean;
}
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (CI installs it; locally: apt-get install -y --no-install-recommends chromium)`);
}

describe.skipIf(!hasChromium)('the web app in Chromium', () => {
  let server: TestServer;
  let context: BrowserContext;
  let profileDir: string;
  let page: Page;
  /** Console errors and uncaught exceptions of every page (a CSP violation is one). */
  const problems: string[] = [];

  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(ARTIFACTS, name), fullPage });
  const go = async (path: string) => {
    await page.goto(server.url + path);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startWebServer();
    profileDir = mkdtempSync(join(tmpdir(), 'bridgework-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
      locale: 'en-CA',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(10_000);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('finds the physician by "foreign-trained doctor" and opens the profile', async () => {
    await go('/');
    await page.getByLabel('Occupation title').fill('foreign-trained doctor');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#matches-title').textContent()).toBe('1 occupation matches “foreign-trained doctor”');
    await shot('web-1-search.png');
    await page.getByRole('link', { name: 'Start with this occupation (Physician (family physician))' }).click();
    await page.waitForURL(/\/profile\?occupation=physician$/);
    expect(await page.locator('h1').textContent()).toBe('Profile: trained as Physician (family physician)');
  });

  it('adjusts levels (field and slider stay in step, the change is marked in text), CLB and province', async () => {
    const field = page.getByLabel('Canadian health-care system');
    await expect.poll(() => field.inputValue()).toBe('70');
    await field.fill('20');
    const row = page.locator('.level-row', { has: field });
    expect(await row.locator('.level-slider').inputValue()).toBe('20');
    expect(await row.locator('[data-changed-mark]').isVisible()).toBe(true);
    expect(await page.locator('[data-changed-count]').textContent()).toBe('1 level differs from the typical one.');
    await page.getByLabel('Canadian Language Benchmark (CLB) in the language of work').selectOption('7');
    await page.getByLabel('Province or territory where the person lives').selectOption('ON');
    await shot('web-2-profile.png');
    await page.getByRole('button', { name: 'See the alternatives' }).click();
    await page.waitForURL(/\/results\?/);
    expect(new URL(page.url()).searchParams.get('c.canadian-health-system')).toBe('20');
  });

  it('ranks the alternatives with bars that carry their numbers, and badges in text', async () => {
    const cards = page.locator('ol.results > li');
    expect(await cards.count()).toBe(20);
    const first = (await cards.first().innerText()).replace(/\s+/g, ' ');
    expect(first).toMatch(/Needs already met \d+% met, \d+% to build · gap [\d.]+/);
    expect(first).toMatch(/Category: \S/);
    expect(first).toMatch(/Kind of path: \S/);
    expect(first).toMatch(/Regulated in Ontario: .+|Not regulated in Ontario/);
    // The bar is decoration: hidden from assistive technology, the text says the same.
    expect(await cards.first().locator('svg.bar').first().getAttribute('aria-hidden')).toBe('true');
    await shot('web-3-results.png', false);
  });

  it('filters out occupations regulated in the province', async () => {
    await page.getByLabel('Leave out occupations that are regulated in that province').check();
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.waitForURL(/noRegulated=1/);
    const text = await page.locator('ol.results').innerText();
    expect(text).not.toContain('Regulated in Ontario');
    expect(await page.locator('#options-title').textContent()).toMatch(/^\d+ options?$/);
    await page.getByLabel('Leave out occupations that are regulated in that province').uncheck();
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.waitForURL((url) => !url.search.includes('noRegulated'));
  });

  it('opens one alternative: what transfers, partly transfers and is missing, and a plan that prints alone', async () => {
    await page.locator('ol.results > li').first().getByRole('link', { name: /What transfers and the action plan/ }).click();
    await page.waitForURL(/\/alternative\//);
    for (const heading of [/^What transfers \(\d+\)$/, /^What partly transfers \(\d+\)$/, /^What is missing \(\d+\)$/, /^Action plan$/]) {
      expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    }
    const gaps = await page.locator('#gaps-title + p + .table-wrap table').innerText();
    expect(gaps).toMatch(/Canadian health-care system\s+70%\s+20%\s+50 points/);
    expect(await page.locator('.checklist li').count()).toBeGreaterThan(1);
    const print = page.getByRole('button', { name: 'Print the action plan' });
    expect(await print.isVisible()).toBe(true);
    await shot('web-4-alternative.png');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await print.isVisible()).toBe(false);
    expect(await page.locator('.checklist').isVisible()).toBe(true);
    expect(await page.locator('.notes').isVisible()).toBe(true);
    await shot('web-5-plan-print.png');
    await page.emulateMedia({ media: 'screen' });
  });

  it('compares two occupations side by side, both directions', async () => {
    await go('/compare');
    await page.getByLabel('Occupation A').selectOption('registered-nurse');
    await page.getByLabel('Occupation B').selectOption('licensed-practical-nurse');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/a=registered-nurse&b=licensed-practical-nurse/);
    const coverage = await page.locator('#coverage-title + .metrics').innerText();
    expect(coverage).toMatch(/Someone at the levels of Registered nurse meets \d+% of what Licensed practical nurse needs\./);
    expect(coverage).toMatch(/Someone at the levels of Licensed practical nurse meets \d+% of what Registered nurse needs\./);
    expect(await page.getByRole('heading', { name: /^Competencies both need \(\d+\)$/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^Only Registered nurse \(\d+\)$/ }).count()).toBe(1);
    await shot('web-6-compare.png');
  });

  it('uploads a cohort CSV, shows the competencies to teach ranked, and downloads them as CSV', async () => {
    await go('/cohort');
    await page.getByLabel('Cohort CSV file').setInputFiles(join(FIXTURES, 'cohort.csv'));
    await page.getByLabel('Target occupation').selectOption('physician-assistant');
    await page.getByRole('button', { name: 'Find the gaps' }).click();
    await page.getByRole('heading', { name: 'What to teach for Physician assistant' }).waitFor();
    const firstRow = (await page.locator('table.cohort-gaps tbody tr').first().innerText()).replace(/\s+/g, ' ');
    expect(firstRow).toBe('1 Canadian health-care system No 5 of 5 (100%) 40 points 0.3');
    await shot('web-7-cohort.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the result as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('cohort-gaps-physician-assistant.csv');
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('status,rank,competency_id,competency,competency_fr,essential,importance,required,lacking,share_lacking,mean_deficit,mean_deficit_among_lacking,priority');
    expect(csv[1]).toMatch(/^gap,1,canadian-health-system,/);
  });

  it('is usable from the keyboard: the skip link comes first and focus is always visible', async () => {
    await go('/');
    await page.keyboard.press('Tab');
    const skip = (await page.evaluate(FOCUSED)) as Focused;
    expect(skip).toEqual({ id: '', text: 'Skip to the main content', outline: 'solid', width: '3px', visible: true });
    await page.keyboard.press('Enter');
    expect(((await page.evaluate(FOCUSED)) as Focused).id).toBe('main');
    // Through the search form by keyboard alone.
    // The first step of the path is this page, so nothing in main comes before the search field.
    await page.keyboard.press('Tab');
    expect(((await page.evaluate(FOCUSED)) as Focused).id).toBe('q');
    await page.keyboard.type('IMG');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=IMG/);
    expect(await page.locator('#matches-title').textContent()).toMatch(/matches “IMG”/);
  });

  it('labels every control and keeps text contrast at 4.5:1 or more on every page', async () => {
    const paths = ['/', '/profile?occupation=physician', '/results?occupation=physician&province=ON&clb=7', '/alternative/physician-assistant?occupation=physician&province=ON&clb=7', '/compare?a=professional-engineer&b=engineering-technologist', '/cohort'];
    for (const path of paths) {
      await go(path);
      const report = (await page.evaluate(AUDIT)) as Audit;
      expect(report.unlabelled, path).toEqual([]);
      expect(report.lowContrast, path).toEqual([]);
      expect(report.h1, path).toBe(1);
      const { navigation, ...landmarks } = report.landmarks;
      expect(landmarks, path).toEqual({ banner: 1, main: 1, contentinfo: 1 });
      expect(navigation, path).toBeGreaterThanOrEqual(1);
    }
  });

  it('works with JavaScript switched off: search, profile and results are plain forms', async () => {
    const plain = await context.newPage();
    const cdp = await context.newCDPSession(plain);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await plain.goto(`${server.url}/?q=m%C3%A9decin`);
    await plain.getByRole('link', { name: 'Start with this occupation (Physician (family physician))' }).click();
    await plain.getByLabel('Canadian health-care system').fill('30');
    expect(await plain.locator('.level-slider').count()).toBe(0);
    await plain.getByRole('button', { name: 'See the alternatives' }).click();
    await plain.waitForURL(/\/results\?/);
    expect(await plain.locator('ol.results > li').count()).toBe(20);
    await plain.locator('ol.results > li').first().getByRole('link', { name: /What transfers and the action plan/ }).click();
    // The print button needs JavaScript, so it stays hidden; the plan is there.
    expect(await plain.getByRole('button', { name: 'Print the action plan' }).count()).toBe(0);
    expect(await plain.getByRole('heading', { name: 'Action plan' }).count()).toBe(1);
    await plain.close();
  });

  it('switches to French and back, keeping the page', async () => {
    await go('/results?occupation=physician&province=QC&clb=8');
    await page.getByRole('link', { name: 'Afficher cette page en français' }).click();
    await page.waitForURL(/lang=fr/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('Autres carrières pour une personne formée comme Médecin (médecin de famille)');
    expect(await page.locator('ol.results').innerText()).toContain('Réglementée au Québec');
    await shot('web-8-french.png', false);
    // The choice is remembered: the next page is French too.
    await page.getByRole('link', { name: 'Comparer des professions' }).click();
    expect(await page.locator('h1').textContent()).toBe('Comparer deux professions');
    await page.getByRole('link', { name: 'Show this page in English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Compare two occupations');
  });

  it('logged no console error or CSP violation on any page', () => {
    expect(problems).toEqual([]);
  });
});
