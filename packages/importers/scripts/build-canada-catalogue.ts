// Regenerates frameworks/canada (the service's default framework) from the official OaSIS release,
// the NOC 2021 structure CSV and the curated framework:
//
//   pnpm frameworks:canada [--oasis <folder>] [--noc <structure.csv>] [--curated <folder>] [--out <folder>]
//
// Defaults read ../shared/frameworks-data beside the project and write frameworks/canada. Run it
// again after a new OaSIS release or a change to frameworks/fqr-canada; the output is deterministic.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCanadaCatalogue } from '../src/catalogue/index.ts';
import { importNative, writeNative } from '../src/native/index.ts';
import { readNocStructure } from '../src/noc/structure-csv.ts';
import { importOasis } from '../src/oasis/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const data = resolve(root, '../shared/frameworks-data');
const { values } = parseArgs({
  options: {
    oasis: { type: 'string', default: join(data, 'oasis-2023') },
    noc: { type: 'string', default: join(data, 'noc-2021-csv/noc_2021_version_1.0_-_classification_structure.csv') },
    curated: { type: 'string', default: join(root, 'frameworks/fqr-canada') },
    out: { type: 'string', default: join(root, 'frameworks/canada') },
  },
});

const started = performance.now();
const oasis = await importOasis(values.oasis);
const curated = await importNative(values.curated);
const structure = await readNocStructure(values.noc);
const nocTitles = new Map(structure.classes.map((c) => [c.code, c.title] as const));
const { data: catalogue, report } = buildCanadaCatalogue({ oasis: oasis.data, curated: curated.data, nocTitles });
const sizes = await writeNative(values.out, catalogue, { generatedBy: 'packages/importers/scripts/build-canada-catalogue.ts (pnpm frameworks:canada)' });

for (const w of oasis.warnings.filter((w) => !w.includes('do not title the NOC groups'))) console.warn(`oasis: ${w}`);
console.log(JSON.stringify({ out: relative(root, values.out), version: catalogue.framework.version, ...report, sizes, ms: Math.round(performance.now() - started) }, null, 2));
