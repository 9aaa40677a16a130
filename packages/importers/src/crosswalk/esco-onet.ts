// Nesta's ESCO -> O*NET-SOC crosswalk (`esco_onet_crosswalk_Nov2020.csv`: `id`, `esco_occupation`,
// `isco_code`, `onet_code`, `onet_occupation`, `matching_job_titles`, `semantic_similarity`,
// `confidence`, `concept_uri`): the best O*NET match for each ESCO occupation, with Nesta's
// confidence 0.5, 1 or 2 (highest).
import { basename } from 'node:path';
import { sourceError } from '../source-error.ts';
import type { Table } from '../text/table-reader.ts';
import { CrosswalkPairs } from './crosswalk-pairs.ts';
import { onetCodeAt, type CrosswalkOptions, type CrosswalkResult } from './crosswalk-options.ts';

const ESCO_OCCUPATION = /^https?:\/\/data\.europa\.eu\/esco\/occupation\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * O(rows). The ESCO side is the occupation's UUID (the concept URI's last segment, lower case),
 * the id the ESCO importers give occupations. Confidence c in [0,2] becomes c / 2, so Nesta's
 * three levels read 0.25, 0.5 and 1.
 */
export async function readEscoOnet(table: Table, path: string, options: CrosswalkOptions): Promise<CrosswalkResult> {
  const file = table.file;
  const name = basename(path);
  const uriColumn = table.column('concept_uri');
  const onetColumn = table.column('onet_code');
  const confidenceColumn = table.column('confidence');
  const source = options.source ?? `ESCO -> O*NET-SOC crosswalk, Nesta, November 2020 (${name}, MIT)`;
  const pairs = new CrosswalkPairs(name, { fromFramework: options.fromFramework, toFramework: options.toFramework, source });
  let rowsRead = 0;

  for await (const row of table.rows()) {
    rowsRead++;
    const at = (column: number) => ({ file, line: row.line, column: row.columnOf(column) });
    const uri = row.get(uriColumn).trim();
    const uuid = ESCO_OCCUPATION.exec(uri)?.[1];
    if (uuid === undefined) {
      throw sourceError(at(uriColumn), `expected an ESCO occupation URI (http://data.europa.eu/esco/occupation/<uuid>), found ${shown(uri)}`);
    }
    const onet = onetCodeAt(file, row, onetColumn);
    const text = row.get(confidenceColumn).trim();
    const confidence = Number(text);
    if (text === '' || !(confidence >= 0 && confidence <= 2)) {
      throw sourceError(at(confidenceColumn), `expected a confidence between 0 and 2 (Nesta uses 0.5, 1 and 2), found ${shown(text)}`);
    }
    pairs.add(uuid.toLowerCase(), onet, confidence / 2, row.line);
  }
  return { crosswalks: pairs.crosswalks(), warnings: pairs.warnings(), rowsRead: { [name]: rowsRead } };
}

function shown(value: string): string {
  return value === '' ? 'an empty field' : JSON.stringify(value);
}
