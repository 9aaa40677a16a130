// `bridgework eval` (pnpm eval): ranking quality against ground truth no one here wrote, one JSON
// line per figure: { name, value, n }.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { compileIndex, type FrameworkData } from '@bridgework/core';
import { importFramework } from '@bridgework/importers';
import { frameworksDataDir, REPO_ROOT } from '../eval/frameworks-data.ts';
import { evaluateCareerChangers } from '../eval/onet-career-changers.ts';
import { evaluateNamedAlternatives } from '../eval/named-alternatives.ts';
import { mergeRatings } from '../eval/merge-ratings.ts';
import type { Figure } from '../eval/metrics.ts';
import type { Io } from '../output.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { verbose: { type: 'boolean', default: false } } });
  const print = (figures: Figure[]) => figures.forEach((f) => io.out(JSON.stringify(f)));

  const fqr = (await importFramework('native', join(REPO_ROOT, 'frameworks/fqr-canada'))).data;
  const named = evaluateNamedAlternatives(fqr);
  print(named.figures);
  if (values.verbose) for (const d of named.detail) io.err(`${d.from}: ${d.alternatives.map((a) => `${a.id}@${a.rank}`).join(' ')}`);

  const data = frameworksDataDir();
  if (!data) {
    io.err('eval: ../shared/frameworks-data not found; the O*NET figures need it (set BRIDGEWORK_FRAMEWORKS_DATA)');
    return 0;
  }
  const onet25 = (await importFramework('onet', join(data, 'onet-25'))).data;
  print(evaluateCareerChangers(onet25).figures);

  // The onet-25 copy has Skills only; O*NET 29.2 Knowledge uses the same SOC 2019 codes. A
  // secondary figure shows what fuller competency data does for the same ground truth.
  const onet29 = (await importFramework('onet', join(data, 'onet-29'))).data;
  const withKnowledge: FrameworkData = mergeRatings(onet25, onet29, (competency) => competency.startsWith('2.C'));
  const e = evaluateCareerChangers(withKnowledge, {}, compileIndex(withKnowledge));
  print(e.figures.map((f) => ({ ...f, name: f.name.replace('onet.ccm.', 'onet.ccm+knowledge29.') })));
  return 0;
}
