import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isAudioFile, readAudioFile } from '../../audio/decode.js';
import { engineFor } from '../../audio/engine-for.js';
import {
  audioDir,
  PODCAST_FILE,
  programmeFileName,
  speechCacheDir,
  writeAtomically,
} from '../../audio/files.js';
import { masterProgramme } from '../../audio/master.js';
import { resample } from '../../audio/pcm.js';
import { podcastFeed } from '../../audio/podcast.js';
import {
  layOut,
  PROGRAMME_RATE,
  roundedTimings,
  type StoryAudio,
  trimSilence,
} from '../../audio/programme.js';
import { speakable } from '../../audio/speakable/normalise.js';
import { podcastEpisodes, programmeUrl, siteOf } from '../../audio/station.js';
import { type CacheStats, cachedEngine } from '../../audio/synthesis-cache.js';
import {
  itemsInOrder,
  type Rundown,
  type RundownAudio,
  type RundownEvent,
  type RundownItem,
  rundownId,
} from '../../broadcast/model.js';
import { loadRundown, saveRundown } from '../../broadcast/store.js';
import { computeTiming } from '../../broadcast/timing.js';
import { resolveInside } from '../../config/contained.js';
import { LoaError } from '../../errors/loa-error.js';
import { resolveMediaPath } from '../../media/item-media.js';
import type { AudioSettings, BroadcastChannel } from '../../model/channel.js';
import { toStored } from '../../model/instant.js';
import { itemFolder } from '../../scheduler/dispatch/item-folder.js';
import { findItem } from '../../store/items.js';
import { LOCKS, lockFor } from '../../store/locks.js';
import {
  type BroadcastContext,
  broadcastChannel,
  periodOf,
  slotsOf,
  zoneOf,
} from '../broadcast/service-context.js';

/** What building audio needs beyond a rundown operation: where things are, and progress. */
export interface AudioContext extends BroadcastContext {
  /** The project's root (jingle folders are relative to it). */
  root: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  onProgress?: (progress: AudioProgress) => void;
}

/** Progress of a build: stories spoken of all stories of the period, then mastering. */
export interface AudioProgress {
  rundownId: string;
  phase: 'speak' | 'master';
  done: number;
  total: number;
}

/** What happened to one programme. */
export interface ProgrammeBuild {
  rundown: Rundown;
  action: 'built' | 'unchanged' | 'kept-aired' | 'empty';
  audio?: RundownAudio;
  /** Seconds of the rundown's planned time (jingles included) after the build. */
  plannedSec?: number;
}

/** The channel's audio settings (defaults when the channel file has none). */
export function audioSettingsOf(channel: BroadcastChannel): AudioSettings {
  return (
    channel.audio ?? {
      engine: { kind: 'embedded' },
      voice: 'vi',
      rate: 150,
      targetLufs: -16,
      pauseSec: 1.5,
      bitrateKbps: 64,
      wav: false,
      abbreviations: {},
      links: 'text',
      images: 'drop',
      level: 'normal',
    }
  );
}

/** What a story will say, or the recording it will play. */
type StorySource = { slug: string; item: RundownItem } & (
  | { kind: 'speech'; text: string }
  | { kind: 'file'; path: string; shown: string }
);

async function sourcesOf(ctx: AudioContext, rundown: Rundown, settings: AudioSettings) {
  const sources: StorySource[] = [];
  for (const { item } of itemsInOrder(rundown)) {
    if (item.floated) continue;
    const recording = item.media.find((m) => isAudioFile(m.file));
    if (recording) {
      const row = await findItem(ctx.store, item.itemId);
      const dir = row ? itemFolder(row, ctx.contentDir) : undefined;
      if (dir) {
        const path = resolveMediaPath(dir, recording.file);
        sources.push({ slug: item.slug, item, kind: 'file', path, shown: recording.file });
        continue;
      }
    }
    const text = speakable(`# ${item.title}\n\n${item.notes}`, {
      abbreviations: settings.abbreviations,
      links: settings.links,
      images: settings.images,
    });
    sources.push({ slug: item.slug, item, kind: 'speech', text });
  }
  return sources;
}

/** A jingle's real path, inside the project's jingle folder (validate says so too). */
function jinglePath(ctx: AudioContext, settings: AudioSettings, name: string | undefined) {
  if (name === undefined) return undefined;
  const folder = resolveInside(ctx.root, settings.folder ?? '.');
  const path = folder === undefined ? undefined : resolveInside(folder, name);
  if (path === undefined) {
    throw new LoaError('AUDIO_PATH_OUTSIDE', {
      params: { value: folder === undefined ? (settings.folder ?? '.') : name },
      failure: 'permanent',
    });
  }
  return path;
}

/**
 * A fingerprint of everything the programme's audio is made from (texts, recordings, jingles,
 * settings, engine version): an unchanged week is recognised without speaking a word.
 */
async function fingerprint(
  sources: readonly StorySource[],
  jingles: readonly (string | undefined)[],
  settings: AudioSettings,
  engineVersion: string,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([settings, engineVersion, PROGRAMME_RATE]));
  for (const s of sources) {
    hash.update(JSON.stringify([s.slug, s.kind === 'speech' ? s.text : s.path]));
    if (s.kind === 'file') hash.update(await fileStamp(s.path, s.shown));
  }
  for (const j of jingles) hash.update(j === undefined ? '-' : await fileStamp(j, j));
  return hash.digest('hex');
}

async function fileStamp(path: string, shown: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new LoaError('AUDIO_FILE_MISSING', { params: { file: shown } });
  return `${path}:${info.size}:${info.mtimeMs}`;
}

/** The station's speech engine, through the data folder's speech cache, counting into `stats`. */
export function stationSpeech(ctx: AudioContext, settings: AudioSettings, stats: CacheStats) {
  return cachedEngine(engineFor(settings, ctx.root, ctx.env), speechCacheDir(ctx.dataDir), stats);
}

/** The programme audio of each rundown of a channel's period (an ISO week). */
export async function buildAudio(
  ctx: AudioContext,
  request: { channel: string; period: string; force?: boolean },
): Promise<{ channel: BroadcastChannel; results: ProgrammeBuild[]; podcast: string }> {
  const channel = broadcastChannel(ctx.planning.channels, request.channel);
  const zone = zoneOf(channel, ctx.planning);
  const slots = slotsOf(channel, periodOf(request.period, zone), zone);
  const settings = audioSettingsOf(channel);
  const stats: CacheStats = { hits: 0, misses: 0 };
  const engine = stationSpeech(ctx, settings, stats);
  const results: ProgrammeBuild[] = [];
  for (const { slot } of slots) {
    const id = rundownId(channel.id, slot);
    const stored = await loadRundown(ctx.store, id);
    if (!stored) {
      throw new LoaError('AUDIO_NO_RUNDOWN', {
        params: { channel: channel.id, period: request.period, slot: id },
      });
    }
    results.push(await buildOne(ctx, channel, stored.rundown, settings, engine, request.force));
  }
  return { channel, results, podcast: await writePodcastFeed(ctx, channel) };
}

/**
 * Writes the channel's podcast feed (every built programme, newest first) to
 * `public/audio/<channel>/podcast.xml` under the data folder, with the addresses of
 * `audio.siteUrl` (else loa's own server); returns its path. The server answers the same feed
 * at `/audio/<channel>/podcast.xml`, with the address it is reached at.
 */
export async function writePodcastFeed(
  ctx: Pick<AudioContext, 'store' | 'dataDir' | 'now'>,
  channel: BroadcastChannel,
): Promise<string> {
  const site = siteOf(channel).replace(/\/+$/, '');
  const episodes = await podcastEpisodes(ctx.store, channel, ctx.dataDir);
  const xml = podcastFeed(
    channel,
    episodes,
    {
      site,
      feedUrl: `${site}/audio/${encodeURIComponent(channel.id)}/podcast.xml`,
      fileUrl: (r) => programmeUrl(site, r),
    },
    ctx.now,
  );
  const path = resolve(audioDir(ctx.dataDir, channel.id), PODCAST_FILE);
  await writeAtomically(path, xml);
  return path;
}

async function buildOne(
  ctx: AudioContext,
  channel: BroadcastChannel,
  rundown: Rundown,
  settings: AudioSettings,
  engine: ReturnType<typeof cachedEngine>,
  force = false,
): Promise<ProgrammeBuild> {
  if (rundown.state === 'aired')
    return { rundown, action: 'kept-aired', ...(rundown.audio ? { audio: rundown.audio } : {}) };
  const sources = await sourcesOf(ctx, rundown, settings);
  if (sources.length === 0) return { rundown, action: 'empty' };
  const intro = jinglePath(ctx, settings, settings.intro);
  const outro = jinglePath(ctx, settings, settings.outro);
  const inputs = await fingerprint(sources, [intro, outro], settings, engine.version);
  const dir = audioDir(ctx.dataDir, channel.id);
  if (
    !force &&
    rundown.audio?.inputs === inputs &&
    (await sameFile(resolve(dir, rundown.audio.file), rundown.audio.sha256))
  ) {
    return { rundown, action: 'unchanged', audio: rundown.audio };
  }
  const progress = (phase: AudioProgress['phase'], done: number) =>
    ctx.onProgress?.({ rundownId: rundown.id, phase, done, total: sources.length });
  progress('speak', 0);
  const stories: StoryAudio[] = [];
  for (const source of sources) {
    const pcm =
      source.kind === 'file'
        ? await readAudioFile(source.path, source.shown)
        : await engine.synthesise({
            text: source.text,
            voice: settings.voice,
            rate: settings.rate,
          });
    stories.push({ slug: source.slug, pcm: trimSilence(resample(pcm, PROGRAMME_RATE)) });
    progress('speak', stories.length);
  }
  const jingle = async (path: string | undefined, name: string | undefined) =>
    path === undefined
      ? undefined
      : resample(await readAudioFile(path, name ?? path), PROGRAMME_RATE);
  const layout = layOut(
    {
      stories,
      ...optional('intro', await jingle(intro, settings.intro)),
      ...optional('outro', await jingle(outro, settings.outro)),
    },
    settings.pauseSec,
    PROGRAMME_RATE,
  );
  progress('master', sources.length);
  const mastered = await masterProgramme(layout.pcm, settings);
  const file = programmeFileName(channel.id, rundown.slot, 'mp3');
  await writeAtomically(resolve(dir, file), mastered.mp3);
  const wavFile = mastered.wav ? programmeFileName(channel.id, rundown.slot, 'wav') : undefined;
  if (mastered.wav && wavFile) await writeAtomically(resolve(dir, wavFile), mastered.wav);
  const timings = roundedTimings(layout);
  const at = toStored(ctx.now);
  const audio: RundownAudio = {
    file,
    sha256: mastered.sha256,
    durationSec: mastered.durationSec,
    loudnessLufs: mastered.loudnessLufs,
    peakDb: mastered.peakDb,
    openingSec: timings.openingSec,
    closingSec: timings.closingSec,
    engine: engine.version,
    voice: settings.voice,
    builtAt: at,
    inputs,
    ...(wavFile ? { wav: wavFile } : {}),
  };
  return ctx.store.transaction(async (tx) => {
    await lockFor(tx, LOCKS.planning);
    const current = (await loadRundown(tx, rundown.id))?.rundown ?? rundown;
    const updated: Rundown = {
      ...current,
      segments: current.segments.map((segment) => ({
        ...segment,
        items: segment.items.map((item) => {
          const sec = timings.stories.get(item.slug);
          return sec === undefined || item.floated ? item : { ...item, plannedSec: sec };
        }),
      })),
      audio,
    };
    const event: RundownEvent = {
      from: current.state,
      to: current.state,
      actor: ctx.actor,
      at,
      reason: `audio ${file} ${mastered.sha256.slice(0, 12)}`,
    };
    updated.history = [...current.history, event];
    await saveRundown(tx, updated, [event], at);
    return {
      rundown: updated,
      action: 'built' as const,
      audio,
      plannedSec: computeTiming(updated).plannedSec,
    };
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

async function sameFile(path: string, sha256: string): Promise<boolean> {
  const bytes = await readFile(path).catch(() => undefined);
  return bytes !== undefined && createHash('sha256').update(bytes).digest('hex') === sha256;
}
