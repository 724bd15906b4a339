import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * An independent decoder and meter for the tests: Debian's ffmpeg (installed by .ci/run).
 * Duration from ffprobe, integrated loudness from the ebur128 filter, silences from
 * silencedetect.
 */
export async function probeDuration(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    file,
  ]);
  return Number(stdout.trim());
}

/** Integrated loudness (LUFS) as ffmpeg's EBU R128 meter reads the decoded file. */
export async function measureLoudness(file: string): Promise<number> {
  const { stderr } = await run(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const match = /I:\s+(-?[\d.]+) LUFS/.exec(summary);
  if (!match) throw new Error(`no loudness in ffmpeg output: ${summary.slice(0, 300)}`);
  return Number(match[1]);
}

/** Silences below −50 dBFS that last at least `minSec`, as [start, duration] pairs. */
export async function silences(file: string, minSec: number): Promise<[number, number][]> {
  const { stderr } = await run(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostats',
      '-i',
      file,
      '-af',
      `silencedetect=noise=-50dB:d=${minSec}`,
      '-f',
      'null',
      '-',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const found: [number, number][] = [];
  for (const m of stderr.matchAll(/silence_end: ([\d.]+) \| silence_duration: ([\d.]+)/g)) {
    const end = Number(m[1]);
    const duration = Number(m[2]);
    found.push([end - duration, duration]);
  }
  return found;
}
