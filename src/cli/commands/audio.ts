import type { Command } from 'commander';
import { type AudioProgress, buildAudio } from '../../app/audio/service-build.js';
import { openSession } from '../../app/session.js';
import { slotStart } from '../../broadcast/model.js';
import { formatDuration } from '../../broadcast/timing.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { type Output, printJson } from '../output.js';
import { registerAudioAsRun } from './audio-as-run.js';
import { type AudioOptions, audioContext } from './audio-context.js';
import { registerEmergency } from './audio-emergency.js';
import { registerPlayList } from './audio-play-list.js';

export type { AudioOptions };

/** A progress bar on a terminal's stderr: `[██████░░░░] 3/7`. */
export function progressBar(progress: AudioProgress, width = 24): string {
  const ratio = progress.total === 0 ? 1 : progress.done / progress.total;
  const full = Math.round(ratio * width);
  const bar = `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
  const phase = message(progress.phase === 'speak' ? 'AUDIO_PHASE_SPEAK' : 'AUDIO_PHASE_MASTER');
  return `[${bar}] ${progress.done}/${progress.total} ${phase} ${progress.rundownId}`;
}

/** `loa audio build <channel> <week>`: each programme of the week as one audio file. */
export async function runAudioBuild(
  channel: string,
  week: string,
  options: AudioOptions,
  output: Output,
  clock: Clock = systemClock,
  tty: NodeJS.WriteStream | undefined = process.stderr.isTTY ? process.stderr : undefined,
): Promise<number> {
  const session = await openSession(options.dir ?? '.');
  try {
    const onProgress = tty
      ? (p: AudioProgress) => tty.write(`\r${progressBar(p)}\u001b[K`)
      : undefined;
    const built = await buildAudio(audioContext(session, clock, options, onProgress), {
      channel,
      period: week,
      force: options.force,
    });
    if (tty) tty.write('\r\u001b[K');
    const podcast = message('AUDIO_PODCAST_WRITTEN', { path: built.podcast });
    if (options.json) {
      output.err(podcast);
      printJson(
        output,
        built.results.map((r) => ({
          rundown: r.rundown.id,
          action: r.action,
          audio: r.audio,
          plannedSec: r.plannedSec,
        })),
      );
      return 0;
    }
    if (built.results.length === 0)
      output.out(message('RUNDOWN_NO_SLOTS', { channel, period: week }));
    for (const r of built.results) {
      const air = slotStart(r.rundown.slot).toFormat('yyyy-MM-dd HH:mm');
      if (r.action === 'empty') {
        output.err(message('AUDIO_EMPTY', { air, id: r.rundown.id }));
        continue;
      }
      if (!r.audio) {
        output.out(message('AUDIO_KEPT_AIRED', { air, id: r.rundown.id }));
        continue;
      }
      const code =
        r.action === 'built'
          ? 'AUDIO_BUILT'
          : r.action === 'unchanged'
            ? 'AUDIO_UNCHANGED'
            : 'AUDIO_KEPT_AIRED';
      output.out(
        message(code, {
          air,
          id: r.rundown.id,
          file: r.audio.file,
          duration: formatDuration(r.audio.durationSec),
          planned: formatDuration(r.plannedSec ?? r.audio.durationSec),
          lufs: r.audio.loudnessLufs.toFixed(1),
          sha: r.audio.sha256.slice(0, 16),
        }),
      );
    }
    output.out(podcast);
    return 0;
  } finally {
    await session.store.close();
  }
}

/** Registers `loa audio build`, `as-run`, `play-list` and `emergency`. */
export function registerAudio(program: Command, output: Output, setExit: (code: number) => void) {
  const audio = program
    .command('audio')
    .description('Chương trình phát thanh thành tệp âm thanh / programmes as audio files')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--as <name>', 'người thực hiện / who acts');
  const common = (cmd: Command): AudioOptions => ({ ...audio.opts(), ...cmd.opts() });
  audio
    .command('build <channel> <week>')
    .description('Đọc và dựng tệp chương trình của tuần / speak and build the week’s programmes')
    .option('--force', 'dựng lại cả khi không có gì thay đổi / rebuild even when unchanged')
    .option('--json', 'JSON')
    .action(async (channel: string, week: string, _opts, cmd: Command) =>
      setExit(await runAudioBuild(channel, week, common(cmd), output)),
    );
  registerAudioAsRun(audio, common, output, setExit);
  registerPlayList(audio, common, output, setExit);
  registerEmergency(audio, common, output, setExit);
}
