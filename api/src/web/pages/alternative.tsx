// Step 4: one alternative in full, as a printable action plan: what transfers (matched), what
// partly transfers and from which of the person's competencies (partial credit), what is missing
// and by how much (gaps, essential ones marked), the facts a counsellor checks, and next steps.
import type { Explanation, Flags, Gap, Jurisdiction, Occupation } from '@bridgework/core';
import { CategoryBadge, CoverageBar, FlagBadges, PathBadge, regulationText, ShareBar, whyText } from '../components/metrics.tsx';
import { Steps } from '../components/layout.tsx';
import type { I18n } from '../i18n.ts';
import { html, page, type WebDeps } from '../page.tsx';
import { profileQuery, toProfile, type ProfileForm } from '../profile-query.ts';
import { readProfileRequest } from '../profile-request.ts';

const MAX_EXPLAINED = 100;

export const alternativePage = (deps: WebDeps) =>
  page(deps, async (input) => {
    const { c, t } = input;
    const { m } = t;
    const a = m.alternative;
    const request = await readProfileRequest(input);
    if (request instanceof Response) return request;
    const { index, catalogue, form, defaults, detail: sourceDetail } = request;
    const target = catalogue.occupation(c.req.param('id') ?? '').occupation;

    // The person asked about this one: the preference filters do not apply here.
    const profile = toProfile(form, defaults, { withPreferences: false });
    const isSource = target.id === sourceDetail.occupation.id;
    const top = isSource ? 1 : Math.min(500, index.occupationCount);
    const ranking = await deps.service.rank({}, { profile }, { top, explain: Math.min(MAX_EXPLAINED, top), maxMatched: 500, maxGaps: 500 });
    const result = isSource ? ranking.source[0] : ranking.results.find((r) => r.occupation.id === target.id);

    const base = profileQuery(form, defaults);
    const sourceTitle = t.text(sourceDetail.occupation.title);
    const targetTitle = t.text(target.title);
    const resultsHref = `/results?${base.toString()}`;
    const hrefs = { occupation: '/', profile: `/profile?${base.toString()}`, results: resultsHref };
    const explanation = result?.explanation;
    const province = form.province;

    return html(
      input,
      { title: `${targetTitle}${m.common.colon}${m.steps.plan}`, nav: 'find' },
      <>
        <Steps t={t} current="plan" hrefs={hrefs} />
        <h1>
          {a.title(targetTitle)}
          {target.codes.noc ? <span class="code"> {m.common.code(target.codes.noc)}</span> : null}
        </h1>
        <p class="subtitle">{isSource ? a.sourceSubtitle : a.subtitle(sourceTitle)}</p>
        <p class="lead">{a.intro}</p>
        {target.description ? <p>{t.text(target.description)}</p> : null}
        {!result ? (
          <p class="error-message">{a.notRanked}</p>
        ) : (
          <>
            <section aria-labelledby="facts-title" class="summary-box">
              <h2 id="facts-title">{a.facts}</h2>
              <ul class="badges">
                {'category' in result ? (
                  <>
                    <li>
                      <CategoryBadge t={t} category={result.category} />
                    </li>
                    <li>
                      <PathBadge t={t} pathType={result.pathType} />
                    </li>
                  </>
                ) : null}
                <FlagBadges t={t} flags={result.flags} {...(province ? { province } : {})} {...(form.languageLevel !== undefined ? { languageLevel: form.languageLevel } : {})} />
              </ul>
              {'category' in result ? (
                <ul class="help-list">
                  <li>
                    <strong>{m.categories[result.category]}</strong>
                    {m.common.colon}
                    {m.categoryHelp[result.category]}
                  </li>
                  <li>
                    <strong>{m.pathTypes[result.pathType]}</strong>
                    {m.common.colon}
                    {m.pathHelp[result.pathType]}
                  </li>
                </ul>
              ) : null}
              <div class="metrics">
                {'category' in result ? <ShareBar label={m.metrics.match} share={result.fit} text={m.metrics.matchText(t.percent(result.fit))} /> : null}
                <CoverageBar t={t} coverage={result.coverage} gap={result.gap} />
                <ShareBar label={m.metrics.used} share={result.utilization} text={m.metrics.usedText(t.percent(result.utilization))} />
                <ShareBar label={m.metrics.essentialCoverage} share={result.essentialCoverage} text={t.percent(result.essentialCoverage)} />
              </div>
              {'category' in result && explanation ? <p class="why">{whyText(t, result, sourceTitle)}</p> : null}
              <Facts t={t} occupation={target} flags={result.flags} form={form} />
            </section>
            {explanation ? <ExplanationTables t={t} explanation={explanation} sourceTitle={sourceTitle} /> : <p class="hint">{a.noExplanation}</p>}
            <ActionPlan t={t} explanation={explanation} flags={result.flags} occupation={target} province={province} languageLevel={form.languageLevel} sourceTitle={sourceTitle} />
          </>
        )}
        <nav class="after-links no-print" aria-label={m.steps.label}>
          <ul>
            <li>
              <a href={resultsHref}>{a.backToResults}</a>
            </li>
            {!isSource ? (
              <li>
                <a href={`/compare?a=${encodeURIComponent(sourceDetail.occupation.id)}&b=${encodeURIComponent(target.id)}`}>{a.compare(sourceTitle, targetTitle)}</a>
              </li>
            ) : null}
          </ul>
        </nav>
      </>,
    );
  });

function Facts({ t, occupation, flags, form }: { t: I18n; occupation: Occupation; flags: Flags; form: ProfileForm }) {
  const a = t.m.alternative;
  const fact = form.province ? occupation.regulation.find((r) => r.jurisdiction === form.province) : undefined;
  const licence = fact?.regulated ? fact.licence : undefined;
  return (
    <dl class="facts">
      <dt>{a.regulation}</dt>
      <dd>
        {regulationText(t, flags, form.province)}
        {licence ? (
          <>
            <br />
            {a.licence(licence)}
          </>
        ) : null}
        {fact?.sources?.length ? (
          <>
            <br />
            <small>
              {a.factSource}
              {fact.sources.map((s, i) => (
                <>
                  {i > 0 ? '; ' : ' '}
                  {s.url ? <a href={s.url}>{s.document}</a> : s.document}
                </>
              ))}
              {fact.checked ? ` (${a.factChecked(fact.checked)})` : ''}
            </small>
          </>
        ) : null}
      </dd>
      <dt>{a.entry}</dt>
      <dd>
        {occupation.entry?.education ? <span lang="en">{occupation.entry.education}</span> : null}
        {occupation.entry?.education && flags.trainingMonths !== undefined ? ' · ' : ''}
        {flags.trainingMonths !== undefined ? t.m.flags.training(t.m.common.months(flags.trainingMonths)) : occupation.entry?.education ? '' : t.m.flags.noTraining}
      </dd>
      {flags.teer !== undefined ? (
        <>
          <dt>{a.teer}</dt>
          <dd>{t.m.flags.teer(flags.teer)}</dd>
        </>
      ) : null}
      {flags.languageNeed !== undefined ? (
        <>
          <dt>{a.languageFact}</dt>
          <dd>
            {a.languageNeed(flags.languageNeed)}
            {form.languageLevel !== undefined ? ` · ${a.languageHave(form.languageLevel)}` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function ExplanationTables({ t, explanation, sourceTitle }: { t: I18n; explanation: Explanation; sourceTitle: string }) {
  const { m } = t;
  const a = m.alternative;
  const pct = (x: number) => t.percent(x);
  return (
    <>
      <section aria-labelledby="matched-title">
        <h2 id="matched-title">{a.matchedTitle(explanation.matched.length)}</h2>
        <p>{a.matchedIntro}</p>
        {explanation.matched.length === 0 ? (
          <p>{a.noneMatched}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{a.matchedTitle(explanation.matched.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.common.competency}</th>
                  <th scope="col">{m.common.needed}</th>
                  <th scope="col">{m.common.personLevel}</th>
                  <th scope="col">{a.evidence}</th>
                </tr>
              </thead>
              <tbody>
                {explanation.matched.map((x) => (
                  <tr>
                    <th scope="row">{t.competency(x.competency)}</th>
                    <td>{pct(x.required)}</td>
                    <td>{pct(x.level)}</td>
                    <td>{m.evidence[x.evidence]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="partial-title">
        <h2 id="partial-title">{a.partialTitle(explanation.partial.length)}</h2>
        <p>{a.partialIntro}</p>
        {explanation.partial.length === 0 ? (
          <p>{a.nonePartial}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{a.partialTitle(explanation.partial.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.common.competency}</th>
                  <th scope="col">{m.common.needed}</th>
                  <th scope="col">{a.credited}</th>
                  <th scope="col">{a.from}</th>
                  <th scope="col">{a.similarity}</th>
                </tr>
              </thead>
              <tbody>
                {explanation.partial.map((x) => (
                  <tr>
                    <th scope="row">{t.competency(x.competency)}</th>
                    <td>{pct(x.required)}</td>
                    <td>{pct(x.level)}</td>
                    <td>{a.fromText(t.competency(x.from), pct(x.fromLevel))}</td>
                    <td>{pct(x.similarity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="gaps-title">
        <h2 id="gaps-title">{a.gapsTitle(explanation.gaps.length + explanation.moreGaps)}</h2>
        {explanation.gaps.length === 0 ? (
          <p>{a.noGaps}</p>
        ) : (
          <>
            <p>{a.gapsIntro}</p>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">{a.gapsTitle(explanation.gaps.length + explanation.moreGaps)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.common.competency}</th>
                    <th scope="col">{m.common.needed}</th>
                    <th scope="col">{m.common.personLevel}</th>
                    <th scope="col">{a.missing}</th>
                    <th scope="col">{m.common.essential}</th>
                    <th scope="col">{a.kind}</th>
                  </tr>
                </thead>
                <tbody>
                  {explanation.gaps.map((g) => (
                    <tr class={g.essential ? 'essential' : undefined}>
                      <th scope="row">{t.competency(g.competency)}</th>
                      <td>{pct(g.required)}</td>
                      <td>{pct(g.level)}</td>
                      <td>{a.missingPoints(t.number(g.deficit * 100, 0))}</td>
                      <td>{g.essential ? <strong>{m.common.essential}</strong> : m.common.no}</td>
                      <td>{howToBuild(t, g, sourceTitle)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {explanation.moreGaps > 0 ? <p class="hint">{a.moreGaps(explanation.moreGaps)}</p> : null}
          </>
        )}
      </section>
    </>
  );
}

function ActionPlan({
  t,
  explanation,
  flags,
  occupation,
  province,
  languageLevel,
  sourceTitle,
}: {
  t: I18n;
  explanation: Explanation | undefined;
  flags: Flags;
  occupation: Occupation;
  province: Jurisdiction | undefined;
  languageLevel: number | undefined;
  sourceTitle: string;
}) {
  const a = t.m.alternative;
  const steps: string[] = [];
  if (flags.languageGap && flags.languageNeed !== undefined && languageLevel !== undefined) steps.push(a.planLanguage(flags.languageNeed, languageLevel));
  if (explanation) {
    const essential = (e: boolean) => (e ? ` ${a.planEssential}` : '');
    // Canadian-context gaps first (the licensing route closes them), then training, then the rest,
    // worded by where the person's level comes from: an estimate is confirmed, not built from.
    for (const g of explanation.gaps.filter((g) => g.context === 'jurisdiction')) steps.push(a.planContext(t.competency(g.competency)) + essential(g.essential));
    const rest = explanation.gaps.filter((g) => g.context !== 'jurisdiction');
    for (const g of rest.filter((g) => g.hard && g.context !== 'transversal')) steps.push(a.planTraining(t.competency(g.competency)) + essential(g.essential));
    for (const g of rest.filter((g) => !g.hard || g.context === 'transversal')) {
      const label = t.competency(g.competency);
      const to = t.percent(g.required);
      const step =
        g.context === 'transversal' && g.basis === 'none'
          ? a.planCheck(label, sourceTitle)
          : g.basis === 'related'
            ? a.planConfirm(label, to)
            : g.basis === 'none'
              ? a.planBuildTo(label, to)
              : a.planBuild(label, t.percent(g.level), to);
      steps.push(step + essential(g.essential));
    }
  }
  if (flags.regulation === 'unknown' && province) steps.push(a.planRegulationUnknown(t.m.provinces[province]));
  if (flags.regulated) {
    const regulator = province ? occupation.regulation.find((r) => r.jurisdiction === province && r.regulated)?.regulator : undefined;
    steps.push(regulator ? a.planRegulator(regulator) : a.planRegulatedAnywhere);
  }
  if (explanation && explanation.matched.length + explanation.partial.length > 0) steps.push(a.planCredit);
  if (explanation && explanation.gaps.length === 0) steps.push(a.planNothing);
  return (
    <section aria-labelledby="plan-title" class="plan">
      <h2 id="plan-title">{a.planTitle}</h2>
      <p>{a.planIntro}</p>
      <ol class="checklist">
        {steps.map((s) => (
          <li>{s}</li>
        ))}
      </ol>
      <div class="print-only notes">
        <h3>{a.notes}</h3>
        <div class="note-lines" aria-hidden="true"></div>
      </div>
      <p class="no-print">
        <button type="button" data-print hidden>
          {a.print}
        </button>{' '}
        <span class="hint">{a.printHint}</span>
      </p>
    </section>
  );
}

/** The "how to build it" cell: what kind of step closes this gap. */
function howToBuild(t: I18n, g: Gap, sourceTitle: string) {
  const a = t.m.alternative;
  if (g.context === 'jurisdiction') return a.contextGap;
  if (g.context === 'transversal' && g.basis === 'none') return a.unnamedGap(sourceTitle);
  if (g.basis === 'related') return a.relatedGap;
  return g.hard ? <strong>{a.hard}</strong> : a.level;
}
