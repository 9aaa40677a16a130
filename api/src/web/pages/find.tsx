// Step 1: find the occupation the person trained for, by any of its titles in English or French
// (alternate titles and abbreviations included: "IMG", "médecin", "foreign-trained doctor").
import type { OccupationSummary } from '@bridgework/service';
import { Steps } from '../components/layout.tsx';
import { html, page, type WebDeps } from '../page.tsx';
import type { I18n } from '../i18n.ts';

const SEARCH_LIMIT = 20;
/** Beyond this the browse list would be a wall of links; search is the way in. */
const BROWSE_LIMIT = 300;

export const findPage = (deps: WebDeps) =>
  page(deps, async (input) => {
    const { c, t } = input;
    const { m } = t;
    const q = c.req.query('q')?.trim().slice(0, 200) ?? '';
    const { index, catalogue } = await input.framework();
    const matches = q === '' ? undefined : catalogue.occupations({ q, limit: SEARCH_LIMIT }).items;
    const browse = index.occupationCount <= BROWSE_LIMIT ? catalogue.occupations({ limit: BROWSE_LIMIT }).items : [];
    const collator = new Intl.Collator(t.locale === 'fr' ? 'fr-CA' : 'en-CA', { sensitivity: 'base' });
    browse.sort((a, b) => collator.compare(t.text(a.title), t.text(b.title)));

    return html(
      input,
      { title: q === '' ? m.search.title : `${m.search.title}${m.common.colon}${q}`, nav: 'find' },
      <>
        <Steps t={t} current="occupation" hrefs={{}} />
        <h1>{m.search.title}</h1>
        <p class="lead">{m.search.intro}</p>
        <form method="get" action="/" role="search" class="search-form">
          <label for="q">{m.search.label}</label>
          <p id="q-hint" class="hint">
            {m.search.hint}
          </p>
          <div class="inline">
            <input type="search" id="q" name="q" value={q} aria-describedby="q-hint" autocomplete="off" spellcheck={false} required />
            <button type="submit">{m.search.submit}</button>
          </div>
        </form>
        {matches !== undefined ? (
          <section aria-labelledby="matches-title">
            <h2 id="matches-title" tabindex={-1}>
              {m.search.results(matches.length, q)}
            </h2>
            {matches.length === 0 ? <p>{m.search.noneHint}</p> : <MatchList t={t} items={matches} />}
          </section>
        ) : null}
        {browse.length > 0 ? (
          <details class="browse">
            <summary>{m.search.browse(browse.length)}</summary>
            <ul class="columns">
              {browse.map((o) => (
                <li>
                  {o.requirements > 0 ? <a href={`/profile?occupation=${encodeURIComponent(o.id)}`}>{t.text(o.title)}</a> : <span>{t.text(o.title)}</span>}
                  {o.codes.noc ? <span class="code"> {m.common.code(o.codes.noc)}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <section aria-labelledby="tasks-title" class="tasks">
          <h2 id="tasks-title">{m.search.otherTasks}</h2>
          <ul>
            <li>
              <a href="/compare">{m.nav.compare}</a>: {m.search.compareTask}
            </li>
            <li>
              <a href="/cohort">{m.nav.cohort}</a>: {m.search.cohortTask}
            </li>
          </ul>
        </section>
      </>,
    );
  });

function MatchList({ t, items }: { t: I18n; items: OccupationSummary[] }) {
  const { m } = t;
  return (
    <ol class="cards">
      {items.map((o) => {
        const title = t.text(o.title);
        const otherTitle = t.locale === 'fr' ? o.title.en : o.title.fr;
        return (
          <li class="card">
            <h3>
              {title}
              {o.codes.noc ? <span class="code"> {m.common.code(o.codes.noc)}</span> : null}
            </h3>
            {otherTitle && otherTitle !== title ? (
              <p class="other-lang" lang={t.locale === 'fr' ? 'en' : 'fr'}>
                {otherTitle}
              </p>
            ) : null}
            <ul class="badges">
              {o.match ? (
                <li>
                  <span class="badge badge-plain">
                    {m.search.matchedOn(o.match.text)} ({o.match.preferred ? m.search.preferredTitle : m.search.alternateTitle})
                  </span>
                </li>
              ) : null}
              <li>
                <span class={`badge ${o.regulated ? 'badge-regulated' : 'badge-plain'}`}>{o.regulation === 'regulated' ? m.search.regulated : o.regulation === 'not-regulated' ? m.search.notRegulated : m.search.regulationUnknown}</span>
              </li>
            </ul>
            {o.requirements > 0 ? (
              <p>
                <a class="button" href={`/profile?occupation=${encodeURIComponent(o.id)}`}>
                  {m.search.start}
                  <span class="visually-hidden">{m.search.startFor(title)}</span>
                </a>
              </p>
            ) : (
              <p class="hint">{m.search.unrated}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
