// `bridgework frameworks [--db file] [--json]`: the stored framework versions with source,
// licence and counts. The default framework is imported first when it is missing, as the server does.
import type { Io } from '../output.ts';
import { count, DB_FLAG, parseFlags, table, withService } from './shared.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, { ...DB_FLAG, json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
  const frameworks = await withService(values.db, async (service) => {
    try {
      await service.ensureDefaultFramework();
    } catch (error) {
      io.err(`warning: could not import the default framework ${service.defaultFramework.id}: ${(error as Error).message}`);
    }
    return service.listFrameworks();
  });
  if (values.json) {
    io.out(JSON.stringify({ frameworks }, null, 2));
    return 0;
  }
  if (frameworks.length === 0) {
    io.out('no frameworks stored; import one with "bridgework import <kind> <path>"');
    return 0;
  }
  const rows = frameworks.flatMap((f) =>
    f.versions.map((v, i) => [
      i === 0 ? v.id : '',
      v.version + (i === 0 ? ' (latest)' : ''),
      [v.source.kind, v.source.publisher, v.source.release].filter(Boolean).join(', '),
      v.licence.name,
      count(v.counts.occupations),
      count(v.counts.competencies),
      count(v.counts.requirements),
      v.importedAt.slice(0, 16).replace('T', ' '),
    ]),
  );
  io.out(
    table(['framework', 'version', 'source', 'licence', 'occupations', 'competencies', 'requirements', 'imported (UTC)'], rows, [
      'left', 'left', 'left', 'left', 'right', 'right', 'right', 'left',
    ]),
  );
  return 0;
}
