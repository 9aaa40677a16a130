// The person's profile as it travels between the web pages: in the query string of GET forms, so
// a page can be bookmarked, reloaded, shared with the person and printed, and the server stores
// nothing. Parsed here, at the boundary; the pages receive a typed ProfileForm.
//   occupation=<id>  c.<competency id>=<0-100>  clb=<1-12>  province=<ON...>
//   noRegulated=1  maxMonths=<0-240>  abroad=1 (trained outside Canada)
import { Jurisdiction, type Profile } from '@bridgework/core';
import { z } from 'zod';

export const LEVEL_PREFIX = 'c.';
/** Provinces and territories a person can live in (CA, federal, is not one). */
export const PROVINCES = Jurisdiction.options.filter((j) => j !== 'CA');

export interface ProfileForm {
  /** The trained occupation's id. */
  occupation: string;
  /** Levels in percent, by competency id, as the form sent them (possibly all equal to the defaults). */
  levels: Map<string, number>;
  languageLevel?: number;
  province?: Jurisdiction;
  excludeRegulated: boolean;
  maxTrainingMonths?: number;
  /** Trained outside Canada: Canadian-context competencies start at 0, not at the occupation's level. */
  trainedAbroad: boolean;
}

export type FieldProblem = 'not-a-number' | 'out-of-range' | 'unknown-competency' | 'unknown-province' | 'missing';
export interface FieldError {
  /** The query parameter, e.g. `clb` or `c.clinical-reasoning`. */
  field: string;
  problem: FieldProblem;
}

const Percent = z.coerce.number().int().min(0).max(100);
const Clb = z.coerce.number().int().min(1).max(12);
const Months = z.coerce.number().int().min(0).max(240);

/**
 * Reads the profile from the query. `known` tells which competency ids the framework has.
 * Empty fields mean "not given"; a bad field is reported and left out, never guessed at.
 */
export function parseProfileForm(query: URLSearchParams, known: (competency: string) => boolean): { form?: ProfileForm; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const occupation = query.get('occupation')?.trim();
  if (!occupation) return { errors: [{ field: 'occupation', problem: 'missing' }] };
  const levels = new Map<string, number>();
  for (const [key, raw] of query) {
    if (!key.startsWith(LEVEL_PREFIX) || levels.has(key.slice(LEVEL_PREFIX.length))) continue;
    const id = key.slice(LEVEL_PREFIX.length);
    if (!known(id)) {
      errors.push({ field: key, problem: 'unknown-competency' });
      continue;
    }
    if (raw.trim() === '') continue;
    const level = number(Percent, raw, key, errors);
    if (level !== undefined) levels.set(id, level);
  }
  const form: ProfileForm = { occupation, levels, excludeRegulated: query.get('noRegulated') === '1', trainedAbroad: query.get('abroad') === '1' };
  const clb = optional(query.get('clb'));
  if (clb !== undefined) {
    const value = number(Clb, clb, 'clb', errors);
    if (value !== undefined) form.languageLevel = value;
  }
  const province = optional(query.get('province'));
  if (province !== undefined) {
    const parsed = Jurisdiction.safeParse(province.toUpperCase());
    if (parsed.success && parsed.data !== 'CA') form.province = parsed.data;
    else errors.push({ field: 'province', problem: 'unknown-province' });
  }
  const months = optional(query.get('maxMonths'));
  if (months !== undefined) {
    const value = number(Months, months, 'maxMonths', errors);
    if (value !== undefined) form.maxTrainingMonths = value;
  }
  return { form, errors };
}

function optional(value: string | null): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function number(schema: z.ZodType<number>, raw: string, field: string, errors: FieldError[]): number | undefined {
  const result = schema.safeParse(raw.trim());
  if (result.success) return result.data;
  errors.push({ field, problem: /^-?\d+(\.\d+)?$/.test(raw.trim()) ? 'out-of-range' : 'not-a-number' });
  return undefined;
}

/** The trained occupation's levels in percent: the defaults of the form. */
export type Defaults = ReadonlyMap<string, number>;

export function percentOf(level: number): number {
  return Math.round(level * 100);
}

/**
 * The core profile: the trained occupation, plus a self-assessed override for every level that
 * differs from the occupation's (and every competency the occupation does not list).
 */
export function toProfile(form: ProfileForm, defaults: Defaults, options: { withPreferences?: boolean } = {}): Profile {
  const competencies: Profile['competencies'] = [];
  for (const [competency, percent] of form.levels) {
    if (defaults.get(competency) !== percent) competencies.push({ competency, level: percent / 100, evidence: 'self-assessed' });
  }
  const withPreferences = options.withPreferences ?? true;
  return {
    occupations: [{ occupation: form.occupation }],
    competencies,
    ...(form.trainedAbroad ? { internationallyEducated: true } : {}),
    ...(form.languageLevel !== undefined ? { languageLevel: form.languageLevel } : {}),
    ...(form.province !== undefined ? { province: form.province } : {}),
    preferences: withPreferences
      ? {
          ...(form.excludeRegulated ? { excludeRegulated: true } : {}),
          ...(form.maxTrainingMonths !== undefined ? { maxTrainingMonths: form.maxTrainingMonths } : {}),
        }
      : {},
  };
}

/**
 * The query that carries the profile to the next page: only levels that differ from the
 * defaults, so links stay short and read as "what was changed".
 */
export function profileQuery(form: ProfileForm, defaults: Defaults): URLSearchParams {
  const query = new URLSearchParams({ occupation: form.occupation });
  for (const [competency, percent] of form.levels) {
    if (defaults.get(competency) !== percent) query.set(LEVEL_PREFIX + competency, String(percent));
  }
  if (form.languageLevel !== undefined) query.set('clb', String(form.languageLevel));
  if (form.province !== undefined) query.set('province', form.province);
  if (form.excludeRegulated) query.set('noRegulated', '1');
  if (form.trainedAbroad) query.set('abroad', '1');
  if (form.maxTrainingMonths !== undefined) query.set('maxMonths', String(form.maxTrainingMonths));
  return query;
}

/** The competencies the person's levels differ from the trained occupation's. */
export function changedLevels(form: ProfileForm, defaults: Defaults): number {
  let n = 0;
  for (const [competency, percent] of form.levels) if (defaults.get(competency) !== percent) n++;
  return n;
}
