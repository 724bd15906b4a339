import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { announceEmergency } from '../../app/audio/service-emergency.js';
import { zoneOf } from '../../app/broadcast/service-context.js';
import { openSession } from '../../app/session.js';
import { stationChannels, stationPlayout } from '../../audio/station.js';
import { formatDuration } from '../../broadcast/timing.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import { type Output, printJson } from '../output.js';
import { type AudioOptions, audioContext } from './audio-context.js';
import { DEFAULT_SITE } from './audio-play-list.js';

/** Options of `loa audio emergency`. */
export interface EmergencyOptions extends AudioOptions {
  at?: string;
}

/**
 * `loa audio emergency <station> <item> [--at 2024-03-15T17:31]`: reads an approved item out
 * as an emergency announcement on the station's speakers, now or at `--at`; the playout (CLI,
 * HTTP API) lists it first with the `emergency` level and marks the programmes it preempts.
 */
export async function runAudioEmergency(
  station: string,
  item: string,
  options: EmergencyOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const ctx = audioContext(session, clock, options);
    const announced = await announceEmergency(ctx, {
      station,
      item,
      ...(options.at === undefined ? {} : { at: options.at }),
    });
    const channel = stationChannels(ctx.planning.channels, announced.channel)[0];
    const zone = channel ? zoneOf(channel, ctx.planning) : 'Asia/Ho_Chi_Minh';
    const start = DateTime.fromISO(announced.start, { zone: 'utc' }).setZone(zone);
    const site = channel?.audio?.siteUrl ?? DEFAULT_SITE;
    const playout = await stationPlayout(
      session.store,
      ctx.planning.channels,
      announced.channel,
      {
        from: toStored(start.minus({ days: 1 })),
        to: toStored(start.plus({ days: 1 })),
      },
      site,
      { dataDir: session.dataDir, now: ctx.now, zone },
    );
    const entry = playout.find((e) => e.rundown === announced.id);
    if (options.json) {
      printJson(output, { ...announced, entry });
      return 0;
    }
    output.out(
      message('AUDIO_EMERGENCY_ANNOUNCED', {
        station: announced.channel,
        title: announced.title,
        start: start.toFormat('yyyy-MM-dd HH:mm:ss'),
        duration: formatDuration(announced.durationSec),
        file: entry?.url ?? announced.file,
        sha: announced.sha256.slice(0, 16),
        preempts: entry?.preempts
          ? message('AUDIO_EMERGENCY_PREEMPTS', { what: entry.preempts.join(', ') })
          : '',
      }),
    );
    return 0;
  } finally {
    await session.store.close();
  }
}

/** Registers `loa audio emergency <station> <item>`. */
export function registerEmergency(
  audio: Command,
  common: (cmd: Command) => AudioOptions,
  output: Output,
  setExit: (code: number) => void,
) {
  audio
    .command('emergency <station> <item>')
    .description(
      'Phát khẩn cấp một bài đã duyệt trên loa của đài, ngắt lịch phát / announce an approved item as an emergency, preempting the playout',
    )
    .option('--at <when>', 'thời điểm phát, ví dụ 2024-03-15T17:31 (mặc định: ngay) / when')
    .option('--json', 'JSON')
    .action(async (station: string, item: string, _opts, cmd: Command) =>
      setExit(await runAudioEmergency(station, item, common(cmd), output)),
    );
}
