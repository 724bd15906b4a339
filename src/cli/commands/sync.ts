import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { openSession, type Session } from '../../app/session.js';
import { type SyncReport, syncContent } from '../../app/sync.js';
import { actorName } from '../../app/who-and-when.js';
import { type Diagnostic, formatDiagnostic, sortDiagnostics } from '../../config/diagnostic.js';
import { projectDirs } from '../../config/project.js';
import { hint, message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { type Output, printJson } from '../output.js';
import { type ProgressStream, progressBar } from '../progress.js';

export interface SyncOptions {
  dir?: string;
  as?: string;
  json?: boolean;
}

/** Prints what a sync did: the summary and every item that could not be scheduled. */
export function printSync(output: Output, report: SyncReport): void {
  output.out(
    message('SYNC_SUMMARY', {
      added: report.added.length,
      changed: report.changed.length,
      withdrawn: report.withdrawn.length,
      unchanged: report.unchanged,
      scheduled: report.scheduled,
      cancelled: report.cancelled,
    }),
  );
  for (const u of report.unplannable) output.err(message('UNPLANNABLE', u));
  for (const id of report.reapproval) output.err(message('SYNC_REAPPROVE', { id }));
  for (const id of report.conflicts) {
    output.err(message('ITEM_ID_TAKEN', { id, path: 'loa queue add' }));
  }
}

/** A content file that sync skipped, with its errors. */
interface SkippedFile {
  file: string;
  diagnostics: Diagnostic[];
  errors: string[];
}

/**
 * The files of content/ that did not parse (each is skipped; its item keeps its last valid
 * version), with their errors in file, line order.
 */
export function skippedFiles(session: Session): SkippedFile[] {
  const contentDir = projectDirs(session.project.root).content;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(session.project.diagnostics)) {
    if (d.severity !== 'error') continue;
    const inside = relative(contentDir, resolve(d.file));
    if (inside.startsWith('..') || isAbsolute(inside)) continue;
    byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  }
  return [...byFile].map(([file, diagnostics]) => ({
    file,
    diagnostics,
    errors: diagnostics.map((d) => formatDiagnostic(d)),
  }));
}

/** Syncs content/ into an open session's queue. */
export function syncSession(
  session: Session,
  clock: Clock,
  as?: string,
  onProgress?: (done: number, total: number) => void,
): Promise<SyncReport> {
  return syncContent(
    session.store,
    session.project,
    session.config,
    clock.now(),
    actorName(as),
    onProgress,
  );
}

/** `loa sync`: content/ into the queue (idempotent), then planning. */
export async function runSync(
  options: SyncOptions,
  output: Output,
  clock: Clock = systemClock,
  tty: ProgressStream | undefined = process.stderr,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const bar = progressBar(message('PROGRESS_SYNC'), tty);
    const report = await syncSession(session, clock, options.as, bar.update).finally(bar.end);
    const skipped = skippedFiles(session);
    if (options.json) {
      printJson(output, {
        ...report,
        skipped: skipped.map(({ file, errors }) => ({ file, errors })),
      });
    } else {
      printSync(output, report);
      for (const { file, diagnostics } of skipped) {
        output.err(message('SYNC_SKIPPED', { file, count: diagnostics.length }));
        for (const d of diagnostics) output.err(`  ${formatDiagnostic(d)}`);
      }
      if (skipped.length > 0) {
        output.err(message('SYNC_SKIPPED_SUMMARY', { count: skipped.length }));
        output.err(hint('SYNC_SKIPPED_SUMMARY') ?? '');
      }
    }
    return skipped.length > 0 ? 1 : 0;
  } finally {
    await session.store.close();
  }
}

export function registerSync(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('sync')
    .description('Đồng bộ content/ vào hàng đợi / sync content/ into the queue')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--as <name>', 'người thực hiện / who acts')
    .option('--json', 'JSON')
    .action(async (opts: SyncOptions) => setExit(await runSync(opts, output)));
}
