// Step 3: ranked alternative careers for the profile, each with the match it is ordered by and
// why (how alike the work is, the training the move adds), coverage and gap (bar and text),
// category and path-type badges, regulation in the person's province, training time and what
// transfers in one line; filters on top; the trained profession's own gap reported apart.
import type { Category, PathType, RankResult, SourceReport } from '@bridgework/core';
import { CategoryBadge, CoverageBar, FlagBadges, PathBadge, ShareBar, whyText } from '../components/metrics.tsx';
import { Steps } from '../components/layout.tsx';
import type { I18n } from '../i18n.ts';
import { html, page, type WebDeps } from '../page.tsx';
import { changedLevels, profileQuery, toProfile, type ProfileForm } from '../profile-query.ts';
import { readProfileRequest } from '../profile-request.ts';
import { PreferenceFields } from './profile.tsx';

const CATEGORIES: readonly Category[] = ['similar-scope', 'same-field', 'related-field', 'unrelated-field'];
const PATH_TYPES: readonly PathType[] = ['closer-match', 'parallel', 'interim', 'stepping-stone'];
const SHOW = [10, 20, 50] as const;
const DEFAULT_SHOW = 20;
/** The core explains at most this many results per ranking. */
const MAX_EXPLAINED = 100;

export const resultsPage = (deps: WebDeps) =>
  page(deps, async (input) => {
    const { c, t } = input;
    const { m } = t;
    const request = await readProfileRequest(input);
    if (request instanceof Response) return request;
    const { query, index, form, detail, defaults } = request;
    const category = oneOf(CATEGORIES, query.get('category'));
    const pathType = oneOf(PATH_TYPES, query.get('path'));
    const show = SHOW.find((n) => String(n) === query.get('show')) ?? DEFAULT_SHOW;
    const filtering = category !== undefined || pathType !== undefined;
    // Category and path type are not core filters: rank everything, then keep the matching ones.
    const top = filtering ? Math.min(500, index.occupationCount) : show;
    const ranking = await deps.service.rank({}, { profile: toProfile(form, defaults) }, { top, explain: Math.min(MAX_EXPLAINED, top) });
    const kept = ranking.results.filter((r) => (category === undefined || r.category === category) && (pathType === undefined || r.pathType === pathType));
    const shown = kept.slice(0, show);
    const removedByView = ranking.results.length - kept.length;

    const base = profileQuery(form, defaults);
    const title = t.text(detail.occupation.title);
    const profileHref = `/profile?${base.toString()}`;
    const r = m.results;
    const source = ranking.source[0];

    return html(
      input,
      { title: r.title(title), nav: 'find' },
      <>
        <Steps t={t} current="results" hrefs={{ occupation: '/', profile: profileHref }} />
        <h1>{r.title(title)}</h1>
        <p class="lead">{r.intro}</p>
        <section aria-labelledby="profile-summary" class="summary-box compact">
          <h2 id="profile-summary">{r.profileSummary}</h2>
          <ul class="inline-list">
            <li>
              <strong>{title}</strong>
            </li>
            <li>{r.changedLevels(changedLevels(form, defaults))}</li>
            <li>{form.languageLevel !== undefined ? r.clb(form.languageLevel) : r.noClb}</li>
            <li>{form.province !== undefined ? m.provinces[form.province] : r.noProvince}</li>
            <li>
              <a href={profileHref}>{r.adjust}</a>
            </li>
          </ul>
        </section>

        <div class="results-layout">
          <form method="get" action="/results" class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title">{r.filters}</h2>
            <HiddenProfile query={base} />
            <div class="filter-grid">
              <div class="field">
                <label for="category">{r.category}</label>
                <select id="category" name="category">
                  <option value="">{r.any}</option>
                  {CATEGORIES.map((k) => (
                    <option value={k} selected={category === k}>
                      {m.categories[k]}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="path">{r.pathType}</label>
                <select id="path" name="path">
                  <option value="">{r.any}</option>
                  {PATH_TYPES.map((k) => (
                    <option value={k} selected={pathType === k}>
                      {m.pathTypes[k]}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="show">{r.show}</label>
                <select id="show" name="show">
                  {SHOW.map((n) => (
                    <option value={String(n)} selected={show === n}>
                      {String(n)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <PreferenceFields t={t} form={form} />
            <p class="actions">
              <button type="submit">{r.apply}</button> <a href={`/results?${clearFilters(base).toString()}`}>{r.clear}</a>
            </p>
          </form>
          <div class="results-main">


            <section aria-labelledby="options-title">
              <h2 id="options-title">{r.options(shown.length)}</h2>
              <p class="hint">{r.orderedBy}</p>
              <Excluded t={t} excluded={ranking.excluded} undecided={ranking.undecided} removedByView={removedByView} />
              {shown.length === 0 ? (
                <p>{r.none}</p>
              ) : (
                <ol class="results">
                  {shown.map((result) => (
                    <ResultCard t={t} result={result} form={form} from={title} href={`/alternative/${encodeURIComponent(result.occupation.id)}?${base.toString()}`} />
                  ))}
                </ol>
              )}
            </section>
            {source ? <SourceSummary t={t} source={source} form={form} href={`/alternative/${encodeURIComponent(source.occupation.id)}?${base.toString()}`} /> : null}
          </div>
        </div>
      </>,
    );
  });

function ResultCard({ t, result, form, from, href }: { t: I18n; result: RankResult; form: ProfileForm; from: string; href: string }) {
  const { m } = t;
  const title = t.occupation(result.occupation);
  const e = result.explanation;
  const essentialGaps = e ? e.gaps.filter((g) => g.essential).length : 0;
  const headingId = `result-${result.occupation.id}`;
  return (
    <li class="result card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <span class="rank">{m.results.rank(result.rank) + m.common.colon}</span>
          {title}
          {result.occupation.code ? <span class="code"> {m.common.code(result.occupation.code)}</span> : null}
        </h3>
        <ul class="badges">
          <li>
            <CategoryBadge t={t} category={result.category} />
          </li>
          <li>
            <PathBadge t={t} pathType={result.pathType} />
          </li>
          <FlagBadges t={t} flags={result.flags} {...(form.province ? { province: form.province } : {})} {...(form.languageLevel !== undefined ? { languageLevel: form.languageLevel } : {})} />
        </ul>
        <div class="metrics">
          <ShareBar label={m.metrics.match} share={result.fit} text={m.metrics.matchText(t.percent(result.fit))} />
          <CoverageBar t={t} coverage={result.coverage} gap={result.gap} />
          <ShareBar label={m.metrics.used} share={result.utilization} text={m.metrics.usedText(t.percent(result.utilization))} />
        </div>
        {e ? <p class="why">{whyText(t, result, from)}</p> : null}
        {e ? <p class="counts">{m.results.counts(e.matched.length + e.moreMatched, e.partial.length + e.morePartial, e.gaps.length + e.moreGaps, essentialGaps)}</p> : null}
        <p>
          <a href={href} class="button">
            {m.results.open}
            <span class="visually-hidden">{m.results.openFor(title)}</span>
          </a>
        </p>
      </article>
    </li>
  );
}

function SourceSummary({ t, source, form, href }: { t: I18n; source: SourceReport; form: ProfileForm; href: string }) {
  const { m } = t;
  const title = t.occupation(source.occupation);
  return (
    <section aria-labelledby="source-title" class="summary-box source">
      <h2 id="source-title">{m.results.sourceTitle(title)}</h2>
      <p>{m.results.sourceIntro}</p>
      <ul class="badges">
        <FlagBadges t={t} flags={source.flags} {...(form.province ? { province: form.province } : {})} {...(form.languageLevel !== undefined ? { languageLevel: form.languageLevel } : {})} />
      </ul>
      <div class="metrics">
        <CoverageBar t={t} coverage={source.coverage} gap={source.gap} />
      </div>
      <p>
        <a href={href}>{m.results.sourcePlan(title)}</a>
      </p>
    </section>
  );
}

function Excluded({
  t,
  excluded,
  undecided,
  removedByView,
}: {
  t: I18n;
  excluded: { regulated: number; trainingMonths: number };
  undecided: { regulated: number };
  removedByView: number;
}) {
  const r = t.m.results;
  const kept = undecided.regulated > 0 ? <p class="hint">{r.undecidedRegulated(undecided.regulated)}</p> : null;
  const parts = [
    excluded.regulated > 0 ? r.excludedRegulated(excluded.regulated) : undefined,
    excluded.trainingMonths > 0 ? r.excludedTraining(excluded.trainingMonths) : undefined,
    removedByView > 0 ? r.excludedOther(removedByView) : undefined,
  ].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return kept;
  return (
    <>
      <p class="hint">{r.excluded + t.m.common.colon + parts.join(' · ')}</p>
      {kept}
    </>
  );
}

/** The profile fields the filter form does not show, carried as hidden inputs. */
function HiddenProfile({ query }: { query: URLSearchParams }) {
  const hidden = [...query].filter(([key]) => key !== 'noRegulated' && key !== 'maxMonths');
  return (
    <>
      {hidden.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function clearFilters(query: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams(query);
  q.delete('noRegulated');
  q.delete('maxMonths');
  return q;
}

function oneOf<T extends string>(options: readonly T[], value: string | null): T | undefined {
  return options.find((o) => o === value);
}
