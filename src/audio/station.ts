import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Rundown } from '../broadcast/model.js';
import { rundownsOfChannel } from '../broadcast/store.js';
import { LoaError } from '../errors/loa-error.js';
import type { BroadcastChannel, Channel } from '../model/channel.js';
import { hasCapability } from '../model/channel-kinds.js';
import type { Database } from '../store/schema.js';
import { audioDir } from './files.js';
import { type PlayoutEntry, playoutSchedule } from './playout.js';
import type { PodcastEpisode } from './podcast.js';

/**
 * The broadcast channels of a station: the channel with that id and every channel naming the
 * same `station`; a station's name (as in the channel files) works too.
 */
export function stationChannels(
  channels: ReadonlyMap<string, Channel>,
  key: string,
): BroadcastChannel[] {
  const all = [...channels.values()].filter((c): c is BroadcastChannel => hasCapability(c, 'airs'));
  const named = all.find((c) => c.id === key)?.station ?? key;
  const found = all.filter((c) => c.station === named);
  if (found.length === 0) {
    throw new LoaError('AUDIO_STATION_UNKNOWN', {
      params: { station: key, known: all.map((c) => c.id).join(', ') },
      kind: 'not-found',
    });
  }
  return found;
}

/** Where a programme's MP3 is served: `<site>/audio/<channel>/<file>`. */
export const programmeUrl = (site: string, rundown: Rundown) =>
  `${site.replace(/\/+$/, '')}/audio/${encodeURIComponent(rundown.channelId)}/${encodeURIComponent(rundown.audio?.file ?? '')}`;

/** The station's playout schedule over a range (UTC ISO instants). */
export async function stationPlayout(
  db: Kysely<Database>,
  channels: ReadonlyMap<string, Channel>,
  key: string,
  range: { from: string; to: string },
  site: string,
): Promise<PlayoutEntry[]> {
  const programmes = [];
  for (const channel of stationChannels(channels, key)) {
    for (const { rundown } of await rundownsOfChannel(db, channel.id, range)) {
      programmes.push({ rundown, level: channel.audio?.level ?? ('normal' as const) });
    }
  }
  return playoutSchedule(programmes, (r) => programmeUrl(site, r));
}

/** A channel's built programmes with their MP3 sizes, for the podcast feed. */
export async function podcastEpisodes(
  db: Kysely<Database>,
  channel: BroadcastChannel,
  dataDir: string,
): Promise<PodcastEpisode[]> {
  const episodes: PodcastEpisode[] = [];
  const all = await rundownsOfChannel(db, channel.id, { from: '0000', to: '9999' });
  for (const { rundown } of all) {
    if (!rundown.audio) continue;
    const info = await stat(join(audioDir(dataDir, channel.id), rundown.audio.file)).catch(
      () => undefined,
    );
    if (info) episodes.push({ rundown, bytes: info.size });
  }
  return episodes;
}
