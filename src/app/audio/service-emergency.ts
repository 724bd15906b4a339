import { resolve } from 'node:path';
import { addEmergency, type EmergencyAnnouncement } from '../../audio/emergency.js';
import { audioDir, writeAtomically } from '../../audio/files.js';
import { masterProgramme } from '../../audio/master.js';
import { resample } from '../../audio/pcm.js';
import { layOut, PROGRAMME_RATE, trimSilence } from '../../audio/programme.js';
import { speakable } from '../../audio/speakable/normalise.js';
import { stationChannels } from '../../audio/station.js';
import type { CacheStats } from '../../audio/synthesis-cache.js';
import { LoaError } from '../../errors/loa-error.js';
import { toStored } from '../../model/instant.js';
import { findItem, itemVersion, listItems } from '../../store/items.js';
import { zoneOf } from '../broadcast/service-context.js';
import { parseWhen } from '../queue.js';
import { type AudioContext, audioSettingsOf, stationSpeech } from './service-build.js';

/** What `loa audio emergency` asks for. */
export interface EmergencyRequest {
  /** A broadcast channel id or a station's name. */
  station: string;
  /** The content item to read out: its id, or the last part of it (the file's name). */
  item: string;
  /** When it cuts in, local time of the plan's zone (or with an offset); default now. */
  at?: string;
}

/**
 * An emergency announcement: the approved item is read out by the channel's voice (no jingle),
 * brought to the channel's loudness, encoded to its own MP3 and put on the station's playout at
 * `at` (now by default) with the `emergency` level, where it preempts any programme it
 * overlaps and, while not over, comes first. The file is written before the list names it.
 */
export async function announceEmergency(
  ctx: AudioContext,
  request: EmergencyRequest,
): Promise<EmergencyAnnouncement> {
  const [channel] = stationChannels(ctx.planning.channels, request.station).sort(
    (a, b) => Number(b.id === request.station) - Number(a.id === request.station),
  );
  if (!channel)
    throw new LoaError('AUDIO_STATION_UNKNOWN', {
      params: { station: request.station, known: '' },
    });
  const zone = zoneOf(channel, ctx.planning);
  const start = (request.at === undefined ? ctx.now : parseWhen(request.at, zone)).startOf(
    'second',
  );
  const id = await itemIdOf(ctx, request.item);
  const row = await findItem(ctx.store, id);
  const item = row ? await itemVersion(ctx.store, id, row.version) : undefined;
  if (!item)
    throw new LoaError('AUDIO_EMERGENCY_ITEM_UNKNOWN', {
      params: { item: request.item },
      kind: 'not-found',
    });
  if (item.status !== 'approved') {
    throw new LoaError('AUDIO_EMERGENCY_NOT_APPROVED', { params: { item: id }, kind: 'conflict' });
  }
  const settings = audioSettingsOf(channel);
  const stats: CacheStats = { hits: 0, misses: 0 };
  const engine = stationSpeech(ctx, settings, stats);
  const text = speakable(`# ${item.title}\n\n${item.body}`, {
    abbreviations: settings.abbreviations,
    links: settings.links,
    images: settings.images,
  });
  ctx.onProgress?.({ rundownId: id, phase: 'speak', done: 0, total: 1 });
  const pcm = await engine.synthesise({ text, voice: settings.voice, rate: settings.rate });
  const story = { slug: id, pcm: trimSilence(resample(pcm, PROGRAMME_RATE)) };
  ctx.onProgress?.({ rundownId: id, phase: 'master', done: 1, total: 1 });
  const layout = layOut({ stories: [story] }, settings.pauseSec, PROGRAMME_RATE);
  const mastered = await masterProgramme(layout.pcm, { ...settings, wav: false });
  const file = `${channel.id}-khan-cap-${start.setZone(zone).toFormat('yyyyMMdd-HHmmss')}.mp3`;
  await writeAtomically(resolve(audioDir(ctx.dataDir, channel.id), file), mastered.mp3);
  const announcement: EmergencyAnnouncement = {
    id: `${channel.id}@${toStored(start)}`,
    channel: channel.id,
    item: id,
    title: item.title.normalize('NFC'),
    start: toStored(start),
    durationSec: mastered.durationSec,
    file,
    sha256: mastered.sha256,
    loudnessLufs: mastered.loudnessLufs,
    actor: ctx.actor,
    announcedAt: toStored(ctx.now),
  };
  await addEmergency(ctx.dataDir, announcement);
  return announcement;
}

/** The stored id of an item named by its id or by the last part of its id. */
async function itemIdOf(ctx: AudioContext, key: string): Promise<string> {
  if (await findItem(ctx.store, key)) return key;
  const matches = (await listItems(ctx.store)).filter((row) => row.id.endsWith(`/${key}`));
  if (matches.length === 1 && matches[0]) return matches[0].id;
  throw new LoaError('AUDIO_EMERGENCY_ITEM_UNKNOWN', { params: { item: key }, kind: 'not-found' });
}
