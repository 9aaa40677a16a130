// Two occupations side by side, for regulators and occupational bodies: coverage in both
// directions, competencies both need (with both levels), and those only one of them needs.
import type { ComparedCompetency, Comparison, OccupationRef } from '@bridgework/core';
import { ShareBar } from '../components/metrics.tsx';
import { ratedOccupations } from '../framework-view.ts';
import type { I18n } from '../i18n.ts';
import { html, page, type WebDeps } from '../page.tsx';

export const comparePage = (deps: WebDeps) =>
  page(deps, async (input) => {
    const { c, t } = input;
    const p = t.m.compare;
    const { index } = await input.framework();
    const a = c.req.query('a')?.trim() || undefined;
    const b = c.req.query('b')?.trim() || undefined;
    const same = a !== undefined && a === b;
    const comparison = a !== undefined && b !== undefined && !same ? await deps.service.compare({}, a, b) : undefined;
    const options = ratedOccupations(index, t);
    const title = comparison ? `${p.title}${t.m.common.colon}${t.occupation(comparison.a)} / ${t.occupation(comparison.b)}` : p.title;

    return html(
      input,
      { title, nav: 'compare' },
      <>
        <h1>{p.title}</h1>
        <p class="lead">{p.intro}</p>
        <form method="get" action="/compare" class="compare-form">
          <OccupationSelect t={t} id="a" label={p.a} options={options} selected={comparison?.a.id ?? a} />
          <OccupationSelect t={t} id="b" label={p.b} options={options} selected={comparison?.b.id ?? b} />
          <p class="actions">
            <button type="submit" class="primary">
              {p.submit}
            </button>
            {comparison ? (
              <>
                {' '}
                <a href={`/compare?a=${encodeURIComponent(comparison.b.id)}&b=${encodeURIComponent(comparison.a.id)}`}>{p.swap}</a>
              </>
            ) : null}
          </p>
        </form>
        {same ? (
          <p class="error-message" role="alert">
            {p.same}
          </p>
        ) : null}
        {comparison ? <ComparisonView t={t} comparison={comparison} /> : null}
      </>,
    );
  });

function OccupationSelect({ t, id, label, options, selected }: { t: I18n; id: string; label: string; options: OccupationRef[]; selected: string | undefined }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id} required>
        <option value="">{t.m.compare.choose}</option>
        {options.map((o) => (
          <option value={o.id} selected={o.id === selected}>
            {t.occupation(o)}
            {o.code ? ` (${o.code})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function ComparisonView({ t, comparison }: { t: I18n; comparison: Comparison }) {
  const p = t.m.compare;
  const A = t.occupation(comparison.a);
  const B = t.occupation(comparison.b);
  const { aToB, bToA } = comparison.coverage;
  return (
    <>
      <section aria-labelledby="coverage-title" class="summary-box">
        <h2 id="coverage-title">{p.coverageTitle}</h2>
        <div class="metrics">
          <ShareBar label={`A → B`} share={aToB} text={p.coverageText(A, B, t.percent(aToB))} />
          <ShareBar label={`B → A`} share={bToA} text={p.coverageText(B, A, t.percent(bToA))} />
        </div>
      </section>
      <section aria-labelledby="shared-title">
        <h2 id="shared-title">{p.sharedTitle(comparison.shared.length)}</h2>
        <LevelTable t={t} rows={comparison.shared} columns={['a', 'b']} A={A} B={B} caption={p.sharedTitle(comparison.shared.length)} difference />
      </section>
      <section aria-labelledby="only-a-title">
        <h2 id="only-a-title">{p.onlyTitle(A, comparison.onlyA.length)}</h2>
        <LevelTable t={t} rows={comparison.onlyA} columns={['a']} A={A} B={B} caption={p.onlyTitle(A, comparison.onlyA.length)} />
      </section>
      <section aria-labelledby="only-b-title">
        <h2 id="only-b-title">{p.onlyTitle(B, comparison.onlyB.length)}</h2>
        <LevelTable t={t} rows={comparison.onlyB} columns={['b']} A={A} B={B} caption={p.onlyTitle(B, comparison.onlyB.length)} />
      </section>
    </>
  );
}

function LevelTable({
  t,
  rows,
  columns,
  A,
  B,
  caption,
  difference = false,
}: {
  t: I18n;
  rows: ComparedCompetency[];
  columns: ('a' | 'b')[];
  A: string;
  B: string;
  caption: string;
  difference?: boolean;
}) {
  const { m } = t;
  const p = m.compare;
  if (rows.length === 0) return <p>{p.none}</p>;
  const side = (row: ComparedCompetency, key: 'a' | 'b') => {
    const s = row[key];
    if (!s) return '—';
    return `${t.percent(s.level)}${s.essential ? ` · ${m.common.essential}` : ''}`;
  };
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.common.competency}</th>
            {columns.map((k) => (
              <th scope="col">{p.levelIn(k === 'a' ? `A, ${A}` : `B, ${B}`)}</th>
            ))}
            {difference ? <th scope="col">{p.difference}</th> : null}
            <th scope="col">{m.common.importance}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{t.competency(row.competency)}</th>
              {columns.map((k) => (
                <td>{side(row, k)}</td>
              ))}
              {difference ? <td>{p.differenceText(Math.round((row.difference ?? 0) * 100))}</td> : null}
              <td>{t.percent(Math.max(row.a?.importance ?? 0, row.b?.importance ?? 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
