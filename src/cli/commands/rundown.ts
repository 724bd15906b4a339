import type { Command } from 'commander';
import {
  type AsRunRequest,
  type AsRunResult,
  recordAsRun,
} from '../../app/broadcast/service-as-run.js';
import { buildWeek } from '../../app/broadcast/service-build.js';
import { moveRundowns, type RundownMove } from '../../app/broadcast/service-state.js';
import { localTime } from '../../app/who-and-when.js';
import { itemsInOrder, type Rundown, slotStart } from '../../broadcast/model.js';
import { computeTiming, formatDuration } from '../../broadcast/timing.js';
import { LoaError } from '../../errors/loa-error.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { type Output, printJson } from '../output.js';
import { type RundownOptions, withRundowns } from './rundown-context.js';
import { registerRundownShow } from './rundown-show.js';

const STATE_CODES: Record<Rundown['state'], MessageCode> = {
  draft: 'RUNDOWN_STATE_DRAFT',
  ready: 'RUNDOWN_STATE_READY',
  locked: 'RUNDOWN_STATE_LOCKED',
  aired: 'RUNDOWN_STATE_AIRED',
};

const air = (rundown: Rundown) => slotStart(rundown.slot).toFormat('yyyy-MM-dd HH:mm');

/** `loa rundown build <channel> <week>`: fills the week's slots and says how each went. */
export async function runRundownBuild(
  channel: string,
  week: string,
  options: RundownOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  return withRundowns(options, clock, async (ctx) => {
    const built = await buildWeek(ctx, {
      channel,
      period: week,
      slot: options.slot,
      force: options.force,
    });
    if (options.json) {
      printJson(
        output,
        built.results.map((r) => ({
          n: r.n,
          action: r.action,
          rundown: r.rundown,
          plannedSec: computeTiming(r.rundown).plannedSec,
          belowMinimum: r.assembly?.belowMinimum,
          evergreenUsed: r.assembly?.evergreenUsed,
        })),
      );
      return 0;
    }
    if (built.results.length === 0)
      output.out(message('RUNDOWN_NO_SLOTS', { channel, period: week }));
    for (const r of built.results) {
      const timing = computeTiming(r.rundown);
      const params = {
        air: air(r.rundown),
        id: r.rundown.id,
        count: itemsInOrder(r.rundown).length,
        planned: formatDuration(timing.plannedSec),
        slot: formatDuration(r.slot.lengthSec),
        minimum: formatDuration(r.rundown.minimumSec),
        state: message(STATE_CODES[r.rundown.state]),
      };
      if (r.action === 'kept') {
        output.out(message('RUNDOWN_KEPT', params));
        continue;
      }
      output.out(message(r.action === 'built' ? 'RUNDOWN_BUILT' : 'RUNDOWN_REPLACED', params));
      if (r.evergreenTitles.length > 0) {
        output.out(message('RUNDOWN_TOPPED_UP', { items: r.evergreenTitles.join('; ') }));
      }
      if (r.assembly?.belowMinimum) output.err(message('RUNDOWN_SHORT', { ...params, channel }));
    }
    return 0;
  });
}

/** `loa rundown ready|lock|unlock <channel> <week>`: moves the rundowns, recorded. */
export async function runRundownMove(
  move: RundownMove,
  channel: string,
  week: string,
  options: RundownOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  return withRundowns(options, clock, async (ctx) => {
    const request = { channel, period: week, move, slot: options.slot, reason: options.reason };
    const moved = await moveRundowns(ctx, request);
    if (options.json) {
      printJson(output, moved);
      return 0;
    }
    for (const { rundown, event } of moved) {
      output.out(
        message('RUNDOWN_MOVED', {
          air: air(rundown),
          id: rundown.id,
          from: message(STATE_CODES[event.from]),
          to: message(STATE_CODES[event.to]),
        }),
      );
    }
    return 0;
  });
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new LoaError('OPTION_INVALID', {
      params: { option: '--duration', value, expected: 'a whole number of seconds > 0' },
    });
  }
  return n;
}

/** Why an airing is not compliant, in words. */
export function asRunReasons(result: Pick<AsRunResult, 'problems' | 'rundown'>): string[] {
  return result.problems.map((p) => {
    if (p === 'audio-mismatch') return message('AUDIO_REASON_MISMATCH');
    return p === 'too-short'
      ? message('RUNDOWN_REASON_TOO_SHORT', {
          minimum: formatDuration(result.rundown.minimumSec),
        })
      : message('RUNDOWN_REASON_OUTSIDE_PRIME_TIME');
  });
}

/** `loa rundown aired <channel> <week> --start … --duration …`: the as-run, with evidence. */
export async function runRundownAired(
  channel: string,
  week: string,
  options: RundownOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  return withRundowns(options, clock, async (ctx) => {
    const request: AsRunRequest = { channel, period: week };
    if (options.slot !== undefined) request.slot = options.slot;
    if (options.start !== undefined) request.start = options.start;
    if (options.item !== undefined) request.item = options.item;
    const duration = seconds(options.duration);
    if (duration !== undefined) request.durationSec = duration;
    const result = await recordAsRun(ctx, request);
    if (options.json) {
      printJson(output, { ...result, start: result.start.toISO() });
      return 0;
    }
    const at = air(result.rundown);
    if (result.item !== undefined) {
      const duration = formatDuration(result.durationSec);
      output.out(message('RUNDOWN_ITEM_AIRED', { air: at, slug: result.item, duration }));
      return 0;
    }
    const reasons = asRunReasons(result);
    output.out(
      message('RUNDOWN_AIRED', {
        air: at,
        start: result.start.toFormat('yyyy-MM-dd HH:mm'),
        duration: formatDuration(result.durationSec),
        compliance: result.compliant
          ? message('RUNDOWN_COMPLIANT')
          : message('RUNDOWN_NON_COMPLIANT', { reasons: reasons.join('; ') }),
        index: result.evidenceIndex ?? '-',
      }),
    );
    const zone = result.rundown.slot.zone;
    for (const r of result.reposts) {
      const when = r.slot ? localTime(r.slot, zone) : message('RUNDOWN_NO_SLOT_YET');
      const params = { portal: r.portal, item: r.repost, when };
      output.out(message(r.created ? 'RUNDOWN_REPOSTED' : 'RUNDOWN_REPOST_KEPT', params));
    }
    return 0;
  });
}

/** Registers `loa rundown build|show|ready|lock|unlock|aired`. */
export function registerRundown(program: Command, output: Output, setExit: (code: number) => void) {
  const rundown = program
    .command('rundown')
    .description('Kịch bản chương trình phát sóng / broadcast rundowns')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--as <name>', 'người thực hiện / who acts');
  const common = (cmd: Command): RundownOptions => ({ ...rundown.opts(), ...cmd.opts() });
  rundown
    .command('build <channel> <week>')
    .description('Dựng kịch bản các khung trong tuần / fill the week’s slots')
    .option('--slot <n>', 'chỉ khung thứ n / only slot n')
    .option('--force', 'dựng lại cả kịch bản đã sẵn sàng / rebuild ready ones too')
    .option('--json', 'JSON')
    .action(async (channel: string, week: string, _opts, cmd: Command) =>
      setExit(await runRundownBuild(channel, week, common(cmd), output)),
    );
  for (const move of ['ready', 'lock', 'unlock'] as const) {
    rundown
      .command(`${move} <channel> <week>`)
      .option('--slot <n>', 'chỉ khung thứ n / only slot n')
      .option('--reason <text>', 'lý do / reason')
      .option('--json', 'JSON')
      .action(async (channel: string, week: string, _opts, cmd: Command) =>
        setExit(await runRundownMove(move, channel, week, common(cmd), output)),
      );
  }
  rundown
    .command('aired <channel> <week>')
    .description('Ghi nhận đã phát sóng / record the as-run')
    .option('--start <time>', 'giờ bắt đầu thực tế / actual start, e.g. 2024-03-08T20:00')
    .option('--duration <sec>', 'thời lượng thực tế (giây) / aired length in seconds')
    .option('--slot <n>', 'khung thứ n / slot n')
    .option('--item <slug>', 'một tin trong kịch bản / one item of the rundown')
    .option('--json', 'JSON')
    .action(async (channel: string, week: string, _opts, cmd: Command) =>
      setExit(await runRundownAired(channel, week, common(cmd), output)),
    );
  registerRundownShow(rundown, common, output, setExit);
}
