// What the data commands (import, frameworks, rank, compare, gaps, pathways, serve) share: flags
// parsed with node:util parseArgs (mistakes are usage errors, exit code 2), the same service the
// HTTP API uses over the same database, and plain-text tables.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeZodIssue, Profile, type ProfileInput } from '@bridgework/core';
import { BridgeworkService, loadServiceSettings, type FrameworkRef } from '@bridgework/service';
import { openStore } from '@bridgework/store';
import { UsageError } from '../output.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs in strict mode, with its errors turned into usage errors. */
export function parseFlags<O extends Options>(args: string[], options: O, positionals: { min: number; max: number; names: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals.max > 0, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    throw new UsageError(positionals.max === 0 ? `unexpected argument "${parsed.positionals[0]}"` : `expected ${positionals.names}`);
  }
  return parsed;
}

/** A required string flag. */
export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${flag} is required`);
  return value;
}

/** A whole number flag within a range. */
export function integerFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** `--framework id` or `--framework id@version`; the default framework when omitted. */
export function frameworkFlag(value: string | undefined): FrameworkRef {
  if (value === undefined) return {};
  const at = value.indexOf('@');
  return at < 0 ? { id: value } : { id: value.slice(0, at), version: value.slice(at + 1) };
}

/** A profile built from flags, checked by the core schema: a bad value is a usage error. */
export function profileFromFlags(flag: string, input: ProfileInput): Profile {
  const parsed = Profile.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new UsageError(`--${flag}: ${parsed.error.issues.map(describeZodIssue).join('; ')}`);
  return parsed.data;
}

export const DB_FLAG = { db: { type: 'string' } } as const;

/**
 * The service over the database of `--db` (a SQLite file or a database URL; else
 * BRIDGEWORK_DATABASE_URL, else BRIDGEWORK_DB, else ./data/bridgework.db), with the
 * default framework of the server's configuration, imported on first use as the server does.
 */
export async function withService<T>(db: string | undefined, work: (service: BridgeworkService) => Promise<T>): Promise<T> {
  const settings = loadServiceSettings();
  const service = new BridgeworkService({ store: await openStore(db ?? settings.database), defaultFramework: settings.defaultFramework });
  try {
    return await work(service);
  } finally {
    await service.close();
  }
}

export type Align = 'left' | 'right';

/** Columns padded to their widest cell; numbers usually right-aligned. */
export function table(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
export const fixed = (x: number, digits = 2) => x.toFixed(digits);
export const count = (n: number) => n.toLocaleString('en-CA');
