// Scores as bars that always carry their numbers as text: the bar is decoration (aria-hidden),
// the text is the information, so nothing depends on seeing the bar or telling colours apart.
import { Jurisdiction, type Category, type Explanation, type FacetScore, type Flags, type PathType } from '@bridgework/core';

/** The provinces and territories (CA, federal, is not one of them). */
const PROVINCES_AND_TERRITORIES = Jurisdiction.options.filter((j) => j !== 'CA').length;
import type { I18n } from '../i18n.ts';

/** Met share as a solid segment, the rest striped: coverage and gap in one bar. */
export function CoverageBar({ t, coverage, gap }: { t: I18n; coverage: number; gap?: number }) {
  const met = clampShare(coverage);
  const { metrics } = t.m;
  return (
    <div class="metric">
      <span class="metric-label">{metrics.met}</span>
      <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="bar-rest" x={round(met * 100)} y="0" width={round(100 - met * 100)} height="10" fill="url(#stripes)" />
        <rect class="bar-fill" x="0" y="0" width={round(met * 100)} height="10" />
      </svg>
      <span class="metric-value">
        {metrics.metText(t.percent(met), t.percent(1 - met))}
        {gap !== undefined ? ` · ${metrics.gapText(t.number(gap))}` : ''}
      </span>
    </div>
  );
}

/** One share in [0,1] as a bar with its label and text. */
export function ShareBar({ label, share, text }: { label?: string; share: number; text: string }) {
  const s = clampShare(share);
  return (
    <div class="metric">
      {label ? <span class="metric-label">{label}</span> : null}
      <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="bar-track" x="0" y="0" width="100" height="10" />
        <rect class="bar-fill alt" x="0" y="0" width={round(s * 100)} height="10" />
      </svg>
      <span class="metric-value">{text}</span>
    </div>
  );
}

export function CategoryBadge({ t, category }: { t: I18n; category: Category }) {
  return (
    <span class={`badge badge-category cat-${category}`}>
      <span class="badge-key">{t.m.results.category + t.m.common.colon}</span>
      {t.m.categories[category]}
    </span>
  );
}

export function PathBadge({ t, pathType }: { t: I18n; pathType: PathType }) {
  return (
    <span class={`badge badge-path path-${pathType}`}>
      <span class="badge-key">{t.m.results.pathType + t.m.common.colon}</span>
      {t.m.pathTypes[pathType]}
    </span>
  );
}

/**
 * Regulation in the person's province (with the regulator), or where it is regulated. What the data
 * does not say reads as not known, with where to check: never as "not regulated".
 */
export function regulationText(t: I18n, flags: Flags, province: Jurisdiction | undefined): string {
  const f = t.m.flags;
  if (province !== undefined) {
    const name = t.m.provincesIn[province];
    if (flags.regulation === 'unknown') return f.unknownFor(t.m.provinces[province]);
    if (flags.regulation === 'not-regulated') return f.notRegulatedIn(name);
    return flags.regulator ? f.regulatedBy(name, flags.regulator) : f.regulatedIn(name);
  }
  if (flags.regulation === 'not-regulated') return f.notRegulated;
  if (flags.regulatedIn.length === 0) return f.unknown;
  return flags.regulation === 'regulated' && flags.regulatedIn.length < PROVINCES_AND_TERRITORIES ? f.unknownWhere(flags.regulatedIn.join(', ')) : f.regulatedWhere(flags.regulatedIn.join(', '));
}

export function FlagBadges({ t, flags, province, languageLevel }: { t: I18n; flags: Flags; province?: Jurisdiction; languageLevel?: number }) {
  const f = t.m.flags;
  return (
    <>
      <li>
        <span class={`badge ${flags.regulated ? 'badge-regulated' : 'badge-plain'}`}>
          <span aria-hidden="true">{flags.regulated ? '§ ' : ''}</span>
          {regulationText(t, flags, province)}
        </span>
      </li>
      {flags.language !== undefined ? (
        <li>
          <span class="badge badge-attention">{f.permitLanguage(flags.language)}</span>
        </li>
      ) : null}
      <li>
        <span class="badge badge-plain">{flags.trainingMonths !== undefined ? f.training(t.m.common.months(flags.trainingMonths)) : f.noTraining}</span>
      </li>
      {flags.languageNeed !== undefined ? (
        <li>
          <span class={`badge ${flags.languageGap ? 'badge-attention' : 'badge-plain'}`}>
            {flags.languageGap && languageLevel !== undefined ? f.languageGap(flags.languageNeed, languageLevel) : f.language(flags.languageNeed)}
          </span>
        </li>
      ) : null}
    </>
  );
}

function clampShare(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * Why a result ranks where it does, in the page's language: the match it is ordered by, how alike
 * the work is facet by facet, and the entry training the move adds (the core's `why`, localized).
 */
export function whyText(t: I18n, result: { fit: number; similarity: number; reach: number; flags: Flags; explanation?: Explanation }, from: string): string | undefined {
  const e = result.explanation;
  if (!e) return undefined;
  const w = t.m.why;
  const facetLabel = (f: FacetScore): string => {
    const base = f.kind === 'listed' ? (f.label.startsWith('detailed work activities') ? w.facets['listed-activities'] : w.facets.listed) : w.facets[f.kind as Exclude<keyof typeof w.facets, 'groups' | 'listed-activities'>] ?? f.label;
    return f.level === 'group' ? w.facets.groups(base) : base;
  };
  // The facets that carry the most of the similarity first.
  const facets = e.facets
    .filter((f) => f.share >= 0.05)
    .sort((a, b) => b.share - a.share)
    .map((f) => w.facet(facetLabel(f), t.percent(f.similarity)));
  let text = w.alike(t.percent(result.fit), t.percent(result.similarity), facets.join(', '));
  const lowers = result.reach < 0.95;
  const { addedTrainingMonths, estimatedTrainingMonths, preparation } = result.flags;
  const estimated = estimatedTrainingMonths ?? 0;
  if (estimated > 12 && estimated > (addedTrainingMonths ?? 0) + 12) text += w.trainingAhead(Math.round(estimated), lowers);
  else if (addedTrainingMonths !== undefined && addedTrainingMonths > 12) text += w.moreTraining(Math.round(addedTrainingMonths), from, lowers);
  else if (addedTrainingMonths !== undefined) text += w.noMoreTraining(from);
  else if (preparation?.change !== undefined && preparation.change >= 2) text += w.stepsUp(preparation.change, w.scales[preparation.scale], from, lowers);
  return `${text}.`;
}
