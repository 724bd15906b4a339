import { DateTime } from 'luxon';
import { itemsInOrder, type Rundown, slotStart } from '../broadcast/model.js';

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
  /** For an emergency: the programmes it cuts into, by rundown id. */
  preempts?: string[];
  /** Set on a programme an emergency cuts into. */
  preemptedBy?: string;
}

/** A built programme of a station, with the level its channel plays at. */
export interface ScheduledProgramme {
  rundown: Rundown;
  level: PlayoutLevel;
}

/**
 * A station's playout schedule: each built programme at its slot time, in the plan's zone,
 * oldest first. An emergency entry preempts every programme it overlaps: both are marked, and
 * the platform plays the emergency (the higher level wins, as on the speakers themselves).
 */
export function playoutSchedule(
  programmes: readonly ScheduledProgramme[],
  fileUrl: (rundown: Rundown) => string,
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
  entries.sort(
    (a, b) => DateTime.fromISO(a.start).toMillis() - DateTime.fromISO(b.start).toMillis(),
  );
  for (const alert of entries.filter((e) => e.level === 'emergency')) {
    const from = DateTime.fromISO(alert.start).toMillis();
    const to = DateTime.fromISO(alert.end).toMillis();
    const hit = entries.filter(
      (e) =>
        e !== alert &&
        e.level !== 'emergency' &&
        DateTime.fromISO(e.start).toMillis() < to &&
        DateTime.fromISO(e.end).toMillis() > from,
    );
    if (hit.length === 0) continue;
    alert.preempts = hit.map((e) => e.rundown);
    for (const e of hit) e.preemptedBy = alert.rundown;
  }
  return entries;
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
