import type { Command } from 'commander';
import { type Clock, systemClock } from '../../calendar/clock.js';
import { type SyncReport, syncContent } from '../../content/sync.js';
import { message } from '../../i18n/catalogue.js';
import { actorName } from '../../scheduler/scheduling-context.js';
import { openSession, type Session } from '../../scheduler/session.js';
import { type Output, printJson } from '../output.js';

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

/** Syncs content/ into an open session's queue. */
export function syncSession(session: Session, clock: Clock, as?: string): Promise<SyncReport> {
  return syncContent(session.store, session.project, session.config, clock.now(), actorName(as));
}

/** `loa sync`: content/ into the queue (idempotent), then planning. */
export async function runSync(
  options: SyncOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const report = await syncSession(session, clock, options.as);
    if (options.json) printJson(output, report);
    else printSync(output, report);
    return 0;
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
