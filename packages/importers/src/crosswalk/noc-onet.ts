// The NOC 2021 -> O*NET-SOC crosswalk of the Brookfield Institute / The Dais (`noc2021_onet26.csv`:
// `noc`, `noc_title`, `onet`, `onet_title`): many-to-many, without confidence, so every pair gets 1
// unless the file has a `confidence` column in [0,1].
import { basename } from 'node:path';
import { sourceError } from '../source-error.ts';
import type { Table } from '../text/table-reader.ts';
import { CrosswalkPairs } from './crosswalk-pairs.ts';
import { onetCodeAt, type CrosswalkOptions, type CrosswalkResult } from './crosswalk-options.ts';

/**
 * O(rows). The file was saved through a spreadsheet that dropped leading zeros (`10` for
 * `00010`): NOC codes of one to five digits are left-padded to five, and counted in a warning.
 */
export async function readNocOnet(table: Table, path: string, options: CrosswalkOptions): Promise<CrosswalkResult> {
  const file = table.file;
  const name = basename(path);
  const nocColumn = table.column('noc');
  const onetColumn = table.column('onet');
  const confidenceColumn = table.find('confidence');
  const source = options.source ?? `NOC 2021 -> O*NET-SOC crosswalk, Brookfield Institute / The Dais (${name}, MIT)`;
  const pairs = new CrosswalkPairs(name, { fromFramework: options.fromFramework, toFramework: options.toFramework, source });
  let padded = 0;
  let firstPadded: string | undefined;
  let rowsRead = 0;

  for await (const row of table.rows()) {
    rowsRead++;
    const raw = row.get(nocColumn).trim();
    if (!/^\d{1,5}$/.test(raw)) {
      throw sourceError({ file, line: row.line, column: row.columnOf(nocColumn) }, `expected a NOC 2021 unit group code (five digits, or fewer where leading zeros were lost), found ${shown(raw)}`);
    }
    const noc = raw.padStart(5, '0');
    if (noc !== raw) {
      padded++;
      firstPadded ??= `line ${row.line}: ${raw} -> ${noc}`;
    }
    const onet = onetCodeAt(file, row, onetColumn);
    let confidence = 1;
    if (confidenceColumn >= 0) {
      const text = row.get(confidenceColumn).trim();
      confidence = Number(text);
      if (text === '' || !(confidence >= 0 && confidence <= 1)) {
        throw sourceError({ file, line: row.line, column: row.columnOf(confidenceColumn) }, `expected a confidence between 0 and 1, found ${shown(text)}`);
      }
    }
    pairs.add(noc, onet, confidence, row.line);
  }

  const warnings: string[] = [];
  if (padded > 0) warnings.push(`${name}: restored the leading zeros of ${padded} NOC code${padded === 1 ? '' : 's'} (first at ${firstPadded})`);
  warnings.push(...pairs.warnings());
  return { crosswalks: pairs.crosswalks(), warnings, rowsRead: { [name]: rowsRead } };
}

function shown(value: string): string {
  return value === '' ? 'an empty field' : JSON.stringify(value);
}
