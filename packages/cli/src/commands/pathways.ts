// `bridgework pathways --from <occupation> --to <occupation> [--max-steps N] [--framework id]
// [--db file] [--json]`: routes through stepping-stone occupations. Same answer as POST /v1/pathways.
import type { Pathways } from '@bridgework/core';
import type { Io } from '../output.ts';
import { DB_FLAG, fixed, frameworkFlag, integerFlag, parseFlags, percent, profileFromFlags, required, withService } from './shared.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    args,
    { ...DB_FLAG, from: { type: 'string' }, to: { type: 'string' }, 'max-steps': { type: 'string' }, framework: { type: 'string' }, json: { type: 'boolean' } },
    { min: 0, max: 0, names: '' },
  );
  const from = required(values.from, 'from');
  const to = required(values.to, 'to');
  const maxSteps = integerFlag(values['max-steps'], 'max-steps', 1, 5);
  const profile = profileFromFlags('from', { occupations: [{ occupation: from }] });
  const result = await withService(values.db, (service) =>
    service.pathways(frameworkFlag(values.framework), { profile }, to, maxSteps !== undefined ? { maxSteps } : {}),
  );
  io.out(values.json ? JSON.stringify(result, null, 2) : formatPathways(result, from));
  return 0;
}

export function formatPathways(p: Pathways, from: string): string {
  const lines = [
    `From ${from} to ${p.target.title}`,
    `Directly: ${percent(p.direct.coverage)} of its needs met (gap ${fixed(p.direct.gap)})`,
    '',
    p.message,
  ];
  for (const s of p.steps) {
    lines.push('', `${s.step}. ${s.from ? s.from.title : 'You'} -> ${s.to.title}: ${percent(s.coverage)} covered`);
    for (const g of s.gaps) lines.push(`     to learn: ${g.competency.label} (${fixed(g.level)} -> ${fixed(g.required)}${g.essential ? ', essential' : ''})`);
  }
  return lines.join('\n');
}
