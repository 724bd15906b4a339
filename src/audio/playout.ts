import { DateTime } from 'luxon';
import { itemsInOrder, type Rundown, slotStart } from '../broadcast/model.js';
import type { EmergencyAnnouncement } from './emergency.js';

/**
 * The three levels of today's smart loudspeaker platforms (Circular 39/2020/TT-BTTTT):
 * `normal` programmes, `priority` announcements, `emergency` alerts that cut in at once.
 */
export const PLAYOUT_LEVELS = ['normal', 'priority', 'emergency'] as const;
export type PlayoutLevel = (typeof PLAYOUT_LEVELS)[number];

/** One file to play at a time on a station's speakers. */
export interface PlayoutEntry {
  /** Play time in the plan's zone, ISO 8601 with its offset. */
  start: string;
  end: string;
  durationSec: number;
  level: PlayoutLevel;
  channel: string;
  rundown: string;
  title: string;
  /** Where the speaker platform fetches the file. */
  url: string;
  sha256: string;
  /** For an emergency announcement: the content item it reads out. */
  item?: string;
  /** For an emergency: the programmes it cuts into, by rundown id. */
  preempts?: string[];
  /** Set on a programme an emergency cuts into. */
  preemptedBy?: string;
}

/** An emergency announcement of a station, with its file's address and the plan's zone. */
export interface ScheduledAnnouncement {
  announcement: EmergencyAnnouncement;
  url: string;
  zone: string;
}

/** A built programme of a station, with the level its channel plays at. */
export interface ScheduledProgramme {
  rundown: Rundown;
  level: PlayoutLevel;
}

/**
 * A station's playout schedule: each built programme at its slot time and each emergency
 * announcement at the time it cuts in, in the plan's zone, oldest first. An emergency entry
 * preempts every programme it overlaps: both are marked, and the platform plays the emergency
 * (the higher level wins, as on the speakers themselves). Given `now`, the emergencies not yet
 * over come first of all, so that a platform reading the list from the top plays them at once.
 */
export function playoutSchedule(
  programmes: readonly ScheduledProgramme[],
  fileUrl: (rundown: Rundown) => string,
  announcements: readonly ScheduledAnnouncement[] = [],
  now?: DateTime,
): PlayoutEntry[] {
  const entries: PlayoutEntry[] = [];
  for (const { rundown, level } of programmes) {
    if (!rundown.audio) continue;
    const start = slotStart(rundown.slot);
    const end = start.plus({ seconds: rundown.audio.durationSec });
    const stories = itemsInOrder(rundown).map(({ item }) => item.title);
    entries.push({
      start: start.toISO() ?? '',
      end: end.toISO() ?? '',
      durationSec: rundown.audio.durationSec,
      level,
      channel: rundown.channelId,
      rundown: rundown.id,
      title: level === 'emergency' && stories[0] ? stories[0] : rundown.programme,
      url: fileUrl(rundown),
      sha256: rundown.audio.sha256,
    });
  }
  for (const { announcement: a, url, zone } of announcements) {
    const start = DateTime.fromISO(a.start, { zone: 'utc' }).setZone(zone);
    entries.push({
      start: start.toISO() ?? '',
      end: start.plus({ seconds: a.durationSec }).toISO() ?? '',
      durationSec: a.durationSec,
      level: 'emergency',
      channel: a.channel,
      rundown: a.id,
      item: a.item,
      title: a.title,
      url,
      sha256: a.sha256,
    });
  }
  const ms = (iso: string) => DateTime.fromISO(iso).toMillis();
  entries.sort((a, b) => ms(a.start) - ms(b.start));
  for (const alert of entries.filter((e) => e.level === 'emergency')) {
    const from = ms(alert.start);
    const to = ms(alert.end);
    const hit = entries.filter(
      (e) => e !== alert && e.level !== 'emergency' && ms(e.start) < to && ms(e.end) > from,
    );
    if (hit.length === 0) continue;
    alert.preempts = hit.map((e) => e.rundown);
    for (const e of hit) e.preemptedBy = alert.rundown;
  }
  if (now === undefined) return entries;
  const urgent = (e: PlayoutEntry) => e.level === 'emergency' && ms(e.end) > now.toMillis();
  return [...entries.filter(urgent), ...entries.filter((e) => !urgent(e))];
}

/** The schedule as an extended M3U8 playlist (`#EXTINF` with duration and title, play time). */
export function playoutM3u8(entries: readonly PlayoutEntry[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3'];
  for (const e of entries) {
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${e.start}`);
    lines.push(`#EXTINF:${Math.round(e.durationSec)},${e.title.replace(/[\r\n,]+/g, ' ')}`);
    lines.push(
      `#LOA-LEVEL:${e.level}${e.preemptedBy ? ` preempted-by=${e.preemptedBy}` : ''}${e.preempts ? ` preempts=${e.preempts.join(' ')}` : ''}`,
    );
    lines.push(`#LOA-SHA256:${e.sha256}`);
    lines.push(e.url);
  }
  return `${lines.join('\n')}\n`;
}
