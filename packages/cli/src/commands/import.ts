// `bridgework import <kind> <path> [--db file] [--id name] [--version v] [--replace]`: read a
// framework in its published format and store it as one version, in one transaction. On a
// terminal a progress bar runs on stderr; otherwise only the summary is printed (counts, time,
// warnings), so logs and pipes stay clean.
import type { ImportReport } from '@bridgework/service';
import { IMPORT_KINDS, isImportKind, type ImportProgress } from '@bridgework/importers';
import { UsageError, type Io } from '../output.ts';
import { count, DB_FLAG, parseFlags, withService } from './shared.ts';

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { ...DB_FLAG, id: { type: 'string' }, version: { type: 'string' }, replace: { type: 'boolean' } },
    { min: 2, max: 2, names: `<kind> <path>: kind one of ${IMPORT_KINDS.join(', ')}` },
  );
  const [kind, path] = positionals as [string, string];
  if (!isImportKind(kind)) throw new UsageError(`unknown framework format "${kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);
  const progress = io.isTty ? new ProgressBar() : undefined;
  const report = await withService(values.db, async (service) => {
    try {
      return await service.importFramework(
        {
          kind,
          path,
          ...(values.id !== undefined ? { id: values.id } : {}),
          ...(values.version !== undefined ? { version: values.version } : {}),
          ...(values.replace ? { replace: true } : {}),
        },
        progress ? { onRead: (p) => progress.read(p), onSave: (done, total) => progress.save(done, total) } : {},
      );
    } finally {
      progress?.clear();
    }
  });
  io.out(summary(report, values.db));
  return 0;
}

export function summary(report: ImportReport, db: string | undefined): string {
  const { framework: f, timing, warnings } = report;
  const c = f.counts;
  const rows: [string, number][] = [
    ['occupations', c.occupations],
    ['competencies', c.competencies],
    ['competency groups', c.competencyGroups],
    ['requirements', c.requirements],
    ['relations', c.relations],
    ['occupation links', c.occupationLinks],
    ['crosswalks', c.crosswalks],
  ];
  const width = Math.max(...rows.map(([, n]) => count(n).length));
  return [
    `imported ${f.id} ${f.version} (${f.name}) into ${db ?? 'the default database'}`,
    ...rows.map(([label, n]) => `  ${label.padEnd(18)} ${count(n).padStart(width)}`),
    `  read ${seconds(timing.readMs)}, saved ${seconds(timing.saveMs)}`,
    `  licence: ${f.licence.name}; ${f.licence.attribution}`,
    ...(warnings.length > 0 ? [`${warnings.length} warning(s):`, ...warnings.map((w) => `  - ${w}`)] : ['no warnings']),
  ].join('\n');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line on stderr, redrawn at most ten times a second. */
class ProgressBar {
  private last = 0;
  private drawn = false;

  read(p: ImportProgress): void {
    this.draw(`reading ${p.phase}`, p.done, p.total);
  }

  save(done: number, total: number): void {
    this.draw('saving', done, total);
  }

  clear(): void {
    if (this.drawn) process.stderr.write('\r\x1b[2K');
  }

  private draw(label: string, done: number, total: number | undefined): void {
    const now = performance.now();
    if (now - this.last < 100 && done !== total) return;
    this.last = now;
    this.drawn = true;
    const width = 30;
    const text =
      total !== undefined && total > 0
        ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '.')}] ${String(Math.floor((done / total) * 100)).padStart(3)}%`
        : count(done);
    process.stderr.write(`\r\x1b[2K${label.slice(0, 40).padEnd(40)} ${text}`);
  }
}
