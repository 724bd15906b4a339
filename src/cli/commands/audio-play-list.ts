import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { zoneOf } from '../../app/broadcast/service-context.js';
import { playoutM3u8 } from '../../audio/playout.js';
import { DEFAULT_SITE, stationChannels, stationPlayout } from '../../audio/station.js';
import { formatDuration } from '../../broadcast/timing.js';
import { parsePeriod } from '../../calendar/period.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import { type Output, printJson } from '../output.js';
import { withRundowns } from './rundown-context.js';

/** Options of `loa audio play-list`. */
export interface PlayListOptions {
  dir?: string;
  as?: string;
  period?: string;
  format?: string;
  site?: string;
}

export { DEFAULT_SITE };

/**
 * `loa audio play-list <station> [--period 2024-W11] [--format table|json|m3u8]`: the
 * station's playout schedule (this week by default): play time in the plan's zone, level,
 * file and its SHA-256; an emergency and what it preempts are marked.
 */
export async function runPlayList(
  station: string,
  options: PlayListOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const format = options.format ?? 'table';
  if (!['table', 'json', 'm3u8'].includes(format)) {
    throw new LoaError('OPTION_INVALID', {
      params: { option: '--format', value: format, expected: 'table, json, m3u8' },
    });
  }
  return withRundowns(options, clock, async (ctx, session) => {
    const [first] = stationChannels(ctx.planning.channels, station);
    const zone = first ? zoneOf(first, ctx.planning) : 'Asia/Ho_Chi_Minh';
    const label = options.period ?? ctx.now.setZone(zone).toFormat("kkkk-'W'WW");
    const period = parsePeriod(label, zone);
    const site = options.site ?? first?.audio?.siteUrl ?? DEFAULT_SITE;
    const entries = await stationPlayout(
      ctx.store,
      ctx.planning.channels,
      station,
      { from: toStored(period.start), to: toStored(period.end) },
      site,
      { dataDir: session.dataDir, now: ctx.now, zone },
    );
    if (format === 'json') {
      printJson(output, { station, period: label, zone, entries });
      return 0;
    }
    if (format === 'm3u8') {
      output.out(playoutM3u8(entries).trimEnd());
      return 0;
    }
    if (entries.length === 0)
      output.out(message('AUDIO_PLAYLIST_EMPTY', { station, period: label }));
    for (const e of entries) {
      const mark = e.preemptedBy
        ? message('AUDIO_PREEMPTED', { by: e.preemptedBy })
        : e.preempts
          ? message('AUDIO_PREEMPTS', { what: e.preempts.join(', ') })
          : '';
      output.out(
        message('AUDIO_PLAYLIST_LINE', {
          start: DateTime.fromISO(e.start, { setZone: true }).toFormat('yyyy-MM-dd HH:mm'),
          duration: formatDuration(e.durationSec),
          level: message(
            e.level === 'emergency'
              ? 'AUDIO_LEVEL_EMERGENCY'
              : e.level === 'priority'
                ? 'AUDIO_LEVEL_PRIORITY'
                : 'AUDIO_LEVEL_NORMAL',
          ),
          title: e.title,
          url: e.url,
          sha: e.sha256.slice(0, 16),
          mark,
        }).trimEnd(),
      );
    }
    return 0;
  });
}

/** Registers `loa audio play-list <station>`. */
export function registerPlayList(
  audio: Command,
  common: (cmd: Command) => PlayListOptions,
  output: Output,
  setExit: (code: number) => void,
) {
  audio
    .command('play-list <station>')
    .description('Lịch phát của đài (JSON, M3U8) / a station’s playout schedule')
    .option('--period <p>', 'tuần hoặc tháng, ví dụ 2024-W11 / period, e.g. 2024-W11')
    .option('--format <f>', 'table, json, m3u8', 'table')
    .option('--site <url>', 'địa chỉ máy chủ loa / where loa serves the files')
    .action(async (station: string, _opts, cmd: Command) =>
      setExit(await runPlayList(station, common(cmd), output)),
    );
}
