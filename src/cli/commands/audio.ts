import type { Command } from 'commander';
import { type AudioProgress, buildAudio } from '../../app/audio/service-build.js';
import { openSession } from '../../app/session.js';
import { slotStart } from '../../broadcast/model.js';
import { formatDuration } from '../../broadcast/timing.js';
import { projectDirs } from '../../config/project.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { actorName } from '../../scheduler/scheduling-context.js';
import { type Output, printJson } from '../output.js';
import { registerAudioAsRun } from './audio-as-run.js';
import { registerPlayList } from './audio-play-list.js';

/** Options of `loa audio` commands. */
export interface AudioOptions {
  dir?: string;
  as?: string;
  json?: boolean;
  force?: boolean;
}

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
    const built = await buildAudio(
      {
        store: session.store,
        plans: session.project.plans.map((p) => p.value),
        planning: session.config,
        contentDir: projectDirs(session.project.root).content,
        now: clock.now(),
        actor: actorName(options.as),
        root: session.project.root,
        dataDir: session.dataDir,
        env: session.env,
        ...(onProgress ? { onProgress } : {}),
      },
      { channel, period: week, force: options.force },
    );
    if (tty) tty.write('\r\u001b[K');
    if (options.json) {
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
    return 0;
  } finally {
    await session.store.close();
  }
}

/** Registers `loa audio build`, `as-run` and `play-list`. */
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
}
