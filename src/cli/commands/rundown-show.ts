import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import {
  broadcastChannel,
  periodOf,
  pickSlots,
  slotsOf,
  zoneOf,
} from '../../app/broadcast/service-context.js';
import { mustLoad } from '../../app/broadcast/service-state.js';
import { programmeSeries } from '../../broadcast/export-ics-series.js';
import {
  exportRundown,
  RUNDOWN_FORMATS,
  type RundownFormat,
  rundownCalendar,
} from '../../broadcast/exports.js';
import type { Rundown } from '../../broadcast/model.js';
import { rundownsOfChannel } from '../../broadcast/store.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { currentLang } from '../../i18n/lang.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import type { Output } from '../output.js';
import { type RundownOptions, withRundowns } from './rundown-context.js';

/** Options of `loa rundown show`. */
export interface ShowOptions extends RundownOptions {
  /** json, csv, txt (default), html, mos or ics. */
  format?: string;
  /** MOS only: `utf8` (default) or `ucs2` (UTF-16BE; needs --out). */
  encoding?: string;
  /** ics only: the first and last local dates of the range (default the period). */
  from?: string;
  /** ics only: one recurring event per slot (RRULE, RDATE, EXDATE) instead of one per airing. */
  series?: boolean;
  to?: string;
  out?: string;
}

const FORMATS = [...RUNDOWN_FORMATS, 'ics'] as const;

function invalid(option: string, value: string, expected: string): LoaError {
  return new LoaError('OPTION_INVALID', { params: { option, value, expected } });
}

function localDate(option: string, value: string, zone: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone }) : undefined;
  if (!day?.isValid) throw invalid(option, value, '2024-03-01');
  return day.startOf('day');
}

/** The file of slot n when several rundowns go to one `--out`: `name-2.ext`. */
function outFor(out: string, n: number, many: boolean): string {
  if (!many) return out;
  const ext = extname(out);
  return `${out.slice(0, out.length - ext.length)}-${n}${ext}`;
}

/**
 * `loa rundown show <channel> <week>`: the week's rundowns in a format, printed or written to
 * `--out`; `ics` gives the programme's slots over `--from`–`--to` (default the week).
 */
export async function runRundownShow(
  channel: string,
  week: string,
  options: ShowOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const format = (options.format ?? 'txt') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw invalid('--format', format, FORMATS.join(', '));
  const encoding = options.encoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'ucs2') {
    throw invalid('--encoding', encoding, 'utf8, ucs2');
  }
  if (encoding === 'ucs2' && options.out === undefined) {
    throw invalid('--encoding', encoding, 'UTF-16 is written to a file: add --out <file>');
  }
  const lang = currentLang();
  return withRundowns(options, clock, async (ctx) => {
    const broadcast = broadcastChannel(ctx.planning.channels, channel);
    const zone = zoneOf(broadcast, ctx.planning);
    const period = periodOf(week, zone);
    const emit = async (text: string | Buffer, file?: string) => {
      if (file === undefined) output.out(String(text).replace(/\r?\n$/, ''));
      else {
        await writeFile(file, text);
        output.err(message('SCHEMA_WRITTEN', { path: file }));
      }
    };
    if (format === 'ics') {
      const from = options.from ? localDate('--from', options.from, zone) : period.start;
      const to = options.to ? localDate('--to', options.to, zone).plus({ days: 1 }) : period.end;
      const stored = await rundownsOfChannel(ctx.store, broadcast.id, {
        from: toStored(from),
        to: toStored(to),
      });
      const rundowns: Rundown[] = stored.map((s) => s.rundown);
      const icsOptions = { generatedAt: ctx.now, zone, lang };
      const text = options.series
        ? programmeSeries(broadcast, from, to, rundowns, icsOptions)
        : rundownCalendar(broadcast, from, to, rundowns, icsOptions);
      await emit(text, options.out);
      return 0;
    }
    const slots = pickSlots(slotsOf(broadcast, period, zone), options.slot, {
      channel: broadcast.id,
      period: week,
    });
    if (slots.length === 0) {
      output.err(message('RUNDOWN_NO_SLOTS', { channel: broadcast.id, period: week }));
      return 1;
    }
    for (const { n, slot } of slots) {
      const rundown = await mustLoad(ctx.store, broadcast.id, slot, week);
      const bytes = exportRundown(format as RundownFormat, rundown, { lang, encoding });
      const file = options.out === undefined ? undefined : outFor(options.out, n, slots.length > 1);
      await emit(bytes, file);
    }
    return 0;
  });
}

/** Registers `loa rundown show` under the `rundown` command. */
export function registerRundownShow(
  rundown: Command,
  common: (cmd: Command) => RundownOptions,
  output: Output,
  setExit: (code: number) => void,
): void {
  rundown
    .command('show <channel> <week>')
    .description('Xuất kịch bản / export rundowns')
    .option('--format <format>', FORMATS.join(' | '), 'txt')
    .option('--encoding <encoding>', 'MOS: utf8 | ucs2', 'utf8')
    .option('--from <date>', 'ics: từ ngày / first date')
    .option('--to <date>', 'ics: đến ngày / last date')
    .option(
      '--series',
      'ics: mỗi khung giờ là một chuỗi lặp (RRULE) / each slot as a recurring series (RRULE)',
    )
    .option('--slot <n>', 'chỉ khung thứ n / only slot n')
    .option('--out <file>', 'ghi ra tệp / write to a file')
    .action(async (channel: string, week: string, _opts, cmd: Command) =>
      setExit(await runRundownShow(channel, week, common(cmd) as ShowOptions, output)),
    );
}
