import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import type { Rundown } from '../broadcast/model.js';
import { rundownsOfChannel } from '../broadcast/store.js';
import { LoaError } from '../errors/loa-error.js';
import type { BroadcastChannel, Channel } from '../model/channel.js';
import { hasCapability } from '../model/channel-kinds.js';
import type { Db } from '../store/types.js';
import { type EmergencyAnnouncement, readEmergencies } from './emergency.js';
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

/** The default address of `loa run`'s server, where programme files are served. */
export const DEFAULT_SITE = 'http://127.0.0.1:8080';

/** The address files of a channel are served from: its `audio.siteUrl`, else loa's server. */
export const siteOf = (channel: BroadcastChannel) => channel.audio?.siteUrl ?? DEFAULT_SITE;

/** Where a programme's MP3 is served: `<site>/audio/<channel>/<file>`. */
export const programmeUrl = (site: string, rundown: Rundown) =>
  `${site.replace(/\/+$/, '')}/audio/${encodeURIComponent(rundown.channelId)}/${encodeURIComponent(rundown.audio?.file ?? '')}`;

/** Where an emergency announcement's MP3 is served. */
export const announcementUrl = (site: string, a: EmergencyAnnouncement) =>
  `${site.replace(/\/+$/, '')}/audio/${encodeURIComponent(a.channel)}/${encodeURIComponent(a.file)}`;

/**
 * The station's playout schedule over a range (UTC ISO instants): its built programmes and,
 * from the data folder, its emergency announcements; those not over at `now` come first.
 */
export async function stationPlayout(
  db: Db,
  channels: ReadonlyMap<string, Channel>,
  key: string,
  range: { from: string; to: string },
  site: string,
  where: { dataDir: string; now: DateTime; zone: string },
): Promise<PlayoutEntry[]> {
  const programmes = [];
  const announcements = [];
  for (const channel of stationChannels(channels, key)) {
    for (const { rundown } of await rundownsOfChannel(db, channel.id, range)) {
      programmes.push({ rundown, level: channel.audio?.level ?? ('normal' as const) });
    }
    for (const announcement of await readEmergencies(where.dataDir, channel.id)) {
      if (announcement.start < range.from || announcement.start >= range.to) continue;
      announcements.push({
        announcement,
        url: announcementUrl(site, announcement),
        zone: where.zone,
      });
    }
  }
  return playoutSchedule(programmes, (r) => programmeUrl(site, r), announcements, where.now);
}

/** A channel's built programmes with their MP3 sizes, for the podcast feed. */
export async function podcastEpisodes(
  db: Db,
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
