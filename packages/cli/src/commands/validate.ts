// `bridgework validate <folder>`: check a native framework and print its counts, or every error.
import { importNative } from '@bridgework/importers';
import { UsageError, type Io } from '../output.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const dir = args[0];
  if (!dir || args.length > 1) throw new UsageError('validate takes one argument: the framework folder');
  const { data } = await importNative(dir);
  const essential = data.requirements.filter((r) => r.essential).length;
  io.out(
    [
      `${dir}: valid (${data.framework.id} ${data.framework.version})`,
      `  occupations        ${data.occupations.length}`,
      `  competencies       ${data.competencies.length}`,
      `  competency groups  ${data.competencyGroups.length}`,
      `  requirements       ${data.requirements.length} (${essential} essential)`,
      `  relations          ${data.relations.length}`,
      `  occupation links   ${data.occupationLinks.length}`,
    ].join('\n'),
  );
  return 0;
}
