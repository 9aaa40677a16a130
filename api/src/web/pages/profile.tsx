// Step 2: the person's profile. Levels start at the trained occupation's typical levels, grouped by
// competency group; the counsellor changes those that differ, sets the language level, province and
// preferences, and may add a competency the occupation does not list. A GET form to /results.
import { BridgeworkError, type CompetencyRef, type CompiledIndex } from '@bridgework/core';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OccupationDetail } from '@bridgework/service';
import { Steps } from '../components/layout.tsx';
import { competencyById, defaultsOf, groupOrder, rootGroupOf } from '../framework-view.ts';
import type { I18n } from '../i18n.ts';
import { html, page, type PageInput, type WebDeps } from '../page.tsx';
import { changedLevels, parseProfileForm, PROVINCES, LEVEL_PREFIX, type Defaults, type FieldError, type ProfileForm } from '../profile-query.ts';

/** Above this a select of every competency is unusable; the add control is left out. */
const ADD_LIST_LIMIT = 1500;

interface Row {
  competency: CompetencyRef;
  value: number;
  typical?: number;
  essential: boolean;
}

interface Group {
  id: string;
  label: string;
  order: number;
  rows: Row[];
}

export const profilePage = (deps: WebDeps) =>
  page(deps, async (input) => {
    const { c, t } = input;
    const query = new URL(c.req.url).searchParams;
    const { index, catalogue } = await input.framework();
    const parsed = parseProfileForm(query, (id) => index.competencyIndex.has(id));
    if (!parsed.form) return c.redirect('/', 303);
    const form = parsed.form;
    let detail: OccupationDetail;
    try {
      detail = catalogue.occupation(form.occupation);
    } catch (error) {
      // A title that names several occupations: let the person pick one from the search.
      if (error instanceof BridgeworkError && error.code === 'occupation.ambiguous') return c.redirect(`/?q=${encodeURIComponent(form.occupation)}`, 303);
      throw error;
    }
    form.occupation = detail.occupation.id;
    const errors = [...parsed.errors];
    addCompetency(query, form, index, errors);
    return renderProfile(input, t, index, detail, form, errors);
  });

/** The "add a competency" control: `add=<id>` and `addLevel=<0-100>` (50 when empty). */
function addCompetency(query: URLSearchParams, form: ProfileForm, index: CompiledIndex, errors: FieldError[]): void {
  const add = query.get('add')?.trim();
  if (!add) return;
  if (!index.competencyIndex.has(add)) {
    errors.push({ field: 'add', problem: 'unknown-competency' });
    return;
  }
  const raw = query.get('addLevel')?.trim() ?? '';
  const level = raw === '' ? 50 : Number(raw);
  if (!/^\d+$/.test(raw === '' ? '50' : raw) || level < 0 || level > 100) {
    errors.push({ field: 'addLevel', problem: /^-?\d+(\.\d+)?$/.test(raw) ? 'out-of-range' : 'not-a-number' });
    return;
  }
  form.levels.set(add, level);
}

export function renderProfile(
  input: PageInput,
  t: I18n,
  index: CompiledIndex,
  detail: OccupationDetail,
  form: ProfileForm,
  errors: FieldError[],
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const { m } = t;
  const p = m.profile;
  const defaults = defaultsOf(detail, form.trainedAbroad);
  const groups = groupRows(index, t, detail, form, defaults);
  const occupationTitle = t.text(detail.occupation.title);
  const listed = new Set(groups.flatMap((g) => g.rows.map((r) => r.competency.id)));
  const addable = index.competencyCount <= ADD_LIST_LIMIT ? addableGroups(index, t, listed) : [];
  const hrefs = { occupation: '/' };

  return html(
    input,
    { title: p.title(occupationTitle), nav: 'find', status: errors.length > 0 ? 400 : status },
    <>
      <Steps t={t} current="profile" hrefs={hrefs} />
      <h1>{p.title(occupationTitle)}</h1>
      <p class="lead">{p.intro(occupationTitle)}</p>
      {errors.length > 0 ? <ErrorSummary t={t} errors={errors} index={index} /> : null}
      <TrainedWhere t={t} occupation={detail.occupation.id} abroad={form.trainedAbroad} />
      <form method="get" action="/results" class="profile-form" data-profile-form>
        <input type="hidden" name="occupation" value={detail.occupation.id} />
        {form.trainedAbroad ? <input type="hidden" name="abroad" value="1" /> : null}
        <p class="status" data-changed-count data-zero={p.changed.zero} data-one={p.changed.one} data-many={p.changed.many} aria-live="polite">
          {countText(p.changed, changedLevels(form, defaults))}
        </p>
        {groups.map((group) => (
          <fieldset class="levels" id={`group-${group.id}`}>
            <legend>{group.label}</legend>
            <p class="hint">{group.id === 'canadian-context' ? `${p.canadianContext} ${p.groupHint}` : p.groupHint}</p>
            {group.rows.map((row) => {
              const id = `c-${row.competency.id}`;
              const hintId = `${id}-hint`;
              const invalid = errors.some((e) => e.field === LEVEL_PREFIX + row.competency.id);
              return (
                <div class={`level-row${row.typical !== undefined && row.typical !== row.value ? ' changed' : ''}`}>
                  <label for={id}>
                    {t.competency(row.competency)}
                    {row.essential ? <span class="essential-mark"> ({m.common.essential})</span> : null}
                  </label>
                  <span class="hint" id={hintId}>
                    {row.typical !== undefined ? p.neededHint(t.percent(row.typical / 100)) : p.addedHint}
                    <span class="changed-mark" data-changed-mark hidden={row.typical === undefined || row.typical === row.value}>
                      {` · ${p.changedMark}`}
                    </span>
                  </span>
                  <span class="level-input">
                    <input
                      type="number"
                      id={id}
                      name={LEVEL_PREFIX + row.competency.id}
                      value={String(row.value)}
                      min="0"
                      max="100"
                      step="1"
                      inputmode="numeric"
                      aria-describedby={hintId}
                      aria-invalid={invalid ? 'true' : undefined}
                      data-typical={row.typical !== undefined ? String(row.typical) : undefined}
                    />
                    <span class="unit" aria-hidden="true">
                      {m.common.percentUnit}
                    </span>
                  </span>
                </div>
              );
            })}
          </fieldset>
        ))}
        <fieldset>
          <legend>{p.languageLegend}</legend>
          <div class="field">
            <label for="clb">{p.clb}</label>
            <span class="hint" id="clb-hint">
              {p.clbHint}
            </span>
            <select id="clb" name="clb" aria-describedby="clb-hint">
              <option value="">{p.clbNone}</option>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
                <option value={String(n)} selected={form.languageLevel === n}>
                  {`CLB ${n}`}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="province">{p.province}</label>
            <span class="hint" id="province-hint">
              {p.provinceHint}
            </span>
            <select id="province" name="province" aria-describedby="province-hint">
              <option value="">{p.provinceNone}</option>
              {PROVINCES.map((j) => (
                <option value={j} selected={form.province === j}>
                  {m.provinces[j]}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <PreferenceFields t={t} form={form} />
        <p class="actions">
          <button type="submit" class="primary">
            {p.submit}
          </button>{' '}
          <a href={`/profile?occupation=${encodeURIComponent(detail.occupation.id)}${form.trainedAbroad ? '&abroad=1' : ''}`}>{p.reset}</a>
        </p>
        {addable.length > 0 ? (
          <fieldset class="add">
            <legend>{p.addLegend}</legend>
            <div class="field">
              <label for="add">{p.addCompetency}</label>
              <select id="add" name="add">
                <option value="">{p.addChoose}</option>
                {addable.map((g) => (
                  <optgroup label={g.label}>
                    {g.items.map((competency) => (
                      <option value={competency.id}>{t.competency(competency)}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="addLevel">{p.addLevel}</label>
              <input type="number" id="addLevel" name="addLevel" min="0" max="100" step="1" inputmode="numeric" value="50" />
            </div>
            <button type="submit" formaction="/profile">
              {p.addSubmit}
            </button>
          </fieldset>
        ) : null}
      </form>
    </>,
  );
}

function countText(texts: { zero: string; one: string; many: string }, n: number): string {
  return n === 0 ? texts.zero : n === 1 ? texts.one : texts.many.replace('{n}', String(n));
}

/**
 * In Canada or outside: two links rather than a field of the form, because the choice changes the
 * starting levels, and levels already on the page would otherwise be read as the person's own.
 */
function TrainedWhere({ t, occupation, abroad }: { t: I18n; occupation: string; abroad: boolean }) {
  const p = t.m.profile;
  const href = (outside: boolean) => `/profile?occupation=${encodeURIComponent(occupation)}${outside ? '&abroad=1' : ''}`;
  return (
    <nav class="trained-where" aria-labelledby="trained-where-title">
      <h2 id="trained-where-title">{p.trainedLegend}</h2>
      <p>
        {abroad ? <a href={href(false)}>{p.trainedInCanada}</a> : <strong aria-current="true">{p.trainedInCanada}</strong>}
        {' · '}
        {abroad ? <strong aria-current="true">{p.trainedAbroad}</strong> : <a href={href(true)}>{p.trainedAbroad}</a>}
      </p>
      <p class="hint">{p.trainedHint}</p>
    </nav>
  );
}

/** Exclude regulated, longest training: on the profile page and again as results filters. */
export function PreferenceFields({ t, form }: { t: I18n; form: ProfileForm }) {
  const p = t.m.profile;
  return (
    <fieldset>
      <legend>{p.preferencesLegend}</legend>
      <div class="field check">
        <input type="checkbox" id="noRegulated" name="noRegulated" value="1" checked={form.excludeRegulated} aria-describedby="noRegulated-hint" />
        <label for="noRegulated">{p.excludeRegulated}</label>
        <span class="hint" id="noRegulated-hint">
          {p.excludeRegulatedHint}
        </span>
      </div>
      <div class="field">
        <label for="maxMonths">{p.maxMonths}</label>
        <span class="hint" id="maxMonths-hint">
          {p.maxMonthsHint}
        </span>
        <input
          type="number"
          id="maxMonths"
          name="maxMonths"
          min="0"
          max="240"
          step="1"
          inputmode="numeric"
          value={form.maxTrainingMonths !== undefined ? String(form.maxTrainingMonths) : ''}
          aria-describedby="maxMonths-hint"
        />
      </div>
    </fieldset>
  );
}

export function ErrorSummary({ t, errors, index }: { t: I18n; errors: FieldError[]; index: CompiledIndex }) {
  const { m } = t;
  const nameOf = (field: string) => {
    if (field.startsWith(LEVEL_PREFIX)) {
      const competency = competencyById(index, field.slice(LEVEL_PREFIX.length));
      return competency ? t.competency(competency) : field.slice(LEVEL_PREFIX.length);
    }
    return m.fieldNames[field] ?? field;
  };
  const anchor = (field: string) => (field.startsWith(LEVEL_PREFIX) ? `#c-${field.slice(LEVEL_PREFIX.length)}` : `#${field}`);
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-error-summary>
      <h2>{m.profile.errorsTitle}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={anchor(e.field)}>
              {nameOf(e.field)} {m.fieldProblems[e.problem]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function groupRows(index: CompiledIndex, t: I18n, detail: OccupationDetail, form: ProfileForm, defaults: Defaults): Group[] {
  const groups = new Map<string, Group>();
  const other = t.m.profile.otherGroup;
  const place = (groupId: string | undefined, row: Row) => {
    const root = rootGroupOf(index, groupId);
    const key = root?.id ?? '_other';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { id: key, label: root ? t.text(root.label) : other, order: groupOrder(index, root?.id), rows: [] }));
    group.rows.push(row);
  };
  for (const r of detail.requirements) {
    const typical = defaults.get(r.competency.id)!;
    place(r.competency.group, { competency: r.competency, value: form.levels.get(r.competency.id) ?? typical, typical, essential: r.essential });
  }
  for (const [id, value] of form.levels) {
    if (defaults.has(id)) continue;
    const competency = index.competencies[index.competencyIndex.get(id)!]!;
    place(competency.group, { competency: competencyById(index, id)!, value, essential: false });
  }
  return [...groups.values()].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
}

function addableGroups(index: CompiledIndex, t: I18n, listed: ReadonlySet<string>): { label: string; order: number; items: CompetencyRef[] }[] {
  const groups = new Map<string, { label: string; order: number; items: CompetencyRef[] }>();
  for (const competency of index.competencies) {
    if (listed.has(competency.id)) continue;
    const root = rootGroupOf(index, competency.group);
    const key = root?.id ?? '_other';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label: root ? t.text(root.label) : t.m.profile.otherGroup, order: groupOrder(index, root?.id), items: [] }));
    group.items.push(competencyById(index, competency.id)!);
  }
  const collator = new Intl.Collator(t.locale === 'fr' ? 'fr-CA' : 'en-CA', { sensitivity: 'base' });
  for (const g of groups.values()) g.items.sort((a, b) => collator.compare(t.competency(a), t.competency(b)));
  return [...groups.values()].sort((a, b) => a.order - b.order);
}
