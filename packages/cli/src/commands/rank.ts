// `bridgework rank --framework <id> --from <code|id|title> [--top N] [--province XX]
// [--exclude-regulated] [--internationally-educated] [--db file] [--json]`:
// alternative careers for someone trained as --from, best first. The same service and the same
// answer as POST /v1/rank; --json prints that answer as is.
import { Jurisdiction, RankOptions, type Ranking, type RankOptionsInput } from '@bridgework/core';
import { UsageError, type Io } from '../output.ts';
import { DB_FLAG, fixed, frameworkFlag, integerFlag, parseFlags, percent, profileFromFlags, table, withService } from './shared.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      ...DB_FLAG,
      framework: { type: 'string' },
      from: { type: 'string', multiple: true },
      top: { type: 'string' },
      province: { type: 'string' },
      'exclude-regulated': { type: 'boolean' },
      'internationally-educated': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    { min: 0, max: 0, names: '' },
  );
  if (!values.from?.length) throw new UsageError('--from is required: the occupation (id, code or title) the person trained for');
  const top = integerFlag(values.top, 'top', 1, RankOptions.shape.top.unwrap().maxValue ?? 500);
  const province = values.province?.toUpperCase();
  if (province !== undefined && !Jurisdiction.safeParse(province).success) {
    throw new UsageError(`--province must be one of ${Jurisdiction.options.join(', ')}`);
  }
  const profile = profileFromFlags('from', {
    occupations: values.from.map((occupation) => ({ occupation })),
    ...(province !== undefined ? { province: province as Jurisdiction } : {}),
    // Trained abroad: Canadian-context competencies are not assumed, so they show as gaps.
    ...(values['internationally-educated'] ? { internationallyEducated: true } : {}),
  });
  const options: RankOptionsInput = {
    ...(top !== undefined ? { top } : {}),
    ...(values['exclude-regulated'] ? { filters: { excludeRegulated: true } } : {}),
  };
  const ranking = await withService(values.db, (service) => service.rank(frameworkFlag(values.framework), { profile }, options));
  io.out(values.json ? JSON.stringify(ranking, null, 2) : formatRanking(ranking));
  return 0;
}

export function formatRanking(r: Ranking): string {
  const from = r.from.occupations.map((o) => o.title).join(' + ');
  const lines = [`Alternatives for ${from} (${r.framework.id} ${r.framework.version}), best first`, ''];
  if (r.results.length === 0) lines.push('No occupation passed the filters.');
  else {
    lines.push(
      table(
        ['#', 'occupation', 'code', 'match', 'alike', 'coverage', 'gap', 'uses', 'category', 'path', 'notes'],
        r.results.map((x) => [
          String(x.rank),
          x.occupation.title,
          x.occupation.code ?? '',
          percent(x.fit),
          percent(x.similarity),
          percent(x.coverage),
          fixed(x.gap),
          percent(x.utilization),
          x.category,
          x.pathType,
          notes(x.flags, r.from.province !== undefined),
        ]),
        ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  for (const s of r.source) {
    const e = s.explanation;
    lines.push('', `Practising as ${s.occupation.title} here: ${e.summary}`);
  }
  lines.push(
    '',
    `match: what the list is ordered by, how alike the work is (alike), less when the occupations sit in different groups or the move adds more than a year of entry training; coverage: share of the occupation's needs already met; gap: what is missing (weighted); uses: share of the person's strengths it uses.`,
  );
  if (r.undecided.regulated > 0) lines.push(`Kept ${r.undecided.regulated} occupations whose regulation in the province is not known: check before relying on them.`);
  lines.push(`${r.considered} occupations considered. --json gives every explanation.`);
  return lines.join('\n');
}

function notes(flags: Ranking['results'][number]['flags'], inProvince: boolean): string {
  const notes: string[] = [];
  if (flags.regulated) notes.push(flags.regulator ? `regulated (${flags.regulator})` : 'regulated');
  else if (inProvince && flags.regulation === 'unknown') notes.push('regulation not known');
  if (flags.language !== undefined) notes.push(`permit needs ${flags.language === 'fr' ? 'French' : 'English'}`);
  if (flags.trainingMonths !== undefined) {
    const added = flags.addedTrainingMonths;
    notes.push(`${flags.trainingMonths} months training${added !== undefined ? ` (${added > 0 ? `+${Math.round(added)}` : 'none more'})` : ''}`);
  }
  if (flags.languageGap) notes.push(`CLB ${flags.languageNeed} needed`);
  return notes.join(', ');
}
