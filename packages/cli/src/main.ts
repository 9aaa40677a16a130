#!/usr/bin/env node
// The `bridgework` command: one entry, one module per subcommand.
import { processIo, reportError, UsageError, type Io } from './output.ts';
import { validateCommand } from './commands/validate.ts';

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  validate: { run: validateCommand, usage: 'validate <folder>                  check a native framework folder' },
};

function help(io: Io): number {
  io.out(['usage: bridgework <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n'));
  return 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return help(io);
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(args, io);
  } catch (error) {
    return reportError(io, error);
  }
}

// Run when executed directly (tsx packages/cli/src/main.ts ...), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/src/main.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
