// Opaque page cursors over an immutable framework version: the offset of the next item and the
// version it belongs to, so a cursor cannot silently page through a different version.
import { BridgeworkError } from '@bridgework/core';

interface CursorState {
  version: string;
  offset: number;
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify([state.version, state.offset]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, version: string): number {
  if (cursor === undefined) return 0;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    typeof decoded[0] !== 'string' ||
    !Number.isSafeInteger(decoded[1]) ||
    (decoded[1] as number) < 0
  ) {
    throw new BridgeworkError('request.invalid', 'cursor is not one this API returned; start again without it', [
      { where: 'query.cursor', message: 'not a cursor from this API' },
    ]);
  }
  if (decoded[0] !== version) {
    throw new BridgeworkError('request.invalid', `cursor belongs to version "${decoded[0]}", not "${version}"; start again without it`, [
      { where: 'query.cursor', message: 'from another framework version' },
    ]);
  }
  return decoded[1] as number;
}
