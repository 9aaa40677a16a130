// The web app's pages rendered through app.request (no browser, no socket): what each page says
// and links to, that it works without JavaScript (plain GET and POST forms), the language switch,
// and the accessibility and wording rules that can be read from the HTML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, FIXTURES, testApp, textOf, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = testApp();
  // The first request imports and compiles fqr-canada.
  expect((await t.get('/')).status).toBe(200);
});
afterAll(async () => t.close());

const PROFILE = 'occupation=physician&province=ON&clb=7&c.canadian-health-system=20';

/** Every visible form control (not hidden, not the enhancement slider) and whether a label names it. */
function unlabelledControls(html: string): string[] {
  const ids = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  const controls = [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].filter(([, , attrs]) => !/type="hidden"/.test(attrs!));
  return controls
    .map(([, tag, attrs]) => ({ tag, id: /\sid="([^"]+)"/.exec(attrs!)?.[1], aria: /aria-label=/.test(attrs!) }))
    .filter((c) => !c.aria && (c.id === undefined || !ids.has(c.id)))
    .map((c) => `${c.tag}#${c.id ?? '?'}`);
}

describe('finding the trained occupation', () => {
  it.each([['IMG'], ['médecin'], ['foreign-trained doctor'], ['DIM'], ['international medical graduate']])(
    'finds the physician first for "%s", with a link to start the profile',
    async (q) => {
      const page = await t.get(`/?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
      const matches = between(page.text, 'id="matches-title"');
      const first = between(matches, '<li class="card">', '</li>\n');
      expect(textOf(first)).toContain('Physician (family physician)');
      expect(matches.indexOf('href="/profile?occupation=physician"')).toBeGreaterThan(0);
      expect(matches.indexOf('href="/profile?occupation=physician"')).toBeLessThan(matches.indexOf('</li>', matches.indexOf('<li class="card">')) + 1_000);
    },
  );

  it('says how the match was found and shows the title in the other language', async () => {
    const page = textOf((await t.get('/?q=IMG')).text);
    expect(page).toContain('Found by “IMG” (another name)');
    expect(page).toContain('Médecin (médecin de famille)');
  });

  it('says so when nothing matches, and keeps the query in the field', async () => {
    const page = await t.get('/?q=zzzqqq');
    expect(textOf(page.text)).toContain('No occupation matches “zzzqqq”');
    expect(page.text).toContain('value="zzzqqq"');
  });
});

describe('the profile page', () => {
  it('starts every level at the trained occupation’s level, grouped by competency group', async () => {
    const page = await t.get('/profile?occupation=physician');
    expect(page.status).toBe(200);
    // physician requires clinical reasoning at 0.95 and the Canadian health system at 0.7
    expect(page.text).toMatch(/name="c\.clinical-reasoning" value="95"/);
    expect(page.text).toMatch(/name="c\.canadian-health-system" value="70"/);
    const legends = [...page.text.matchAll(/<legend>([^<]+)<\/legend>/g)].map((m) => m[1]);
    expect(legends).toEqual(expect.arrayContaining(['Transversal skills', 'Languages', 'Canadian context', 'Health', 'Language and location', 'What the person will consider']));
    expect(textOf(between(page.text, 'id="group-canadian-context"', '</fieldset>'))).toContain('Training abroad rarely covers Canadian systems');
  });

  it('starts Canadian-context levels at 0 for someone trained outside Canada, and says so', async () => {
    const here = await t.get('/profile?occupation=physician');
    expect(here.text).toContain('href="/profile?occupation=physician&amp;abroad=1"');
    const abroad = await t.get('/profile?occupation=physician&abroad=1');
    expect(abroad.text).toMatch(/name="c\.canadian-health-system" value="0"/);
    expect(abroad.text).toMatch(/name="c\.clinical-reasoning" value="95"/);
    expect(abroad.text).toContain('<input type="hidden" name="abroad" value="1"/>');
    // The zeros are this choice's starting levels, not the person's changes.
    expect(textOf(abroad.text)).toContain('All levels are the typical ones.');
    expect(textOf(between(abroad.text, 'id="trained-where-title"', '</nav>'))).toContain('Outside Canada');
  });

  it('shows the Canadian-context competencies as the gap to licensure for someone trained outside Canada', async () => {
    const gapToLicensure = async (query: string) => textOf(between((await t.get(`/results?${query}`)).text, 'Practising as', 'See what stands'));
    expect(await gapToLicensure('occupation=physician')).toContain('100% met, 0% to build');
    expect(await gapToLicensure('occupation=physician&abroad=1')).toMatch(/9\d% met, [1-9]% to build/);
    const plan = textOf((await t.get('/alternative/physician?occupation=physician&abroad=1')).text);
    expect(plan).toContain('Canadian health-care system');
  });

  it('labels every control, and offers CLB 1-12, the provinces and the preferences', async () => {
    const page = await t.get('/profile?occupation=physician');
    expect(unlabelledControls(page.text)).toEqual([]);
    expect(page.text.match(/<option value="\d+"[^>]*>CLB \d+<\/option>/g)).toHaveLength(12);
    expect(page.text).toContain('<option value="ON">Ontario</option>');
    expect(page.text).toContain('name="noRegulated"');
    expect(page.text).toContain('name="maxMonths"');
  });

  it('keeps the levels it was given and marks the changed ones in text', async () => {
    const page = await t.get(`/profile?${PROFILE}`);
    expect(page.text).toMatch(/name="c\.canadian-health-system" value="20"/);
    expect(page.text).toContain('<option value="7" selected="">CLB 7</option>');
    expect(textOf(page.text)).toContain('1 level differs from the typical one.');
    expect(textOf(between(page.text, 'id="c-canadian-health-system-hint"', '</span></span>'))).toContain('changed');
  });

  it('adds a competency the occupation does not list (the "add" button submits back to the profile)', async () => {
    const page = await t.get('/profile?occupation=physician&add=programming&addLevel=60');
    expect(page.text).toMatch(/name="c\.programming" value="60"/);
    expect(textOf(page.text)).toContain('Added: not listed for the trained occupation');
  });

  it('sends the profile back with a list of problems when a field is out of range', async () => {
    const page = await t.get('/results?occupation=physician&clb=99&c.clinical-reasoning=abc');
    expect(page.status).toBe(400);
    const summary = textOf(between(page.text, 'class="error-summary"', '</div>'));
    expect(summary).toContain('Clinical reasoning is not a number');
    expect(summary).toContain('Canadian Language Benchmark is outside the allowed range');
    expect(page.text).toContain('href="#c-clinical-reasoning"');
  });

  it('sends a title that names several occupations to the search, to pick one', async () => {
    const response = await t.app.request('/profile?occupation=dental');
    expect([response.status, response.headers.get('location')]).toEqual([303, '/?q=dental']);
  });

  it('answers an unknown occupation with a page, not problem+json', async () => {
    const page = await t.get('/profile?occupation=astronaut-chef');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(textOf(page.text)).toContain('No occupation matches that name or code.');
  });
});

describe('ranked alternatives', () => {
  it('lists alternatives with coverage and gap in text, category and path badges, regulation and training', async () => {
    const page = await t.get(`/results?${PROFILE}`);
    expect(page.status).toBe(200);
    const list = between(page.text, '<ol class="results">', '</ol>');
    const items = list.split('<li class="result card">').slice(1);
    expect(items).toHaveLength(20);
    for (const item of items) {
      const text = textOf(item);
      expect(text).toMatch(/Needs already met \d+% met, \d+% to build · gap [\d.]+ \(importance-weighted\)/);
      expect(text).toMatch(/Category: (Similar scope of work|Same field|Related field|Another field)/);
      expect(text).toMatch(/Kind of path: (Closer match|Parallel option|Interim option|Stepping stone)/);
      expect(text).toMatch(/(Regulated in Ontario|Not regulated in Ontario)/);
      expect(text).toMatch(/Entry training (about \d+ months|not recorded)/);
      expect(item).toMatch(/href="\/alternative\/[^"?]+\?occupation=physician&amp;c\.canadian-health-system=20&amp;clb=7&amp;province=ON"/);
    }
    // The regulator is named for the province.
    expect(textOf(list)).toContain('Regulated in Ontario: College of Physicians and Surgeons of Ontario (CPSO)');
  });

  it('shows the match each option is ordered by, and says why in words, in both languages', async () => {
    const page = await t.get(`/results?${PROFILE}`);
    const items = between(page.text, '<ol class="results">', '</ol>').split('<li class="result card">').slice(1).map(textOf);
    const matches = items.map((text) => Number(/Match (\d+)% Needs already met/.exec(text)?.[1]));
    expect(matches.every((m) => Number.isFinite(m))).toBe(true);
    // Ordered by the match shown, best first.
    expect([...matches].sort((a, b) => b - a)).toEqual(matches);
    expect(items[0]).toMatch(/Match \d+%: the work is \d+% alike \([a-z ]+ \d+%(, [a-z ]+ \d+%)+\)/);
    expect(items[0]).toMatch(/alike \([^)]*skills \d+%/);
    expect(textOf(page.text)).toContain('Options are ordered by the match');
    const fr = items.length > 0 ? textOf((await t.get(`/results?${PROFILE}&lang=fr`)).text) : '';
    expect(fr).toMatch(/Correspondance de \d+ % : le travail est semblable à \d+ % \([^)]*compétences \d+ %/);
  });

  it('reports the trained profession apart, as the gap to licensure', async () => {
    const page = textOf((await t.get(`/results?${PROFILE}`)).text);
    expect(page).toContain('Practising as Physician (family physician) here');
    expect(page).not.toMatch(/Option \d+: Physician \(family physician\)/);
  });

  it('leaves out occupations regulated in the province when asked, and says how many', async () => {
    const page = await t.get(`/results?${PROFILE}&noRegulated=1`);
    const list = between(page.text, '<ol class="results">', '</ol>');
    expect(textOf(list)).not.toContain('Regulated in Ontario');
    expect(textOf(page.text)).toMatch(/Left out by the filters: \d+ regulated/);
  });

  it('filters by category and kind of path on the page', async () => {
    const page = await t.get(`/results?${PROFILE}&category=same-field&path=parallel`);
    const list = between(page.text, '<ol class="results">', '</ol>');
    const items = list.split('<li class="result card">').slice(1);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(textOf(item)).toContain('Category: Same field Kind of path: Parallel option');
  });

  it('keeps the profile in the filter form as hidden fields', async () => {
    const form = between((await t.get(`/results?${PROFILE}`)).text, '<form method="get" action="/results"', '</form>');
    expect(form).toContain('<input type="hidden" name="c.canadian-health-system" value="20"/>');
    expect(form).toContain('<input type="hidden" name="province" value="ON"/>');
    expect(unlabelledControls(form)).toEqual([]);
  });
});

describe('one alternative as an action plan', () => {
  it('shows what transfers, what partly transfers and from where, and what is missing with essential ones marked', async () => {
    const page = await t.get(`/alternative/physician-assistant?${PROFILE}`);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain('An option for someone trained as Physician (family physician)');
    expect(text).toMatch(/What transfers \(\d+\)/);
    expect(text).toMatch(/What partly transfers \(\d+\)/);
    expect(text).toMatch(/What is missing \(\d+\)/);
    // The lowered Canadian health-system level is a gap: needed 70%, the person 20%, 50 points missing.
    expect(textOf(between(page.text, 'id="gaps-title"', '</table>'))).toContain('Canadian health-care system 70% 20% 50 points');
    expect(textOf(between(page.text, 'id="gaps-title"', '</table>'))).toContain('Essential');
    expect(textOf(between(page.text, 'id="partial-title"', '</section>'))).toMatch(/Teamwork \d+% \d+% Interprofessional collaboration in health care \(\d+%\)/);
  });

  it('turns the gaps into a numbered, printable plan naming the regulator', async () => {
    const page = await t.get(`/alternative/physician-assistant?${PROFILE}`);
    const plan = textOf(between(page.text, 'id="plan-title"', '</section>'));
    expect(plan).toContain('Learn Canadian health-care system for practice in Canada (a bridging program or the regulator’s orientation covers it)');
    expect(plan).toContain('Ask College of Physicians and Surgeons of Ontario (CPSO) about the licensing route');
    expect(page.text).toContain('<button type="button" data-print="true" hidden="">');
  });

  it('shows the trained profession itself as the gap to licensure', async () => {
    const text = textOf((await t.get(`/alternative/physician?${PROFILE}`)).text);
    expect(text).toContain('The trained profession: what stands between the person and practising it here');
    expect(text).toContain('Learn Canadian health-care system for practice in Canada (a bridging program or the regulator’s orientation covers it)');
  });
});

describe('comparing two occupations', () => {
  it('shows coverage both ways and the shared and one-sided competencies with both levels', async () => {
    const page = await t.get('/compare?a=registered-nurse&b=licensed-practical-nurse');
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toMatch(/Someone at the levels of Registered nurse meets \d+% of what Licensed practical nurse needs\./);
    expect(text).toMatch(/Someone at the levels of Licensed practical nurse meets \d+% of what Registered nurse needs\./);
    // RN and LPN patient assessment: 0.85 vs 0.65 (the framework's README).
    expect(textOf(between(page.text, 'id="shared-title"', '</table>'))).toContain('Patient health assessment 85% · Essential 65% · Essential A 20 points higher');
    expect(text).toMatch(/Only Registered nurse \(\d+\)/);
    expect(text).toMatch(/Only Licensed practical nurse \(\d+\)/);
    expect(page.text).toContain('<option value="registered-nurse" selected="">');
  });

  it('asks for two different occupations', async () => {
    expect(textOf((await t.get('/compare?a=dentist&b=dentist')).text)).toContain('Choose two different occupations.');
  });
});

describe('cohort gaps', () => {
  const csv = readFileSync(join(FIXTURES, 'cohort.csv'), 'utf8');
  const post = (path: string, fields: Record<string, string | Blob>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return t.app.request(path, { method: 'POST', body: form });
  };

  it('ranks the competencies to teach from an uploaded CSV and lists what everyone already meets', async () => {
    const response = await post('/cohort', { file: new File([csv], 'cohort.csv', { type: 'text/csv' }), target: 'physician-assistant' });
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('What to teach for Physician assistant');
    expect(text).toContain('People in the cohort 5');
    const rows = between(html, '<tbody>', '</tbody>').split('<tr>').slice(1).map(textOf);
    expect(rows[0]).toBe('1 Canadian health-care system No 5 of 5 (100%) 40 points 0.3');
    expect(text).toMatch(/Already met by everyone \(\d+\)/);
  });

  it('downloads the same result as CSV', async () => {
    const response = await post('/cohort/gaps.csv', { csv, target: 'physician-assistant' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cohort-gaps-physician-assistant.csv"');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('status,rank,competency_id,competency,competency_fr,essential,importance,required,lacking,share_lacking,mean_deficit,mean_deficit_among_lacking,priority');
    expect(lines[1]).toBe('gap,1,canadian-health-system,Canadian health-care system,Système de santé canadien,no,0.75,0.7,5,1,0.4,0.4,0.3');
    expect(lines.some((l) => l.startsWith('already-met,'))).toBe(true);
  });

  it('lists every problem of a bad CSV with its line, and keeps the text to fix', async () => {
    const response = await post('/cohort', { csv: 'label,occupation,bogus\nA,physician,1\n', target: 'physician-assistant' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(between(html, 'class="error-summary"', '</div>'))).toContain('cohort.csv:1: unknown column "bogus"');
    expect(html).toMatch(/>label,occupation,bogus\r?\nA,physician,1\r?\n<\/textarea>/);
  });

  it('asks for the file and the target when they are missing', async () => {
    const response = await post('/cohort', { csv: '', target: '' });
    expect(response.status).toBe(400);
    const summary = textOf(between(await response.text(), 'class="error-summary"', '</div>'));
    expect(summary).toContain('Choose a CSV file or paste the CSV.');
    expect(summary).toContain('Choose the target occupation.');
  });

  it('serves an example cohort that the cohort page itself accepts', async () => {
    const example = await t.get('/cohort/example.csv');
    expect(example.status).toBe(200);
    expect(example.text.split('\r\n')[0]).toMatch(/^label,occupation,years,province,languageLevel,competency:/);
    const response = await post('/cohort', { csv: example.text, target: 'physician-assistant' });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain('People in the cohort 6');
  });
});

describe('language', () => {
  it('switches to French with ?lang=fr, remembers it in a cookie, and links back to English', async () => {
    const page = await t.get('/?lang=fr');
    expect(page.text).toContain('<html lang="fr">');
    expect(textOf(page.text)).toContain('Trouver la profession pour laquelle la personne a été formée');
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^bridgework_lang=fr;/);
    expect(page.text).toContain('href="/?lang=en"');
    const next = await t.get('/compare', { cookie: 'bridgework_lang=fr' });
    expect(textOf(next.text)).toContain('Comparer deux professions');
  });

  it('follows the browser’s Accept-Language when nothing was chosen', async () => {
    expect((await t.get('/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' })).text).toContain('<html lang="fr">');
    expect((await t.get('/', { 'accept-language': 'de-DE,en;q=0.5' })).text).toContain('<html lang="en">');
  });

  it('shows French titles, labels and badges on the results', async () => {
    const text = textOf((await t.get(`/results?${PROFILE}&lang=fr`)).text);
    expect(text).toContain('Autres carrières pour une personne formée comme Médecin (médecin de famille)');
    expect(text).toMatch(/Catégorie\s: (Champ d’exercice semblable|Même domaine|Domaine connexe|Autre domaine)/);
    expect(text).toContain('Réglementée en Ontario');
    expect(text).toMatch(/Besoins déjà couverts \d+\s%/);
  });

  it('keeps the profile in the address of the switch link', async () => {
    const page = await t.get(`/results?${PROFILE}`);
    expect(page.text).toContain(`href="/results?${PROFILE.replace(/&/g, '&amp;')}&amp;lang=fr"`);
  });
});

describe('every page', () => {
  const pages = ['/', '/?q=nurse', '/profile?occupation=registered-nurse', `/results?${PROFILE}`, `/alternative/physician-assistant?${PROFILE}`, '/compare?a=professional-engineer&b=engineering-technologist', '/cohort'];

  it.each(pages)('%s has one h1, landmarks, a skip link, a language, labelled controls and no inline script or style', async (path) => {
    const page = await t.get(path);
    expect(page.status).toBe(200);
    expect(page.text.startsWith('<!doctype html>')).toBe(true);
    expect(page.text.match(/<h1[\s>]/g)).toHaveLength(1);
    for (const landmark of ['<header', '<nav', '<main id="main"', '<footer']) expect(page.text).toContain(landmark);
    expect(page.text).toContain('<a class="skip-link" href="#main">');
    expect(page.text).toMatch(/<html lang="(en|fr)">/);
    expect(unlabelledControls(page.text)).toEqual([]);
    expect(page.text).not.toMatch(/\sstyle="/);
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.text).not.toMatch(/\son[a-z]+="/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('serves its stylesheet and script from this server', async () => {
    const css = await t.get('/assets/style.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    expect(css.text).toContain('@media print');
    expect(css.text).toContain(':focus-visible');
    const js = await t.get('/assets/app.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('leaves the API where it was: /v1 answers JSON and unknown paths problem+json', async () => {
    const api = await t.get('/v1/frameworks');
    expect(api.headers.get('content-type')).toContain('application/json');
    const missing = await t.get('/no-such-page');
    expect([missing.status, missing.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
  });
});

describe('limits', () => {
  it('refuses a cohort larger than the body limit with a page, and closes the connection', async () => {
    const small = testApp({ bodyLimit: 1000 });
    try {
      const form = new FormData();
      form.set('csv', 'label,occupation\n' + 'A,physician\n'.repeat(200));
      form.set('target', 'physician-assistant');
      const response = await small.app.request('/cohort', { method: 'POST', body: form });
      expect([response.status, response.headers.get('connection')]).toEqual([413, 'close']);
      expect(textOf(await response.text())).toContain('The file is larger than this server accepts.');
    } finally {
      await small.close();
    }
  });
});

describe('when public read is off', () => {
  it('explains that the web app needs it, instead of running analyses without a key', async () => {
    const closed = testApp({ publicRead: false });
    try {
      const page = await closed.get('/results?occupation=physician');
      expect(page.status).toBe(401);
      expect(textOf(page.text)).toContain('public read is switched off');
    } finally {
      await closed.close();
    }
  });
});
