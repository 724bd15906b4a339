import type { Command } from 'commander';
import { type Clock, systemClock } from '../../calendar/clock.js';
import { type IngestFeedReport, runIngest } from '../../channels/ingest/run.js';
import type { IngestChannel } from '../../channels/schema.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import type { PlanningConfig } from '../../scheduler/plan-items.js';
import { openSession } from '../../scheduler/session.js';
import { type Output, printJson } from '../output.js';
import { channelOfKind } from './bulletin.js';

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
}

/** The ingest channels of a configuration. */
export function ingestChannels(config: PlanningConfig): IngestChannel[] {
  return [...config.channels.values()].filter((c): c is IngestChannel => c.kind === 'ingest');
}

/**
 * Runs ingest for the given channels, one after the other. A failing feed is in its report
 * (runIngest never throws for one); anything else that goes wrong with a channel becomes a
 * failed report too, so one channel never stops the others, nor `loa run`.
 */
export async function ingestAll(
  channels: readonly IngestChannel[],
  options: { dataDir: string; clock: Clock; force?: boolean; signal?: AbortSignal },
): Promise<ChannelIngestReport[]> {
  const reports: ChannelIngestReport[] = [];
  for (const channel of channels) {
    let feeds: IngestFeedReport[];
    try {
      feeds = await runIngest(channel, options);
    } catch (error) {
      const failure =
        error instanceof LoaError
          ? error
          : new LoaError('INTERNAL', {
              params: { detail: (error as Error)?.message ?? String(error) },
              cause: error,
            });
      feeds = channel.feeds.map((feed) => ({
        feed: feed.url,
        status: 'failed',
        newItems: 0,
        skipped: 0,
        created: [],
        legacy: [],
        error: failure,
      }));
    }
    reports.push({ channel: channel.id, creates: channel.creates, feeds });
  }
  return reports;
}

function errorText(report: IngestFeedReport): string {
  return report.error ? `[${report.error.code}] ${report.error.localized()}` : '';
}

/**
 * `loa ingest [--channel <id>] [--force]`: reads the feeds of each ingest channel whose
 * interval has passed (every feed with --force) and prints a report per feed. New entries
 * become draft items under the data directory or press-coverage records, never twice.
 * Exit code 1 when a feed failed.
 */
// NOTE: press records stay in `<dataDir>/ingest/press/<channel>.jsonl` for now; turning each
// into an evidence entry (kind `manual`, form press, key = the record id) belongs with the
// evidence commands, which can read them with pressRecordIds/pressFile and append once each.
export async function runIngestCommand(
  options: IngestOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const channels = options.channel
      ? [channelOfKind(session, options.channel, 'ingest')]
      : ingestChannels(session.config);
    const reports = await ingestAll(channels, {
      dataDir: session.dataDir,
      clock,
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
            ...(error ? { error: errorText({ ...f, error }) } : {}),
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
      for (const feed of report.feeds) {
        output.out(
          `  ${message('INGEST_REPORT_LINE', {
            feed: feed.name ?? feed.feed,
            status: feed.status,
            newItems: feed.newItems,
            skipped: feed.skipped,
          })}`,
        );
        if (feed.error) output.out(message('INGEST_FEED_ERROR', { error: errorText(feed) }));
      }
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
