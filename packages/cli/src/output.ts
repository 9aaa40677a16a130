// How the CLI talks: results to stdout, diagnostics to stderr, errors as one readable block.
import { isBridgeworkError } from '@bridgework/core';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  isTty: Boolean(process.stderr.isTTY),
};

/** A usage mistake: printed with the command's help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function reportError(io: Io, error: unknown): number {
  if (error instanceof UsageError) {
    io.err(`error: ${error.message}\nRun "bridgework help" for usage.`);
    return 2;
  }
  if (isBridgeworkError(error)) {
    io.err(`error [${error.code}]: ${error.message}`);
    const shown = error.message.includes('\n') ? [] : error.details.slice(0, 50);
    for (const d of shown) io.err(`  ${d.where ? `${d.where}: ` : ''}${d.message}`);
    if (error.details.length > shown.length && shown.length > 0) io.err(`  ... and ${error.details.length - shown.length} more`);
    return 1;
  }
  io.err(`error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  return 1;
}
