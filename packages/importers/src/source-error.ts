// Errors that point into a source file: `file:line:column: what was expected, what was found`.
import { BridgeworkError } from '@bridgework/core';

export interface SourcePosition {
  file: string;
  line: number;
  column?: number;
}

export function formatPosition(position: SourcePosition): string {
  return position.column === undefined
    ? `${position.file}:${position.line}`
    : `${position.file}:${position.line}:${position.column}`;
}

/** A structural error in one source file: the message starts with file:line[:column]. */
export function sourceError(position: SourcePosition, message: string): BridgeworkError {
  const where = formatPosition(position);
  return new BridgeworkError('import.invalid_file', `${where}: ${message}`, [{ where, message }]);
}

/** Several errors found in one pass (a data author fixes them all at once). */
export function sourceErrors(summary: string, errors: { position: SourcePosition; message: string }[]): BridgeworkError {
  const details = errors.map((e) => ({ where: formatPosition(e.position), message: e.message }));
  const first = details[0];
  const head = first ? `${first.where}: ${first.message}` : summary;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new BridgeworkError('import.invalid_file', `${summary}: ${head}${more}`, details);
}
