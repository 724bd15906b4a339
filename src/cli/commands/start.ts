import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { DateTime } from 'luxon';
import { addItemFile } from '../../app/queue.js';
import { buildAdapters, type Session } from '../../app/session.js';
import { createLoginLink } from '../../auth/login-links.js';
import { addUser, listUsers } from '../../auth/users.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { fromStored, toStored } from '../../model/instant.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { planEnded } from '../../plan/active.js';
import { reportsDueWithin } from '../../report/reports-due.js';
import { countItemsWithStatus } from '../../store/items.js';
import { listPublications } from '../../store/publications.js';
import type { PublicationRow } from '../../store/schema.js';
import { durationBetween } from '../../text/duration.js';
import { type Output, printError } from '../output.js';
import { type RunOptions, runRun } from './run.js';
import { runValidate } from './validate.js';

export interface StartOptions {
  dir?: string;
  /** One dispatch pass, then exit (instead of staying up as the daemon). */
  once?: boolean;
  /** HTTP port (default 8080; 0 = any free port). */
  port?: string;
}

/** How many publications each part of the first screen lists at most. */
const SHOWN = 5;

/** The name of the administrator the first start creates. */
export const FIRST_ADMIN = 'admin';

/** The example items the first start queues, dated from now so that one is due at once. */
function exampleItems(now: DateTime): Array<{ id: string; text: string }> {
  const local = now.setZone(DEFAULT_ZONE);
  const soon = local.plus({ minutes: 5 }).startOf('minute');
  const tomorrow = local.plus({ days: 1 }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
  const at = (t: DateTime) => t.toFormat("yyyy-MM-dd'T'HH:mm");
  return [
    {
      id: 'vi-du-dang-sau-5-phut',
      text: `---
title: Ví dụ - Tiếp nhận hồ sơ thủ tục hành chính trực tuyến toàn trình
summary: Bài ví dụ do loa start thêm khi chạy lần đầu, hẹn đăng 5 phút sau lúc khởi động.
topics: [cai-cach-tthc]
channels: [thai-binh-portal]
unit: cong-ttdt-tinh
author: Ban Biên tập Cổng Thông tin điện tử tỉnh Thái Bình
publishAt: ${at(soon)}
status: approved
---
Bài ví dụ. Người dân nộp hồ sơ, theo dõi tiến độ và nhận kết quả thủ tục hành chính trên
Cổng Dịch vụ công mà không phải đến cơ quan nhà nước.
`,
    },
    {
      id: 'vi-du-cho-duyet-ngay-mai',
      text: `---
title: Ví dụ - Bản nháp chờ duyệt cho sáng mai
summary: Bài ví dụ ở trạng thái nháp; duyệt bằng loa queue approve vi-du-cho-duyet-ngay-mai.
topics: [cai-cach-tthc]
channels: [thai-binh-portal]
unit: cong-ttdt-tinh
author: Ban Biên tập Cổng Thông tin điện tử tỉnh Thái Bình
publishAt: ${at(tomorrow)}
status: draft
---
Bản nháp ví dụ, chờ người duyệt.
`,
    },
  ];
}

/**
 * The first start that serves pages (no user yet): creates the administrator and a one-time login link, and
 * queues the example items dated from now (kept in `<data>/examples/`, never in content/).
 * Resolves to the lines it adds to the screen.
 */
async function firstStart(session: Session, now: DateTime, url: string | undefined) {
  const db = session.store;
  // Without a server (--once) there is nothing to sign in to: the first start that serves
  // does this.
  if (!url || (await listUsers(db)).length > 0) return [];
  const lines: string[] = [];
  await addUser(db, FIRST_ADMIN, 'admin', { actor: 'loa start', at: toStored(now) });
  const link = await createLoginLink(db, FIRST_ADMIN, now);
  lines.push(
    message('START_FIRST_ADMIN', {
      user: FIRST_ADMIN,
      until: link.expiresAt.setZone(DEFAULT_ZONE).toFormat('HH:mm'),
    }),
    `  ${url}login/once/${link.secret}`,
  );
  // Only where the example project is: another project's channels are not ours to fill.
  if (session.config.channels.has('thai-binh-portal')) {
    const dir = join(session.dataDir, 'examples');
    await mkdir(dir, { recursive: true });
    const ids: string[] = [];
    for (const example of exampleItems(now)) {
      const file = join(dir, `${example.id}.md`);
      await writeFile(file, example.text, 'utf8');
      await addItemFile(
        { store: session.store, config: session.config, now, actor: 'loa start' },
        file,
      );
      ids.push(example.id);
    }
    lines.push(message('START_EXAMPLES', { items: ids.join(', ') }));
  }
  return lines;
}

/** Why a channel's publications wait, or undefined when its adapter is ready. */
function waitingReasons(session: Session, clock: Clock): Map<string, string> {
  const adapters = buildAdapters(session.config.channels.values(), 'run', session, clock);
  const reasons = new Map<string, string>();
  for (const channel of session.config.channels.values()) {
    const adapter = adapters.get(channel.id);
    const readiness = adapter?.readiness?.() ?? { ready: true as const };
    if (!adapter) reasons.set(channel.id, message('START_WAIT_NO_ADAPTER'));
    else if (!readiness.ready)
      reasons.set(channel.id, message('START_WAIT_CONFIG', { vars: readiness.missing.join(', ') }));
  }
  return reasons;
}

/**
 * The first screen: where loa serves, what is happening now and next (what publishes next,
 * what is late, drafts waiting, reports due), the plans in force, and commands to try dated
 * from today. Short: at most `SHOWN` lines per part.
 */
async function startScreen(
  session: Session,
  clock: Clock,
  url: string | undefined,
): Promise<string[]> {
  const now = clock.now();
  const local = now.setZone(DEFAULT_ZONE);
  const lines = [
    message('START_NOW', { now: local.toFormat('dd/MM/yyyy HH:mm'), zone: DEFAULT_ZONE }),
    url ? message('START_SERVING', { url }) : message('START_NOT_SERVING'),
    ...(await firstStart(session, now, url)),
  ];
  const all = await listPublications(session.store, {});
  const waiting = waitingReasons(session, clock);
  const scheduled = all
    .filter((p) => p.status === 'scheduled')
    .sort((a, b) => a.slot.localeCompare(b.slot));
  const stamp = toStored(now);
  const line = (p: PublicationRow, when: string) => {
    const at = fromStored(p.slot).setZone(DEFAULT_ZONE);
    const day = at.hasSame(local, 'day') ? at.toFormat('HH:mm') : at.toFormat('dd/MM HH:mm');
    return `  ${day} (${when})  ${p.channel_id}  ${p.item_id}`;
  };
  const next = scheduled.filter((p) => p.slot >= stamp);
  lines.push('', message('START_NEXT', { count: next.length }));
  for (const p of next.slice(0, SHOWN))
    lines.push(line(p, message('START_IN', { in: durationBetween(now, fromStored(p.slot)) })));
  const late = scheduled.filter((p) => p.slot < stamp);
  if (late.length > 0) {
    lines.push(message('START_LATE', { count: late.length }));
    for (const p of late.slice(-SHOWN).reverse())
      lines.push(
        line(p, message('START_LATE_BY', { late: durationBetween(fromStored(p.slot), now) })),
      );
  }
  // Why the channels of what is listed wait, once per channel.
  const listed = new Set([...next.slice(0, SHOWN), ...late.slice(-SHOWN)].map((p) => p.channel_id));
  for (const channel of listed) {
    const reason = waiting.get(channel);
    if (reason) lines.push(message('START_CHANNEL_WAITS', { channel, reason }));
  }
  const failed = all.filter((p) => p.status === 'failed').length;
  const missed = all.filter((p) => p.status === 'missed').length;
  if (failed + missed > 0) lines.push(message('START_FAILED_MISSED', { failed, missed }));
  const drafts = await countItemsWithStatus(session.store, 'draft');
  if (drafts > 0) lines.push(message('START_DRAFTS', { count: drafts }));
  const plans = session.project.plans.map((p) => p.value);
  const reports = reportsDueWithin(plans, now, 15);
  lines.push(message('START_REPORTS', { count: reports.length, days: 15 }));
  for (const r of reports.slice(0, SHOWN))
    lines.push(`  ${r.due.toFormat('dd/MM/yyyy')}  ${r.plan}: ${r.title}, ${r.period}`);
  const inForce = plans.filter(
    (p) => p.period.start <= (local.toISODate() ?? '') && !planEnded(p, now),
  );
  const ended = plans.filter((p) => planEnded(p, now));
  lines.push(
    message('START_PLANS', {
      inForce: inForce.map((p) => p.id).join(', ') || '—',
      ended: ended.map((p) => p.id).join(', ') || '—',
    }),
  );
  const month = local.toFormat('yyyy-MM');
  const from = local.toISODate() ?? '';
  const to = local.plus({ days: 7 }).toISODate() ?? '';
  lines.push(
    '',
    message('START_TRY'),
    `  loa status`,
    `  loa queue list`,
    `  loa calendar ${month}`,
    `  loa simulate --from ${from} --to ${to}`,
  );
  for (const channel of session.config.channels.values()) {
    if (!('feeds' in channel)) continue;
    for (const feed of channel.feeds)
      lines.push(
        `  loa ingest --channel ${channel.id} --force   # ${message(
          url && feed.url.startsWith(url) ? 'START_INGEST' : 'START_INGEST_OTHER',
          { url: feed.url },
        )}`,
      );
  }
  lines.push('', message('START_RUN'));
  return lines;
}

/**
 * `loa start`, what `npm start` runs: validate the project, run the scheduler (`loa run`) on
 * it, and, once content/ is synced and the server listens, print a short first screen (see
 * `startScreen`); the run's JSON log follows it. `stopSignal` stops it like Ctrl+C.
 */
export async function runStart(
  options: StartOptions,
  output: Output,
  clock: Clock = systemClock,
  stopSignal?: AbortSignal,
): Promise<number> {
  const dir = options.dir ?? '.';
  const valid = await runValidate({ dir }, output);
  if (valid !== 0) return valid;
  output.out('');
  // The run's log lines wait until the screen is printed, so that the screen comes first.
  let held: Array<[keyof Output, string]> | undefined = [];
  const runOutput: Output = {
    out: (text) => (held ? held.push(['out', text]) : output.out(text)),
    err: (text) => (held ? held.push(['err', text]) : output.err(text)),
  };
  const release = () => {
    const lines = held ?? [];
    held = undefined;
    for (const [stream, text] of lines) output[stream](text);
  };
  const run: RunOptions = {
    dir,
    once: options.once,
    ...(options.port ? { port: options.port } : {}),
  };
  try {
    return await runRun(run, runOutput, clock, stopSignal, {
      onReady: async ({ session, url }) => {
        try {
          for (const text of await startScreen(session, clock, url)) output.out(text);
        } catch (error) {
          printError(output, error);
        }
        release();
      },
    });
  } finally {
    release();
  }
}

export function registerStart(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  program
    .command('start')
    .description(
      'Kiểm tra, tóm tắt việc đang và sắp diễn ra, rồi chạy lịch đăng / validate, summary, run',
    )
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--once', 'một lượt rồi thoát / one pass, then exit')
    .option('--port <port>', 'cổng HTTP / HTTP port (0: any free port)', '8080')
    .action(async (opts: StartOptions) => setExit(await runStart(opts, output)));
}
