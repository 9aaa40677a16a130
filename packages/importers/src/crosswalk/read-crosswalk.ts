// Occupation crosswalk files -> Crosswalk records. The layout is told by the header: `noc`, `onet`
// (NOC 2021 -> O*NET-SOC, The Dais) or `concept_uri`, `onet_code`, `confidence` (ESCO -> O*NET-SOC,
// Nesta). Crosswalks join frameworks imported separately, so the ids of both sides come from the
// caller.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BridgeworkError, Id } from '@bridgework/core';
import { sourceError } from '../source-error.ts';
import { openTable } from '../text/table-reader.ts';
import type { CrosswalkOptions, CrosswalkResult } from './crosswalk-options.ts';
import { readEscoOnet } from './esco-onet.ts';
import { readNocOnet } from './noc-onet.ts';

/** `path` is one crosswalk CSV. Streaming, O(rows); strict on codes, with file:line:column. */
export async function readCrosswalk(path: string, options: CrosswalkOptions): Promise<CrosswalkResult> {
  for (const side of ['fromFramework', 'toFramework'] as const) {
    if (!Id.safeParse(options[side]).success) {
      throw new BridgeworkError('import.failed', `${side} must be a framework id, got ${JSON.stringify(options[side])}`, [{ where: side, message: 'not a framework id' }]);
    }
  }
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    throw new BridgeworkError('import.missing_file', `${path}: expected a crosswalk CSV file (noc2021_onet26.csv or esco_onet_crosswalk_Nov2020.csv)`, [
      { where: path, message: info ? 'not a file' : 'not found' },
    ]);
  }
  const phase = basename(path);
  options.onProgress?.({ phase, done: 0, total: info.size });
  const table = await openTable(path, {
    delimiter: ',',
    quote: '"',
    onBytes: (done) => options.onProgress?.({ phase, done, total: info.size }),
  });
  if (table.find('noc') >= 0 && table.find('onet') >= 0) return readNocOnet(table, path, options);
  if (table.find('concept_uri') >= 0 && table.find('onet_code') >= 0) return readEscoOnet(table, path, options);
  throw sourceError(
    { file: table.file, line: 1 },
    `unknown crosswalk layout: expected the columns noc, onet (NOC 2021 -> O*NET-SOC) or concept_uri, onet_code, confidence (ESCO -> O*NET-SOC); found ${table.header.map((h) => JSON.stringify(h)).join(', ')}`,
  );
}
