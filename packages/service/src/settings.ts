// What the service needs to know wherever it runs (the HTTP server, the CLI, the bench): which
// database, which framework is the default and where it comes from, which sources to import at
// start. Read from the environment once; the server's own settings (port, keys, limits) are in
// api/src/config.ts on top of these.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BridgeworkError } from '@bridgework/core';
import { IMPORT_KINDS, isImportKind, type ImportKind } from '@bridgework/importers';

/** A framework to import: a format the importers know and a folder or file. */
export interface FrameworkSource {
  kind: ImportKind;
  path: string;
}

export interface DefaultFramework {
  /** Used when a request or command names no framework; /readyz waits for it. */
  id: string;
  /** Imported (under `id`) when the store holds no version of it. */
  source?: FrameworkSource;
}

export interface ServiceSettings {
  /** A database URL (`sqlite:./file.db`, `postgres://...`) or a SQLite file path; see openStore. */
  database: string;
  defaultFramework: DefaultFramework;
  /** Extra sources imported at start when their (id, version) is not stored yet. */
  imports: FrameworkSource[];
}

export const DEFAULT_DB_PATH = './data/bridgework.db';
export const DEFAULT_DATABASE = `sqlite:${DEFAULT_DB_PATH}`;
export const DEFAULT_FRAMEWORK_ID = 'fqr-canada';

/** The repository root, found from this file rather than the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The curated framework this project ships, imported on first start. */
export const BUNDLED_DEFAULT_FRAMEWORK: DefaultFramework = {
  id: DEFAULT_FRAMEWORK_ID,
  source: { kind: 'native', path: resolve(REPO_ROOT, 'frameworks', DEFAULT_FRAMEWORK_ID) },
};

type Env = Record<string, string | undefined>;

/**
 * Reads the service's settings from the environment (docs/api.md lists the variables). Throws
 * `request.invalid` naming the variable when one cannot be understood.
 */
export function loadServiceSettings(env: Env = process.env, cwd = process.cwd()): ServiceSettings {
  const defaultId = nonEmpty(env.BRIDGEWORK_DEFAULT_FRAMEWORK) ?? DEFAULT_FRAMEWORK_ID;
  const defaultSource = nonEmpty(env.BRIDGEWORK_DEFAULT_SOURCE);
  return {
    database: databaseSetting(env),
    defaultFramework: {
      id: defaultId,
      ...(defaultSource !== undefined
        ? { source: parseSource(defaultSource, 'BRIDGEWORK_DEFAULT_SOURCE', cwd) }
        : defaultId === DEFAULT_FRAMEWORK_ID
          ? { source: BUNDLED_DEFAULT_FRAMEWORK.source! }
          : {}),
    },
    imports: parseSources(env.BRIDGEWORK_IMPORT, cwd),
  };
}

/**
 * BRIDGEWORK_DATABASE_URL, else BRIDGEWORK_DB (a SQLite file, as before URLs), else the SQLite
 * file ./data/bridgework.db. Both set and disagreeing is refused: one of them would be ignored.
 */
export function databaseSetting(env: Env): string {
  const url = nonEmpty(env.BRIDGEWORK_DATABASE_URL);
  const path = nonEmpty(env.BRIDGEWORK_DB);
  if (url !== undefined && path !== undefined) {
    throw settingError('BRIDGEWORK_DATABASE_URL', 'is set together with BRIDGEWORK_DB: keep one (BRIDGEWORK_DB is the older name for a SQLite file)');
  }
  if (url !== undefined) return url;
  return path !== undefined ? `sqlite:${path}` : DEFAULT_DATABASE;
}

/** `kind:path[,kind:path...]`; relative paths are resolved against `cwd`. */
export function parseSources(value: string | undefined, cwd: string, variable = 'BRIDGEWORK_IMPORT'): FrameworkSource[] {
  if (nonEmpty(value) === undefined) return [];
  return value!
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => parseSource(s, variable, cwd));
}

function parseSource(value: string, variable: string, cwd: string): FrameworkSource {
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon).trim();
  const path = value.slice(colon + 1).trim();
  if (colon < 0 || !isImportKind(kind) || path === '') {
    throw settingError(variable, `"${value}" must be "<kind>:<path>" with kind one of ${IMPORT_KINDS.join(', ')}`);
  }
  return { kind, path: isAbsolute(path) ? path : resolve(cwd, path) };
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function settingError(variable: string, message: string): BridgeworkError {
  return new BridgeworkError('request.invalid', `${variable}: ${message}`, [{ where: variable, message }]);
}
