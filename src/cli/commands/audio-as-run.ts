import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { recordAsRuns } from '../../app/broadcast/service-as-run.js';
import { zoneOf } from '../../app/broadcast/service-context.js';
import { parseWhen } from '../../app/queue.js';
import { parseAsRunFile } from '../../audio/as-run-import.js';
import { formatDuration } from '../../broadcast/timing.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import type { BroadcastChannel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { type Output, printJson } from '../output.js';
import { asRunReasons } from './rundown.js';
import { type RundownOptions, withRundowns } from './rundown-context.js';

/**
 * `loa audio as-run <file>`: a speaker platform's as-run (CSV or JSON: station, start,
 * duration, file hash). Each airing is recorded like `loa rundown aired`, and a file whose
 * SHA-256 is not the scheduled programme's is recorded as non-compliant. All or nothing: every
 * row is checked, then all are recorded in one transaction; a refused row names its file and
 * line, and nothing of the file is recorded.
 */
export async function runAudioAsRun(
  file: string,
  options: RundownOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const text = await readFile(file, 'utf8').catch((cause) => {
    throw new LoaError('AUDIO_FILE_MISSING', { params: { file }, cause });
  });
  const rows = parseAsRunFile(text, file);
  return withRundowns(options, clock, async (ctx) => {
    const channels = [...ctx.planning.channels.values()].filter((c): c is BroadcastChannel =>
      hasCapability(c, 'airs'),
    );
    // Every row is checked, then all are recorded in one transaction: a refused row (unknown
    // station, no programme at that time, already aired…) leaves nothing recorded.
    const refused = (i: number, error: unknown) =>
      new LoaError('AUDIO_AS_RUN_REFUSED', {
        params: {
          file,
          line: rows[i]?.line ?? 0,
          reason: error instanceof LoaError ? error.localized() : String(error),
        },
        cause: error,
        ...(error instanceof LoaError ? { kind: error.kind } : {}),
      });
    const planned = rows.map((row, i) => {
      const channel =
        channels.find((c) => c.id === row.station) ??
        channels.find((c) => c.station === row.station);
      if (!channel) {
        throw new LoaError('AUDIO_AS_RUN_INVALID', {
          params: { file, line: row.line, field: 'station', value: row.station },
        });
      }
      try {
        const zone = zoneOf(channel, ctx.planning);
        const start = parseWhen(row.start, zone);
        return {
          row,
          channel,
          period: DateTime.fromISO(start.toISO() ?? '')
            .setZone(zone)
            .toFormat("kkkk-'W'WW"),
        };
      } catch (error) {
        throw refused(i, error);
      }
    });
    const recorded = await recordAsRuns(
      ctx,
      planned.map(({ row, channel, period }) => ({
        channel: channel.id,
        period,
        start: row.start,
        durationSec: row.durationSec,
        playedSha256: row.sha256,
      })),
      refused,
    );
    const results = planned.map(({ row, channel }, i) => ({
      row,
      channel,
      result: recorded[i] as (typeof recorded)[number],
    }));
    if (options.json) {
      printJson(
        output,
        results.map(({ row, channel, result }) => ({
          line: row.line,
          channel: channel.id,
          rundown: result.rundown.id,
          start: result.start.toISO(),
          durationSec: result.durationSec,
          compliant: result.compliant,
          problems: result.problems,
          evidenceIndex: result.evidenceIndex,
        })),
      );
      return 0;
    }
    for (const { channel, result } of results) {
      output.out(
        message('AUDIO_AS_RUN_LINE', {
          channel: channel.id,
          start: result.start.toFormat('yyyy-MM-dd HH:mm'),
          duration: formatDuration(result.durationSec),
          compliance: result.compliant
            ? message('RUNDOWN_COMPLIANT')
            : message('RUNDOWN_NON_COMPLIANT', { reasons: asRunReasons(result).join('; ') }),
          index: result.evidenceIndex ?? '-',
        }),
      );
    }
    return 0;
  });
}

/** Registers `loa audio as-run <file>`. */
export function registerAudioAsRun(
  audio: Command,
  common: (cmd: Command) => RundownOptions,
  output: Output,
  setExit: (code: number) => void,
) {
  audio
    .command('as-run <file>')
    .description(
      'Nhập nhật ký phát của hệ thống loa (CSV, JSON) / import a speaker platform’s as-run',
    )
    .option('--json', 'JSON')
    .action(async (file: string, _opts, cmd: Command) =>
      setExit(await runAudioAsRun(file, common(cmd), output)),
    );
}
