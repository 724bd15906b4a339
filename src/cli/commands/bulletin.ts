import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { openSession, type Session } from '../../app/session.js';
import { actorName } from '../../app/who-and-when.js';
import { bulletinIssuesIn } from '../../calendar/slots.js';
import { issueWindow } from '../../channels/bulletin/assemble.js';
import { storeBulletinAdapter } from '../../channels/bulletin/entry-source.js';
import {
  bulletinIssueRows,
  ISSUE_STATE_MESSAGE,
  type IssueRow,
} from '../../channels/bulletin/entry-source-status.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import type { BulletinChannel } from '../../model/channel.js';
import {
  type Capability,
  type ChannelWith,
  hasCapability,
  kindsWith,
} from '../../model/channel-kinds.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import { issueRecord, planBulletins, recordIssueBuilt } from '../../scheduler/plan/bulletins.js';
import { channelZone } from '../../scheduler/plan/planner.js';
import { type Output, printJson } from '../output.js';

export interface BulletinListOptions {
  dir?: string;
  json?: boolean;
  /** The year whose issues are listed (default this year, up to next month). */
  year?: string;
}

export interface BulletinBuildOptions {
  dir?: string;
  as?: string;
  /** Issue number in its year (default the next issue). */
  issue?: string;
  year?: string;
}

/**
 * A channel of the project that must have a capability (publish issues, read feeds); a clear
 * error naming the kinds that have it otherwise.
 */
export function channelWith<C extends Capability>(
  session: Session,
  id: string,
  capability: C,
): ChannelWith<C> {
  const all = [...session.config.channels.values()];
  const known = all.filter((c) => hasCapability(c, capability)).map((c) => c.id);
  const channel = session.config.channels.get(id);
  if (!channel) {
    throw new LoaError('CHANNEL_UNKNOWN', {
      params: { id, known: all.map((c) => c.id).join(', ') },
    });
  }
  if (!hasCapability(channel, capability)) {
    const expected = kindsWith(capability).join(', ');
    throw new LoaError('CHANNEL_KIND_EXPECTED', {
      params: { channel: id, kind: channel.kind, expected, known: known.join(', ') },
    });
  }
  return channel;
}

function wholeNumber(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new LoaError('OPTION_INVALID', {
      params: { option, value, expected: 'a whole number > 0' },
    });
  }
  return n;
}

/** One issue row as a line of text. */
export function issueLine(row: IssueRow): string {
  return message('BULLETIN_LIST_LINE', {
    label: row.label,
    date: DateTime.fromISO(row.date, { setZone: true }).toFormat('dd/MM/yyyy HH:mm'),
    items: row.items,
    state: message(ISSUE_STATE_MESSAGE[row.state]),
  });
}

/** `loa bulletin list <channel>`: the issues of a year with number, date, items and state. */
export async function runBulletinList(
  channelId: string,
  options: BulletinListOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const channel = channelWith(session, channelId, 'issues');
    const zone = channelZone(channel, session.config.planZones);
    const now = clock.now();
    const local = now.setZone(zone);
    const year = wholeNumber('--year', options.year) ?? local.year;
    const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
    const ahead = local.startOf('month').plus({ months: 2 });
    const yearEnd = start.plus({ years: 1 });
    const end = options.year || ahead > yearEnd ? yearEnd : ahead;
    const rows = await bulletinIssueRows(session.store, {
      channel,
      range: { start, end },
      now,
      zone,
      dataDir: session.dataDir,
    });
    if (options.json) {
      printJson(output, { channel: channel.id, title: channel.title, issues: rows });
      return 0;
    }
    output.out(message('BULLETIN_LIST_HEADER', { channel: channel.id, title: channel.title }));
    for (const row of rows) output.out(issueLine(row));
    return 0;
  } finally {
    await session.store.close();
  }
}

/** The issue `--issue`/`--year` name, or the next one from now. */
function chosenIssue(
  channel: BulletinChannel,
  zone: string,
  now: DateTime,
  opts: BulletinBuildOptions,
) {
  const year = wholeNumber('--year', opts.year) ?? now.setZone(zone).year;
  const number = wholeNumber('--issue', opts.issue);
  if (number !== undefined) return issueWindow(channel, number, year, zone).issue;
  const [next] = bulletinIssuesIn(channel, { start: now, end: now.plus({ months: 2 }) }, zone);
  if (!next)
    throw new LoaError('OPTION_INVALID', {
      params: { option: '--issue', value: '', expected: 'N' },
    });
  return next;
}

/**
 * `loa bulletin build <channel>`: builds and writes an issue now, through the bulletin
 * adapter the dispatcher uses, records it as published, and queues its portal copy.
 * Idempotent: an issue already written is not written again.
 */
export async function runBulletinBuild(
  channelId: string,
  options: BulletinBuildOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const channel = channelWith(session, channelId, 'issues');
    const zone = channelZone(channel, session.config.planZones);
    const now = clock.now();
    const issue = chosenIssue(channel, zone, now, options);
    const record = issueRecord(channel, issue);
    const adapter = storeBulletinAdapter({
      channel,
      env: session.env,
      dataDir: session.dataDir,
      clock,
      store: session.store,
      zone,
    });
    const ref = await adapter.publish(
      {
        key: record.id,
        channel,
        item: record,
        contentHash: '',
        slot: toStored(issue.date),
        attempt: 1,
      },
      AbortSignal.timeout(120_000),
    );
    const by = { actor: actorName(options.as), at: toStored(now) };
    await recordIssueBuilt(session.store, { channel, issue, ref, by });
    await planBulletins(session.store, session.config, now, {
      dataDir: session.dataDir,
      actor: by.actor,
      channel: channel.id,
      range: { start: issue.date, end: issue.date.plus({ minutes: 1 }) },
    });
    output.out(
      message('BULLETIN_BUILT', {
        label: issue.label,
        channel: channel.id,
        url: ref.url ?? ref.externalId,
      }),
    );
    return 0;
  } finally {
    await session.store.close();
  }
}

export function registerBulletin(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
) {
  const bulletin = program.command('bulletin').description('Bản tin điện tử / e-bulletin issues');
  bulletin
    .command('list <channel>')
    .description('Các số bản tin và tình trạng / issues and their state')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--year <year>', 'năm / year')
    .option('--json', 'JSON')
    .action(async (channel: string, opts: BulletinListOptions) =>
      setExit(await runBulletinList(channel, opts, output)),
    );
  bulletin
    .command('build <channel>')
    .description('Dựng và phát hành một số ngay / build and issue one issue now')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--issue <n>', 'số / issue number')
    .option('--year <year>', 'năm / year')
    .option('--as <name>', 'người thực hiện / who acts')
    .action(async (channel: string, opts: BulletinBuildOptions) =>
      setExit(await runBulletinBuild(channel, opts, output)),
    );
}
