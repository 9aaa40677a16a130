// Runs an import in a child process (import-child.ts) and hands back its report, its progress on
// the way, or its error. The child runs TypeScript through tsx, as the server does, with its own
// heap limit: a source that exhausts memory ends the child and fails the import, not the server.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BridgeworkError } from '@bridgework/core';
import type { ImportReport } from './framework-sources.ts';
import type { ImportChildMessage, ImportProgressMessage, ImportTask } from './import-child.ts';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
/** tsx's loader, resolved from this package (a dependency of it), as a URL for --import. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** The child's heap: an ESCO import peaks near 300 MiB. */
export const IMPORT_HEAP_MIB = 1536;

/** A failure the child reported, with its code and its (content-free) details. */
export class ImportFailedError extends BridgeworkError {}

export function runImportInChild(task: ImportTask, onProgress: (progress: ImportProgressMessage) => void): Promise<ImportReport> {
  return new Promise<ImportReport>((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: ['--import', TSX, `--max-old-space-size=${IMPORT_HEAP_MIB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let settled = false;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('message', (message: ImportChildMessage) => {
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.report);
      } else {
        settled = true;
        reject(new ImportFailedError(message.error.code, message.error.message, message.error.details));
      }
    });
    child.once('error', (error) => {
      if (settled) return;
      settled = true;
      reject(new BridgeworkError('import.failed', `the import process could not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      const outOfMemory = /heap out of memory|Allocation failed/i.test(stderr);
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      reject(
        new BridgeworkError(
          'import.failed',
          outOfMemory
            ? `the import ran out of memory (more than ${IMPORT_HEAP_MIB} MiB) and was stopped; nothing was stored`
            : `the import process ${how} before it finished; nothing was stored`,
        ),
      );
    });
    child.send(task);
  });
}
