import type { Command } from 'commander';
import { openSession } from '../../app/session.js';
import { REPORTS_DUE_DAYS, readStatus } from '../../app/status.js';
import { localTime } from '../../app/who-and-when.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { fromStored } from '../../model/instant.js';
import type { PublicationRow } from '../../store/schema.js';
import { durationBetween, durationWords, isLateDetail } from '../../text/duration.js';
import { type Output, printJson } from '../output.js';
import { issueLine } from './bulletin.js';

export interface StatusOptions {
  dir?: string;
  json?: boolean;
  channel?: string;
  /** How many upcoming publications to show per channel (default 3). */
  next?: string;
}

/** `loa status`: per channel, what is due next, what is being retried, failed, missed. */
export async function runStatus(
  options: StatusOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  const session = await openSession(options.dir ?? '.');
  try {
    const status = await readStatus(
      session,
      { channel: options.channel, next: Number(options.next ?? 3) || 3 },
      clock,
    );
    const report = status.channels;
    const reports = status.reportsDue;
    if (options.json) {
      printJson(output, report);
      return 0;
    }
    if (reports.length > 0) output.out(message('STATUS_REPORTS_DUE', { days: REPORTS_DUE_DAYS }));
    for (const r of reports) {
      output.out(
        message('STATUS_REPORT_DUE', {
          due: r.due.toISODate() ?? '',
          daysLeft: r.daysLeft,
          plan: r.plan,
          title: r.title,
          period: r.period,
        }),
      );
    }
    if (status.publications === 0) output.out(message('STATUS_NOTHING'));
    for (const s of report) {
      const notes = [
        s.paused ? message('CHANNEL_PAUSED', { channel: s.channel, reason: s.paused }) : '',
        s.withoutAdapter ? message(s.withoutAdapter, { channel: s.channel, kind: s.kind }) : '',
        s.notConfigured
          ? message('CHANNEL_NOT_CONFIGURED', {
              channel: s.channel,
              vars: s.notConfigured.join(', '),
            })
          : '',
      ].filter(Boolean);
      output.out(
        message('STATUS_CHANNEL', {
          channel: s.channel,
          kind: s.kind,
          scheduled: s.counts.scheduled ?? 0,
          published: s.counts.published ?? 0,
          failed: s.counts.failed ?? 0,
          missed: s.counts.missed ?? 0,
          note: notes.length ? ` — ${notes.join('; ')}` : '',
        }),
      );
      const when = (p: PublicationRow) => localTime(p.slot, s.zone);
      const now = clock.now();
      for (const p of s.next) {
        const late = now.diff(fromStored(p.slot));
        output.out(
          late.as('minutes') >= 1
            ? message('STATUS_NEXT_LATE', {
                when: when(p),
                item: p.item_id,
                late: durationBetween(fromStored(p.slot), now),
              })
            : message('STATUS_NEXT', { when: when(p), item: p.item_id }),
        );
      }
      const channel = session.config.channels.get(s.channel);
      for (const p of s.retrying) {
        output.out(
          message('STATUS_RETRYING', {
            when: when(p),
            item: p.item_id,
            attempts: p.attempts,
            max: channel?.retry.maxAttempts ?? p.attempts,
            next: localTime(p.due_at, s.zone),
            error: p.last_error ?? '',
          }),
        );
      }
      for (const p of s.failed) {
        output.out(
          message('STATUS_FAILED', { when: when(p), item: p.item_id, error: p.last_error ?? '' }),
        );
      }
      for (const p of s.missed) {
        // The stored reason is English; a lateness is said again in the user's words, from the
        // slot and the moment it was marked missed.
        output.out(
          isLateDetail(p.reason) && channel
            ? message('STATUS_MISSED_LATE', {
                when: when(p),
                item: p.item_id,
                late: durationBetween(fromStored(p.slot), fromStored(p.updated_at)),
                limit: durationWords({ minutes: channel.maxLatenessMinutes }),
              })
            : message('STATUS_MISSED', { when: when(p), item: p.item_id, reason: p.reason ?? '' }),
        );
      }
      for (const f of s.followUps) {
        const action = message(f.action === 'update' ? 'FOLLOW_UP_UPDATE' : 'FOLLOW_UP_WITHDRAW');
        const key =
          f.status === 'pending'
            ? 'STATUS_FOLLOW_UP_PENDING'
            : f.status === 'failed'
              ? 'STATUS_FOLLOW_UP_FAILED'
              : 'STATUS_FOLLOW_UP_UNSUPPORTED';
        const error = f.status === 'pending' && f.error ? `; ${f.error}` : (f.error ?? '');
        output.out(message(key, { action, item: f.item, attempts: f.attempts, error }));
      }
      for (const issue of s.issues ?? [])
        output.out(message('STATUS_BULLETIN_ISSUE', { line: issueLine(issue).trim() }));
      for (const r of s.rundowns ?? []) {
        const calm = r.status.level === 'ok' || r.status.level === 'aired';
        output.out(`  ${calm ? '' : `${message('LABEL_WARNING')}: `}${r.text}`);
      }
    }
    return 0;
  } finally {
    await session.store.close();
  }
}

export function registerStatus(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('status')
    .description('Tình hình đăng bài theo kênh / publication status per channel')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--channel <id>', 'kênh / channel')
    .option('--next <n>', 'số lượt sắp tới / upcoming shown', '3')
    .option('--json', 'JSON')
    .action(async (opts: StatusOptions) => setExit(await runStatus(opts, output)));
}
