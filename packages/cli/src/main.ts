// The `bridgework` command: one entry, one module per subcommand (loaded on demand, so
// `bridgework validate` does not load the HTTP server or the benchmark suites).
import { processIo, reportError, UsageError, type Io } from './output.ts';

export type Command = (args: string[], io: Io) => Promise<number>;

/** Each command lives in ./commands/<file>.ts and exports `run`. */
const COMMANDS: Record<string, { file: string; usage: string }> = {
  validate: { file: 'validate', usage: 'validate <folder>                                  check a native framework folder, print counts or every error' },
  import: { file: 'import', usage: 'import <onet|esco|tabiya|noc|oasis|crosswalk|native> <path> [--db file] [--id name] [--version v]' },
  frameworks: { file: 'frameworks', usage: 'frameworks [--db file] [--json]                    list stored framework versions' },
  rank: { file: 'rank', usage: 'rank --framework <id> --from <code|id|title> [--top N] [--province XX] [--internationally-educated] [--db file] [--json]' },
  compare: { file: 'compare', usage: 'compare <a> <b> [--framework id] [--db file] [--json]' },
  gaps: { file: 'gaps', usage: 'gaps --target <occupation> --cohort <file.csv|json> [--framework id] [--json]' },
  pathways: { file: 'pathways', usage: 'pathways --from <occupation> --to <occupation> [--max-steps N] [--json]' },
  serve: { file: 'serve', usage: 'serve [--port N] [--db file]                       start the HTTP API and web app' },
  eval: { file: 'eval', usage: 'eval [--only a,b] [--split tune|test|all] [--options json] [--show fw:occ] [--verbose]  ranking quality, tune/test split (JSON lines)' },
  bench: { file: 'bench', usage: 'bench [--quick]                                    performance figures (JSON lines)' },
};

function help(io: Io): number {
  io.out(['usage: bridgework <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n'));
  return 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // `pnpm bench -- --quick` passes the `--` through: drop it.
  const [name, ...rest] = argv;
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  if (!name || name === 'help' || name === '--help' || name === '-h') return help(io);
  try {
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const module = (await import(`./commands/${command.file}.ts`)) as { run: Command };
    return await module.run(args, io);
  } catch (error) {
    // node:util parseArgs rejects unknown flags with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return reportError(io, new UsageError((error as Error).message));
    return reportError(io, error);
  }
}

// Run when executed directly (tsx packages/cli/src/main.ts ...), not when imported by tests.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
