// `bridgework compare <a> <b> [--framework id] [--db file] [--json]`: two occupations side by
// side, in both directions. The same answer as POST /v1/compare.
import type { ComparedCompetency, Comparison } from '@bridgework/core';
import type { Io } from '../output.ts';
import { DB_FLAG, fixed, frameworkFlag, parseFlags, percent, table, withService } from './shared.ts';

const SHOWN = 15;

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { ...DB_FLAG, framework: { type: 'string' }, json: { type: 'boolean' } },
    { min: 2, max: 2, names: 'two occupations: <a> <b> (ids, codes or titles)' },
  );
  const [a, b] = positionals as [string, string];
  const comparison = await withService(values.db, (service) => service.compare(frameworkFlag(values.framework), a, b));
  io.out(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
  return 0;
}

export function formatComparison(c: Comparison): string {
  const a = c.a.title;
  const b = c.b.title;
  const side = (s: ComparedCompetency['a']) => (s ? `${fixed(s.level)}${s.essential ? '*' : ''}` : '');
  const section = (title: string, items: ComparedCompetency[]) =>
    items.length === 0
      ? [`${title}: none`]
      : [
          `${title} (${items.length}${items.length > SHOWN ? `, the ${SHOWN} most important shown` : ''}):`,
          table(
            ['competency', `level in ${a}`, `level in ${b}`, 'difference'],
            items.slice(0, SHOWN).map((x) => [x.competency.label, side(x.a), side(x.b), x.difference !== undefined ? fixed(x.difference) : '']),
            ['left', 'right', 'right', 'right'],
          ),
        ];
  return [
    `${a} -> ${b}: ${percent(c.coverage.aToB)} of ${b}'s needs met at ${a}'s levels`,
    `${b} -> ${a}: ${percent(c.coverage.bToA)} of ${a}'s needs met at ${b}'s levels`,
    '',
    ...section('Shared', c.shared),
    '',
    ...section(`Only ${a}`, c.onlyA),
    '',
    ...section(`Only ${b}`, c.onlyB),
    '',
    'Levels in [0,1]; * essential.',
  ].join('\n');
}
