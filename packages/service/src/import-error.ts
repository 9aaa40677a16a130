// What an import that a request asked for may say about its failure. Importers quote the files
// they read ("expected a number, found \"...\"", a header they did not recognise), which is what
// a data author wants at a terminal, but over HTTP it would hand anyone with an admin key the
// content of any file the server can read. So an import's error keeps its code, where each problem
// is (file:line:column) and what kind of problem it is, and loses every quoted value and what
// follows "found" or "got". `bridgework import` or `bridgework validate` on the server prints the
// messages in full.
import { BridgeworkError, type BridgeworkErrorCode, type ErrorDetail } from '@bridgework/core';

export interface PublicImportError {
  code: BridgeworkErrorCode;
  message: string;
  details: ErrorDetail[];
}

/** Codes whose messages are built from the files' content. */
const QUOTING = new Set<string>(['import.invalid_file', 'framework.invalid', 'import.failed', 'framework.empty']);

/** The error as it may leave the server: paths shown as the request gave them, contents removed. */
export function publicImportError(error: unknown, paths: { staged?: string; stagedDir?: string; original: string }): PublicImportError {
  const known = error instanceof BridgeworkError;
  const code: BridgeworkErrorCode = known ? error.code : 'import.failed';
  const rename = (text: string) => {
    let out = text;
    if (paths.staged !== undefined) out = out.split(paths.staged).join(paths.original);
    if (paths.stagedDir !== undefined) out = out.split(paths.stagedDir).join(paths.original);
    return out;
  };
  const clean = (text: string) => (QUOTING.has(code) ? withoutContent(rename(text)) : rename(text));
  if (!known) return { code, message: 'the import failed; the server logged why', details: [] };
  const [first = ''] = error.message.split('\n');
  return {
    code,
    message: clean(first) + (QUOTING.has(code) ? ' (values from the files are not shown: run bridgework import or validate on the server for the full messages)' : ''),
    details: error.details.slice(0, 100).map((d) => ({ ...(d.where !== undefined ? { where: rename(d.where) } : {}), message: clean(d.message) })),
  };
}

/** The message without what the files said: quoted values, and whatever follows "found" or "got". */
export function withoutContent(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\b(found|got|received) (?!"…")[^;]*/g, '$1 …');
}
