import type { Command } from 'commander';
import { rundownStatuses, type SlotStatus } from '../../app/broadcast/service-status.js';
import { openSession } from '../../app/session.js';
import { bulletinIssueRows, type IssueRow } from '../../channels/bulletin/entry-source-status.js';
import { adapterFactoryFor, channelReadiness } from '../../channels/registry.js';
import { message } from '../../i18n/catalogue.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { fromStored } from '../../model/instant.js';
import { servesOnlyEndedPlans } from '../../plan/active.js';
import { reportsDueWithin } from '../../report/reports-due.js';
import { channelZone } from '../../scheduler/plan/planner.js';
import { localTime } from '../../scheduler/scheduling-context.js';
import { listFollowUps } from '../../store/followups.js';
import { listPublications, pausedChannels } from '../../store/publications.js';
import type { FollowUpAction, FollowUpStatus, PublicationRow } from '../../store/schema.js';
import { durationWords, isLateDetail } from '../../text/duration.js';
import { type Output, printJson } from '../output.js';
import { issueLine } from './bulletin.js';

export interface StatusOptions {
  dir?: string;
  json?: boolean;
  channel?: string;
  /** How many upcoming publications to show per channel (default 3). */
  next?: string;
}

/** One channel's state, as `loa status` shows it. */
export interface ChannelStatus {
  channel: string;
  kind: string;
  zone: string;
  counts: Record<string, number>;
  paused?: string;
  adapter: boolean;
  next: PublicationRow[];
  /** Scheduled again after a failed attempt: attempts so far, next try, last error. */
  retrying: PublicationRow[];
  failed: PublicationRow[];
  missed: PublicationRow[];
  /** Environment variables the channel needs and that are not set (names only). */
  notConfigured?: string[];
  /** Bulletin channels: the issues of this month and the next, with their state. */
  issues?: IssueRow[];
  /** Broadcast channels: each programme slot around now and how its rundown stands. */
  rundowns?: SlotStatus[];
  /** Updates and withdrawals of published posts still waiting, failed or not possible. */
  followUps: Array<{
    item: string;
    action: FollowUpAction;
    status: FollowUpStatus;
    attempts: number;
    error?: string;
  }>;
}

const FOLLOW_UP_SHOWN: readonly FollowUpStatus[] = ['pending', 'failed', 'unsupported'];

/** A publication that failed at least once and waits for its next try. */
function isRetrying(p: PublicationRow): boolean {
  return p.status === 'scheduled' && p.attempts > 0 && p.last_error !== null;
}

/** `loa status`: per channel, what is due next, what is being retried, failed, missed. */
export async function runStatus(
  options: StatusOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  const session = await openSession(options.dir ?? '.');
  try {
    const paused = await pausedChannels(session.store.db);
    const followUps = await listFollowUps(session.store.db, FOLLOW_UP_SHOWN);
    const all = await listPublications(session.store.db, { channel: options.channel });
    const shown = Number(options.next ?? 3) || 3;
    const report: ChannelStatus[] = [];
    const rundowns = await rundownStatuses(
      session.store.db,
      { planning: session.config, plans: session.project.plans.map((p) => p.value) },
      clock.now(),
      { channel: options.channel },
    );
    const plans = session.project.plans.map((p) => p.value);
    for (const channel of session.config.channels.values()) {
      if (options.channel && channel.id !== options.channel) continue;
      const own = all.filter((p) => p.channel_id === channel.id);
      const counts: Record<string, number> = {
        scheduled: 0,
        published: 0,
        failed: 0,
        missed: 0,
        cancelled: 0,
      };
      for (const p of own) counts[p.status] = (counts[p.status] ?? 0) + 1;
      const zone = channelZone(channel, session.config.planZones);
      const readiness = channelReadiness(channel, session.env);
      let issues: IssueRow[] | undefined;
      // A channel whose plans have all ended has nothing due: no issue days, no rundowns.
      const ended = servesOnlyEndedPlans(channel, plans, clock.now());
      if (hasCapability(channel, 'issues') && !ended) {
        const now = clock.now();
        const start = now.setZone(zone).startOf('month');
        issues = await bulletinIssueRows(session.store.db, {
          channel,
          range: { start, end: start.plus({ months: 2 }) },
          now,
          zone,
          dataDir: session.dataDir,
        });
      }
      report.push({
        channel: channel.id,
        kind: channel.kind,
        zone,
        counts,
        ...(paused.has(channel.id) ? { paused: paused.get(channel.id) } : {}),
        adapter: adapterFactoryFor(channel.kind, 'run') !== undefined,
        next: own.filter((p) => p.status === 'scheduled' && !isRetrying(p)).slice(0, shown),
        retrying: own.filter(isRetrying),
        failed: own.filter((p) => p.status === 'failed'),
        missed: own.filter((p) => p.status === 'missed'),
        ...(readiness && !readiness.ready ? { notConfigured: readiness.missing } : {}),
        ...(issues ? { issues } : {}),
        ...(hasCapability(channel, 'airs')
          ? { rundowns: ended ? [] : rundowns.filter((r) => r.channel === channel.id) }
          : {}),
        followUps: followUps
          .filter((f) => f.channel_id === channel.id)
          .map((f) => ({
            item: f.item_id,
            action: f.action,
            status: f.status,
            attempts: f.attempts,
            ...(f.last_error ? { error: f.last_error } : {}),
          })),
      });
    }
    const reports = reportsDueWithin(
      session.project.plans.map((p) => p.value),
      clock.now(),
      15,
    );
    if (options.json) {
      printJson(output, report);
      return 0;
    }
    if (reports.length > 0) output.out(message('STATUS_REPORTS_DUE', { days: 15 }));
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
    if (all.length === 0) output.out(message('STATUS_NOTHING'));
    for (const s of report) {
      const notes = [
        s.paused ? message('CHANNEL_PAUSED', { channel: s.channel, reason: s.paused }) : '',
        s.adapter ? '' : message('CHANNEL_NO_ADAPTER', { channel: s.channel, kind: s.kind }),
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
                late: durationWords(late),
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
                late: durationWords(fromStored(p.updated_at).diff(fromStored(p.slot))),
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
