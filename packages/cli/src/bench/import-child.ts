// Run in a child process by the import benchmark, so that peak memory is this import's alone:
// imports one framework, saves it into a fresh store, prints one JSON object.
import { importFramework } from '@bridgework/importers';
import { openStore } from '@bridgework/store';

const [kind, path, db] = process.argv.slice(2);
if (!kind || !path || !db) {
  process.stderr.write('usage: import-child <kind> <path> <db>\n');
  process.exit(2);
}
const started = performance.now();
const result = await importFramework(kind, path);
const importMs = performance.now() - started;
const store = await openStore(`sqlite:${db}`);
const saveStart = performance.now();
const summary = await store.saveFramework(result.data);
const saveMs = performance.now() - saveStart;
await store.close();
process.stdout.write(
  JSON.stringify({
    id: summary.id,
    version: summary.version,
    importMs,
    saveMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    counts: summary.counts,
    warnings: result.warnings.length,
  }) + '\n',
);
