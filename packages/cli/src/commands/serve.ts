// `bridgework serve [--port N] [--db file] [--host name]`: the HTTP API, configured as `pnpm start`
// (environment variables, docs/api.md), with flags taking precedence. Stops on SIGINT/SIGTERM.
import { loadConfig, runServer } from '@bridgework/api';
import type { Io } from '../output.ts';
import { DB_FLAG, integerFlag, parseFlags } from './shared.ts';

export async function run(args: string[], _io: Io): Promise<number> {
  const { values } = parseFlags(args, { ...DB_FLAG, port: { type: 'string' }, host: { type: 'string' } }, { min: 0, max: 0, names: '' });
  const port = integerFlag(values.port, 'port', 0, 65535);
  const config = loadConfig();
  await runServer({
    ...config,
    ...(port !== undefined ? { port } : {}),
    ...(values.db !== undefined ? { database: values.db } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
  });
  // The server keeps the process alive until a signal closes it.
  return 0;
}
