import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { buildAudio } from '../../src/app/audio/service-build.js';
import { openSession } from '../../src/app/session.js';
import { embeddedEngine } from '../../src/audio/engines/embedded.js';
import { masterProgramme } from '../../src/audio/master.js';
import { encodeMp3 } from '../../src/audio/mp3.js';
import { durationOf, type Pcm, resample } from '../../src/audio/pcm.js';
import { layOut, PROGRAMME_RATE, type StoryAudio, trimSilence } from '../../src/audio/programme.js';
import { speakable } from '../../src/audio/speakable/normalise.js';
import { runRundownBuild } from '../../src/cli/commands/rundown.js';
import { main } from '../../src/cli/main.js';
import { projectDirs } from '../../src/config/project.js';
import { ManualClock } from '../../src/model/clock.js';
import { type BenchFigure, timeMs } from './report.js';

const TARGET_SEC = 600;
const CHANNEL = 'xa-vu-ninh-loa';
const quiet = { out: () => {}, err: () => {} };

/** The bodies of the example content items: real CCHC text to read aloud. */
async function exampleTexts(root: string): Promise<string[]> {
  const dir = join(root, 'content');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  const texts: string[] = [];
  for (const f of files) {
    const text = await readFile(join(dir, f), 'utf8');
    texts.push(text.replace(/^---[\s\S]*?---\s*/, ''));
  }
  return texts;
}

/**
 * A 10-minute programme: stories of the example items, spoken by the embedded voice, laid out
 * with pauses, normalised, encoded and measured (masterProgramme); beside the programme's own
 * length (real-time factor) and beside the MP3 encoder alone on the same PCM.
 */
async function tenMinutes(root: string): Promise<BenchFigure[]> {
  const engine = embeddedEngine();
  const texts = await exampleTexts(root);
  const stories: StoryAudio[] = [];
  let spoken = 0;
  let wall = 0;
  for (let i = 0; spoken < TARGET_SEC - 10; i++) {
    const text = speakable(texts[i % texts.length] ?? '');
    let pcm: Pcm = { sampleRate: PROGRAMME_RATE, samples: new Float32Array(0) };
    wall += await timeMs(async () => {
      pcm = trimSilence(
        resample(await engine.synthesise({ text, voice: 'vi', rate: 150 }), PROGRAMME_RATE),
      );
    });
    spoken += durationOf(pcm) + 1.5;
    stories.push({ slug: `tin-${i}`, pcm });
  }
  let layout = layOut({ stories }, 1.5, PROGRAMME_RATE);
  wall += await timeMs(() => {
    layout = layOut({ stories }, 1.5, PROGRAMME_RATE);
  });
  let duration = 0;
  wall += await timeMs(async () => {
    duration = (await masterProgramme(layout.pcm, { targetLufs: -16, bitrateKbps: 64, wav: false }))
      .durationSec;
  });
  const encoder = await timeMs(() => encodeMp3(layout.pcm, 64));
  const rtf = wall / 1000 / duration;
  return [
    {
      name: `speak, normalise and encode a ${(duration / 60).toFixed(1)}-minute programme (${stories.length} stories)`,
      ours: wall / 1000,
      baseline: duration,
      unit: 's',
      baselineLabel: 'the programme’s own length (ratio = real-time factor)',
      goal: 'real-time factor ≤ 0.5',
      met: rtf <= 0.5,
    },
    {
      name: 'the same programme, beside the MP3 encoder alone on the same PCM',
      ours: wall / 1000,
      baseline: encoder / 1000,
      unit: 's',
      baselineLabel: 'lamejs encoding alone',
      goal: 'informative: what speech, loudness and the check after encoding add',
      met: true,
    },
  ];
}

/** A second `loa audio build` of an unchanged week: recognised without speaking a word. */
async function unchangedWeek(repo: string): Promise<BenchFigure> {
  const root = await mkdtemp(join(tmpdir(), 'loa-bench-audio-'));
  const saved = { ...process.env };
  try {
    for (const dir of ['schedules', 'channels', 'content']) {
      await cp(join(repo, dir), join(root, dir), { recursive: true });
    }
    delete process.env.LOA_DATABASE_URL;
    process.env.LOA_DATA_DIR = join(root, 'data');
    const clock = new ManualClock(
      DateTime.fromISO('2024-03-11T09:00', { zone: 'Asia/Ho_Chi_Minh' }),
    );
    await main(['sync', '--dir', root], quiet);
    await runRundownBuild(CHANNEL, '2024-W11', { dir: root }, quiet, clock);
    const session = await openSession(root, process.env);
    try {
      const ctx = {
        store: session.store,
        plans: session.project.plans.map((p) => p.value),
        planning: session.config,
        contentDir: projectDirs(root).content,
        now: clock.now(),
        actor: 'bench',
        root,
        dataDir: session.dataDir,
        env: process.env,
      };
      const request = { channel: CHANNEL, period: '2024-W11' };
      const first = await timeMs(() => buildAudio(ctx, request));
      let action = '';
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        runs.push(
          await timeMs(async () => {
            action = (await buildAudio(ctx, request)).results[0]?.action ?? '';
          }),
        );
      }
      const ours = runs.sort((a, b) => a - b)[2] ?? 0;
      return {
        name: `loa audio build of an unchanged week (${action})`,
        ours,
        baseline: first,
        unit: 'ms',
        baselineLabel: 'the first build of that week',
        goal: '< 200 ms',
        met: ours < 200 && action === 'unchanged',
      };
    } finally {
      await session.store.close();
    }
  } finally {
    process.env = saved;
    await rm(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchFigure[]> {
  const repo = process.cwd();
  return [...(await tenMinutes(repo)), await unchangedWeek(repo)];
}
