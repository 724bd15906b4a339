import { bulletinIssueRows, type IssueRow } from '../channels/bulletin/entry-source-status.js';
import {
  adapterFactoryFor,
  channelReadiness,
  type RoleCode,
  withoutAdapter,
} from '../channels/registry.js';
import { hasCapability } from '../model/channel-kinds.js';
import type { Clock } from '../model/clock.js';
import { servesOnlyEndedPlans } from '../plan/active.js';
import { type PlanReportDue, reportsDueWithin } from '../report/reports-due.js';
import { channelZone } from '../scheduler/plan/planner.js';
import { listFollowUps } from '../store/followups.js';
import { listPublications, pausedChannels } from '../store/publications.js';
import type { FollowUpAction, FollowUpStatus, PublicationRow } from '../store/schema.js';
import { rundownStatuses, type SlotStatus } from './broadcast/service-status.js';
import type { Session } from './session.js';

/** One channel's state, as `loa status` shows it. */
export interface ChannelStatus {
  channel: string;
  kind: string;
  zone: string;
  counts: Record<string, number>;
  paused?: string;
  adapter: boolean;
  /** For a channel without an adapter: what it is for instead (or that its adapter is missing). */
  withoutAdapter?: RoleCode | 'CHANNEL_NO_ADAPTER';
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
export function isRetrying(p: PublicationRow): boolean {
  return p.status === 'scheduled' && p.attempts > 0 && p.last_error !== null;
}

/** Which channels a status covers and how many upcoming publications it lists. */
export interface StatusQuery {
  /** One channel's id; absent: every channel. */
  channel?: string;
  /** How many upcoming publications to list per channel. */
  next: number;
}

/** What `loa status` and `GET /api/status` report. */
export interface StatusReport {
  channels: ChannelStatus[];
  /** Publications of the channel asked for (all channels when none), in any state. */
  publications: number;
  /** Periodic reports due within the next 15 days. */
  reportsDue: PlanReportDue[];
}

/** Days ahead within which a due periodic report is announced. */
export const REPORTS_DUE_DAYS = 15;

/** Per channel, what is due next, what is being retried, failed, missed; reports due soon. */
export async function readStatus(
  session: Session,
  options: StatusQuery,
  clock: Clock,
): Promise<StatusReport> {
  const paused = await pausedChannels(session.store);
  const followUps = await listFollowUps(session.store, FOLLOW_UP_SHOWN);
  const all = await listPublications(session.store, { channel: options.channel });
  const shown = options.next;
  const report: ChannelStatus[] = [];
  const rundowns = await rundownStatuses(
    session.store,
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
      issues = await bulletinIssueRows(session.store, {
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
      ...(withoutAdapter(channel.kind) ? { withoutAdapter: withoutAdapter(channel.kind) } : {}),
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
  return {
    channels: report,
    publications: all.length,
    reportsDue: reportsDueWithin(plans, clock.now(), REPORTS_DUE_DAYS),
  };
}
