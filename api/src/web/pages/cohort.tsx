// Cohort gaps for a bridging program: upload (or paste) a cohort CSV in the format of the CLI and
// of POST /v1/gaps/cohort, pick the target occupation, see the competencies to teach ranked by
// priority and those everyone already has (prior learning to credit), and download the result.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BridgeworkError, type CohortGaps, type ErrorDetail, type OccupationRef } from '@bridgework/core';
import type { AppEnv } from '../../http/app-env.ts';
import { readLimited } from '../../http/body.ts';
import { HttpError } from '../../http/problems.ts';
import { MAX_COHORT_SIZE, parseCohortCsv } from '@bridgework/service';
import { cohortGapsCsv, exampleCohortCsv } from '../cohort-csv-files.ts';
import { ShareBar } from '../components/metrics.tsx';
import { ratedOccupations } from '../framework-view.ts';
import type { I18n } from '../i18n.ts';
import { html, page, type PageInput, type WebDeps } from '../page.tsx';

interface CohortForm {
  csv: string;
  fileName: string;
  target: string;
}

export const cohortFormPage = (deps: WebDeps) => page(deps, async (input) => renderCohort(input, { csv: '', fileName: 'cohort.csv', target: input.c.req.query('target') ?? '' }));

export const cohortResultPage = (deps: WebDeps) =>
  page(deps, async (input) => {
    const form = await readCohortForm(input.c, deps.config.bodyLimit);
    const problems = missing(input.t, form);
    if (problems.length > 0) return renderCohort(input, form, { problems }, 400);
    const analysed = await analyse(input, form);
    if ('problems' in analysed) return renderCohort(input, form, analysed, 400);
    return renderCohort(input, form, { result: analysed.result });
  });

export const cohortDownload = (deps: WebDeps) =>
  page(deps, async (input) => {
    const form = await readCohortForm(input.c, deps.config.bodyLimit);
    const problems = missing(input.t, form);
    if (problems.length > 0) return renderCohort(input, form, { problems }, 400);
    const analysed = await analyse(input, form);
    if ('problems' in analysed) return renderCohort(input, form, analysed, 400);
    const name = `cohort-gaps-${analysed.result.target.id.replace(/[^\w.-]+/g, '_')}.csv`;
    return input.c.body(cohortGapsCsv(analysed.result), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });
  });

export const cohortExample = (deps: WebDeps) =>
  page(deps, async (input) => {
    const { index } = await input.framework();
    return input.c.body(exampleCohortCsv(index), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="cohort-example.csv"',
    });
  });

/** The multipart (or urlencoded) form, read with the server's body limit. */
async function readCohortForm(c: Context<AppEnv>, limit: number): Promise<CohortForm> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new HttpError('request.too_large', `the form is larger than ${limit} bytes`, [], { connection: 'close' });
  // The API's capped reader: it stops reading at the limit and says the connection will close.
  const bytes = await readLimited(c.req.raw.body, limit);
  const contentType = c.req.header('content-type') ?? '';
  let data: FormData;
  try {
    data = await new Request('http://form.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: bytes }).formData();
  } catch {
    throw new HttpError('request.malformed', 'send the cohort as a form (multipart/form-data)');
  }
  const file = data.get('file');
  const pasted = data.get('csv');
  const fromFile = typeof file === 'object' && file !== null && file.size > 0;
  const csv = fromFile ? await file.text() : typeof pasted === 'string' ? pasted : '';
  const target = data.get('target');
  return {
    csv,
    fileName: fromFile && file.name ? file.name.slice(0, 100) : 'cohort.csv',
    target: typeof target === 'string' ? target.trim() : '',
  };
}

function missing(t: I18n, form: CohortForm): string[] {
  const problems: string[] = [];
  if (form.csv.trim() === '') problems.push(t.m.cohort.noCohort);
  if (form.target === '') problems.push(t.m.cohort.noTarget);
  return problems;
}

/** Parse and analyse; domain errors come back as a list to show beside the form. */
async function analyse(input: PageInput, form: CohortForm): Promise<{ result: CohortGaps } | { problems: string[]; details: ErrorDetail[] }> {
  try {
    const profiles = parseCohortCsv(form.csv, form.fileName);
    return { result: await input.deps.service.cohortGaps({}, form.target, { profiles }) };
  } catch (error) {
    if (error instanceof BridgeworkError && error.code !== 'store.failed' && error.code !== 'internal') {
      // A CSV problem lists every line in its details; other errors say it in their message.
      const listed = error.code === 'request.invalid' && error.details.length > 0;
      return { problems: listed ? [] : [error.message], details: listed ? error.details : [] };
    }
    throw error;
  }
}

async function renderCohort(
  input: PageInput,
  form: CohortForm,
  outcome: { result?: CohortGaps; problems?: string[]; details?: ErrorDetail[] } = {},
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const { t } = input;
  const p = t.m.cohort;
  const { index } = await input.framework();
  const options = ratedOccupations(index, t);
  const { result, problems = [], details = [] } = outcome;
  const title = result ? p.resultTitle(t.occupation(result.target)) : p.title;
  return html(
    input,
    { title, nav: 'cohort', status, switchPath: '/cohort' },
    <>
      <h1>{p.title}</h1>
      {result ? (
        <CohortResult t={t} result={result} form={form} />
      ) : (
        <>
          <p class="lead">{p.intro}</p>
          <section aria-labelledby="format-title" class="summary-box">
            <h2 id="format-title">{p.formatTitle}</h2>
            <p>{p.format}</p>
            <p>
              <a href="/cohort/example.csv" download="cohort-example.csv">
                {p.example}
              </a>
            </p>
          </section>
          {problems.length + details.length > 0 ? (
            <div class="error-summary" role="alert" tabindex={-1} data-error-summary>
              <h2>{p.errorsTitle}</h2>
              <ul>
                {problems.map((x) => (
                  <li>{x}</li>
                ))}
                {details.map((d) => (
                  <li>{d.where ? `${d.where}: ${d.message}` : d.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <CohortFormView t={t} form={form} options={options} />
        </>
      )}
    </>,
  );
}

function CohortFormView({ t, form, options }: { t: I18n; form: CohortForm; options: OccupationRef[] }) {
  const p = t.m.cohort;
  return (
    <form method="post" action="/cohort" enctype="multipart/form-data" class="cohort-form">
      <div class="field">
        <label for="file">{p.file}</label>
        <span class="hint" id="file-hint">
          {p.fileHint(t.number(MAX_COHORT_SIZE, 0))}
        </span>
        <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint" />
      </div>
      <div class="field">
        <label for="csv">{p.paste}</label>
        <textarea id="csv" name="csv" rows={6} spellcheck={false}>
          {form.csv}
        </textarea>
      </div>
      <div class="field">
        <label for="target">{p.target}</label>
        <select id="target" name="target" required>
          <option value="">{p.choose}</option>
          {options.map((o) => (
            <option value={o.id} selected={o.id === form.target}>
              {t.occupation(o)}
              {o.code ? ` (${o.code})` : ''}
            </option>
          ))}
        </select>
      </div>
      <p class="actions">
        <button type="submit" class="primary">
          {p.submit}
        </button>
      </p>
    </form>
  );
}

function CohortResult({ t, result, form }: { t: I18n; result: CohortGaps; form: CohortForm }) {
  const { m } = t;
  const p = m.cohort;
  const target = t.occupation(result.target);
  return (
    <>
      <h2 id="result-title">{p.resultTitle(target)}</h2>
      <dl class="facts">
        <dt>{p.size}</dt>
        <dd>{t.number(result.cohortSize, 0)}</dd>
        <dt>{p.meanCoverage}</dt>
        <dd>{t.percent(result.meanCoverage)}</dd>
      </dl>
      <form method="post" action="/cohort/gaps.csv" enctype="multipart/form-data" class="download">
        <input type="hidden" name="target" value={form.target} />
        <input type="hidden" name="csv" value={form.csv} />
        <button type="submit">{p.download}</button> <a href="/cohort">{p.again}</a>
      </form>
      <section aria-labelledby="gaps-title">
        <h3 id="gaps-title">{p.gapsTitle(result.gaps.length)}</h3>
        <p>{p.gapsIntro}</p>
        {result.gaps.length === 0 ? (
          <p>{p.noneMet}</p>
        ) : (
          <div class="table-wrap">
            <table class="cohort-gaps">
              <caption class="visually-hidden">{p.gapsTitle(result.gaps.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{m.common.competency}</th>
                  <th scope="col">{m.common.essential}</th>
                  <th scope="col">{p.lacking}</th>
                  <th scope="col">{p.meanMissing}</th>
                  <th scope="col">{p.priority}</th>
                </tr>
              </thead>
              <tbody>
                {result.gaps.map((g, i) => (
                  <tr>
                    <td>{String(i + 1)}</td>
                    <th scope="row">{t.competency(g.competency)}</th>
                    <td>{g.essential ? <strong>{m.common.essential}</strong> : m.common.no}</td>
                    <td>
                      <ShareBar share={g.shareLacking} text={p.lackingText(g.lacking, result.cohortSize, t.percent(g.shareLacking))} />
                    </td>
                    <td>{m.alternative.missingPoints(t.number(g.meanDeficitAmongLacking * 100, 0))}</td>
                    <td>{t.number(g.priority, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="met-title">
        <h3 id="met-title">{p.metTitle(result.alreadyMet.length)}</h3>
        <p>{p.metIntro}</p>
        {result.alreadyMet.length === 0 ? (
          <p>{p.noneMet}</p>
        ) : (
          <ul class="columns">
            {result.alreadyMet.map((c) => (
              <li>{t.competency(c)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
