import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { openSession } from '../../app/session.js';
import { simulate } from '../../app/simulate.js';
import { actorName, localTime } from '../../app/who-and-when.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { channelZone } from '../../scheduler/plan/planner.js';
import { type Output, printJson } from '../output.js';
import { type ProgressStream, progressBar } from '../progress.js';
import { printSync } from './sync.js';

export interface SimulateCommandOptions {
  dir?: string;
  as?: string;
  from: string;
  to: string;
  live?: boolean;
  json?: boolean;
}

function day(option: string, value: string, zone: string): DateTime {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone }) : undefined;
  if (!parsed?.isValid)
    throw new LoaError('WHEN_INVALID', { params: { value: `${option} ${value}` } });
  return parsed;
}

/**
 * `loa simulate --from <date> --to <date>`: the real planner and dispatcher on a virtual
 * clock over those days (in the first plan's zone), writing to the data directory; prints
 * what went out when, in each channel's zone.
 */
export async function runSimulate(
  options: SimulateCommandOptions,
  output: Output,
  tty: ProgressStream | undefined = process.stderr,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const zone = session.project.plans[0]?.value.timeZone ?? DEFAULT_ZONE;
    const from = day('--from', options.from, zone);
    const to = day('--to', options.to, zone);
    if (to < from)
      throw new LoaError('DATE_RANGE_REVERSED', { params: { from: options.from, to: options.to } });
    const bar = progressBar(
      message('PROGRESS_SIMULATE', { from: options.from, to: options.to }),
      tty,
    );
    const result = await simulate(session, {
      from,
      to,
      live: options.live,
      actor: actorName(options.as),
      onProgress: bar.update,
    }).finally(bar.end);
    const zoneOf = (channel: string) => {
      const c = session.config.channels.get(channel);
      return c ? channelZone(c, session.config.planZones) : zone;
    };
    const lines = result.events.map((e) => ({
      at: e.at,
      local: localTime(e.at, zoneOf(e.channel)),
      slot: e.slot ? localTime(e.slot, zoneOf(e.channel)) : undefined,
      channel: e.channel,
      item: e.item,
      outcome: e.event,
      detail: e.detail,
    }));
    const count = (kind: string) => result.events.filter((e) => e.event === kind).length;
    const summary = {
      from: options.from,
      to: options.to,
      zone,
      published: count('published') + count('reconciled'),
      missed: count('missed'),
      failed: count('failed'),
      waiting: result.waiting,
    };
    if (options.json) {
      printJson(output, { summary, sync: result.sync, events: lines });
      return 0;
    }
    printSync(output, result.sync);
    for (const l of lines) {
      output.out(
        message('SIMULATE_LINE', {
          when: l.local,
          channel: l.channel,
          item: l.item ?? '',
          outcome: l.outcome,
        }),
      );
    }
    output.out(message('SIMULATE_SUMMARY', summary));
    return 0;
  } finally {
    await session.store.close();
  }
}

export function registerSimulate(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
) {
  program
    .command('simulate')
    .description('Mô phỏng lịch đăng trên đồng hồ ảo / simulate on a virtual clock')
    .requiredOption('--from <date>', 'ngày đầu / first day YYYY-MM-DD')
    .requiredOption('--to <date>', 'ngày cuối / last day YYYY-MM-DD')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--as <name>', 'người thực hiện / who acts')
    .option('--live', 'dùng kênh thật / use the real remote adapters')
    .option('--json', 'JSON')
    .action(async (opts: SimulateCommandOptions) => setExit(await runSimulate(opts, output)));
}
