// What the results and alternative pages both start from: the profile in the query, the trained
// occupation, and the levels it starts from. Either that, or the response to send instead (back to
// the search when no occupation is named, the profile page with its errors when a field is wrong).
import type { CompiledIndex } from '@bridgework/core';
import type { Catalogue, OccupationDetail } from '@bridgework/service';
import { defaultsOf } from './framework-view.ts';
import type { PageInput } from './page.tsx';
import { parseProfileForm, type Defaults, type ProfileForm } from './profile-query.ts';
import { renderProfile } from './pages/profile.tsx';

export interface ProfileRequest {
  query: URLSearchParams;
  index: CompiledIndex;
  catalogue: Catalogue;
  form: ProfileForm;
  /** The trained occupation (form.occupation holds its id). */
  detail: OccupationDetail;
  defaults: Defaults;
}

export async function readProfileRequest(input: PageInput): Promise<ProfileRequest | Response> {
  const { c, t } = input;
  const query = new URL(c.req.url).searchParams;
  const { index, catalogue } = await input.framework();
  const parsed = parseProfileForm(query, (id) => index.competencyIndex.has(id));
  if (!parsed.form) return c.redirect('/', 303);
  const form = parsed.form;
  const detail = catalogue.occupation(form.occupation);
  form.occupation = detail.occupation.id;
  if (parsed.errors.length > 0) return renderProfile(input, t, index, detail, form, parsed.errors);
  return { query, index, catalogue, form, detail, defaults: defaultsOf(detail, form.trainedAbroad) };
}
