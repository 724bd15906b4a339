import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { openSession } from '../../app/session.js';
import {
  emptyFeedReport,
  type IngestFeedReport,
  runIngest,
  type TakenEntry,
} from '../../channels/ingest/run.js';
import type { StateImport } from '../../channels/ingest/state.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import type { IngestChannel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { type Clock, systemClock } from '../../model/clock.js';
import type { PlanningConfig } from '../../scheduler/plan/items.js';
import { channelZone } from '../../scheduler/plan/planner.js';
import type { Store } from '../../store/types.js';
import { type Output, printJson } from '../output.js';
import { channelWith } from './bulletin.js';

export interface IngestOptions {
  dir?: string;
  channel?: string;
  force?: boolean;
  json?: boolean;
}

/** The reports of one ingest channel. */
export interface ChannelIngestReport {
  channel: string;
  creates: IngestChannel['creates'];
  feeds: IngestFeedReport[];
  /** What the first run after the upgrade imported from the old JSON state. */
  imported?: StateImport;
}

/** The ingest channels of a configuration. */
export function ingestChannels(config: PlanningConfig): IngestChannel[] {
  return [...config.channels.values()].filter((c): c is IngestChannel =>
    hasCapability(c, 'ingests'),
  );
}

/** What `ingestAll` needs; without a store it opens the one the environment names. */
export interface IngestAllOptions {
  dataDir: string;
  clock: Clock;
  /** The session's store: the feed state, the entries taken in and the evidence log. */
  store: Store;
  force?: boolean;
  signal?: AbortSignal;
}

function asLoaError(error: unknown): LoaError {
  return error instanceof LoaError
    ? error
    : new LoaError('INTERNAL', {
        params: { detail: (error as Error)?.message ?? String(error) },
        cause: error,
      });
}

/**
 * Runs ingest for the given channels, one after the other. A failing feed is in its report
 * (runIngest never throws for one); anything else that goes wrong with a channel (the store,
 * an unreadable old state file) becomes a failed report for each of its feeds, so one channel
 * never stops the others, nor `loa run`.
 */
export async function ingestAll(
  channels: readonly IngestChannel[],
  options: IngestAllOptions,
): Promise<ChannelIngestReport[]> {
  const reports: ChannelIngestReport[] = [];
  for (const channel of channels) {
    const report: ChannelIngestReport = {
      channel: channel.id,
      creates: channel.creates,
      feeds: [],
    };
    try {
      const run = await runIngest(channel, options);
      report.feeds = run.feeds;
      if (run.imported) report.imported = run.imported;
    } catch (error) {
      const failure = asLoaError(error);
      report.feeds = channel.feeds.map((feed) => ({
        ...emptyFeedReport(feed.url, feed.name),
        error: failure,
      }));
    }
    reports.push(report);
  }
  return reports;
}

function errorText(error: LoaError): string {
  return `[${error.code}] ${error.localized()}`;
}

function evidenceText(entry: TakenEntry): string {
  return entry.evidence.length === 0
    ? message('INGEST_NO_EVIDENCE')
    : entry.evidence.map((i) => `#${i}`).join(', ');
}

function entryLine(entry: TakenEntry, zone: string): string {
  if (entry.draft) return message('INGEST_NEW_DRAFT', { title: entry.title, draft: entry.draft });
  const local = DateTime.fromISO(entry.time ?? '', { zone }).toFormat('yyyy-MM-dd HH:mm ZZ');
  const time =
    entry.timeSource === 'ingested' ? message('INGEST_TIME_INGESTED', { time: local }) : local;
  return message('INGEST_NEW_PRESS', { title: entry.title, time, evidence: evidenceText(entry) });
}

function printFeed(output: Output, feed: IngestFeedReport, zone: string): void {
  output.out(
    `  ${message('INGEST_REPORT_LINE', {
      feed: feed.name ?? feed.feed,
      status: feed.status,
      newItems: feed.newItems,
      skipped: feed.skipped,
    })}`,
  );
  for (const entry of feed.entries) output.out(entryLine(entry, zone));
  if (feed.skipped > 0) output.out(message('INGEST_SKIPPED_WHY', { ...feed.skippedBy }));
  for (const legacy of feed.legacy) {
    output.out(`    ! ${message('INGEST_LEGACY_ENCODING', { ...legacy, url: feed.feed })}`);
  }
  if (feed.error) output.out(message('INGEST_FEED_ERROR', { error: errorText(feed.error) }));
}

/**
 * `loa ingest [--channel <id>] [--force] [--json]`: reads the feeds of each ingest channel
 * whose interval has passed (every feed with --force) and prints per feed what was taken in
 * (with the evidence indices written for press articles), what was skipped and why, and any
 * error. Exit code 1 when a feed failed.
 */
export async function runIngestCommand(
  options: IngestOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const channels = options.channel
      ? [channelWith(session, options.channel, 'ingests')]
      : ingestChannels(session.config);
    const reports = await ingestAll(channels, {
      dataDir: session.dataDir,
      clock,
      store: session.store,
      force: Boolean(options.force),
    });
    const failed = reports.some((r) => r.feeds.some((f) => f.status === 'failed'));
    if (options.json) {
      printJson(
        output,
        reports.map((r) => ({
          ...r,
          feeds: r.feeds.map(({ error, ...f }) => ({
            ...f,
            ...(error ? { error: errorText(error) } : {}),
          })),
        })),
      );
      return failed ? 1 : 0;
    }
    if (reports.length === 0) output.out(message('INGEST_NO_CHANNELS'));
    for (const report of reports) {
      output.out(
        message('INGEST_CHANNEL_HEADER', { channel: report.channel, creates: report.creates }),
      );
      if (report.imported) {
        const { path, feeds, entries, evidence } = report.imported;
        const indices = evidence.length === 0 ? '–' : evidence.map((i) => `#${i}`).join(', ');
        output.out(message('INGEST_STATE_IMPORTED', { path, feeds, entries, evidence: indices }));
      }
      const channel = session.config.channels.get(report.channel);
      const zone = channel ? channelZone(channel, session.config.planZones) : 'utc';
      for (const feed of report.feeds) printFeed(output, feed, zone);
    }
    return failed ? 1 : 0;
  } finally {
    await session.store.close();
  }
}

export function registerIngest(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('ingest')
    .description('Đọc các nguồn tin / read the feeds of ingest channels')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--channel <id>', 'chỉ kênh này / only this channel')
    .option('--force', 'đọc ngay, không chờ hết khoảng cách / read now, ignore the interval')
    .option('--json', 'JSON')
    .action(async (opts: IngestOptions) => setExit(await runIngestCommand(opts, output)));
}
