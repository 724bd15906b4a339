import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '../model/primitives.js';

/**
 * The life of a rundown: `draft` while it is edited, `ready` when the editor hands it over,
 * `locked` when the studio takes it (changes only after a recorded unlock), `aired` once the
 * as-run is confirmed.
 */
export const RUNDOWN_STATES = ['draft', 'ready', 'locked', 'aired'] as const;
export type RundownState = (typeof RUNDOWN_STATES)[number];

/** One airing of a programme slot, as plain data: the instant it starts and its length. */
export interface RundownSlot {
  /** ISO 8601 instant with its offset, e.g. `2024-03-04T20:00:00.000+07:00`. */
  start: string;
  lengthSec: number;
  /** The zone the slot is read in (clock times in exports). */
  zone: string;
}

/** A media reference of an item: a file beside the content item, with its alt text. */
export interface RundownMedia {
  file: string;
  alt: string;
  caption?: string;
}

/** Tin/phóng sự: one item (story) of a rundown. */
export interface RundownItem {
  /** Unique in the rundown, ASCII, e.g. `mot-cua-lien-thong`. */
  slug: string;
  /** The content item it comes from. */
  itemId: string;
  title: string;
  plannedSec: number;
  presenter?: string;
  /** Script or presenter notes (the content item's body). */
  notes: string;
  /** A floated item stays in the rundown but does not count in timing. */
  floated: boolean;
  media: RundownMedia[];
  priority: number;
  topics: string[];
  /** Taken from the evergreen reserve to top up a short rundown. */
  evergreen: boolean;
}

/** Phân đoạn: a segment of the rundown, e.g. "Tin tức". */
export interface RundownSegment {
  title: string;
  /**
   * The time the segment was planned to take. Over/under of the segment is measured against
   * it; assembly sets it to the segment's planned total.
   */
  targetSec: number;
  items: RundownItem[];
}

/** A recorded change of state: who moved the rundown from where to where, when and why. */
export interface RundownEvent {
  from: RundownState;
  to: RundownState;
  actor: string;
  /** ISO 8601 instant. */
  at: string;
  reason?: string;
}

/**
 * The programme's audio file once built (issue 16): what the playout schedule and the as-run
 * evidence carry. `openingSec` (intro jingle and pause) and `closingSec` (pause and outro
 * jingle) count in the rundown's timing, so that it adds up to the file's length.
 */
export interface RundownAudio {
  /** The MP3's file name in the channel's audio folder. */
  file: string;
  /** SHA-256 of the MP3, hex. */
  sha256: string;
  durationSec: number;
  /** Integrated loudness (EBU R128) measured on the MP3. */
  loudnessLufs: number;
  peakDb: number;
  openingSec: number;
  closingSec: number;
  /** The speech engine's version and the voice. */
  engine: string;
  voice: string;
  /** ISO 8601 instant. */
  builtAt: string;
  /** The WAV's file name, when one was asked for. */
  wav?: string;
  /** SHA-256 of everything the audio was made from: an unchanged week is not built again. */
  inputs?: string;
}

/** Kịch bản chương trình: the running order of one airing of a broadcast programme. */
export interface Rundown {
  /** Stable: `<channel>@<slot start in UTC, basic ISO>`. */
  id: string;
  channelId: string;
  station: string;
  programme: string;
  slot: RundownSlot;
  /** The least the programme must last (channel and plan minimum). */
  minimumSec: number;
  state: RundownState;
  segments: RundownSegment[];
  /** Every state change, oldest first. */
  history: RundownEvent[];
  /** The programme's audio, once `loa audio build` made it. */
  audio?: RundownAudio;
}

/** The default segment when items do not name one. */
export const DEFAULT_SEGMENT = 'Tin tức';

/** The slot's start as a luxon DateTime in the slot's zone. */
export function slotStart(slot: RundownSlot): DateTime {
  return DateTime.fromISO(slot.start, { setZone: true }).setZone(slot.zone);
}

/** The slot's end (start + length). */
export function slotEnd(slot: RundownSlot): DateTime {
  return slotStart(slot).plus({ seconds: slot.lengthSec });
}

/** A slot as plain data from its start instant and length. */
export function rundownSlot(
  start: DateTime,
  lengthSec: number,
  zone: string = DEFAULT_ZONE,
): RundownSlot {
  const local = start.setZone(zone);
  return { start: local.toISO() ?? '', lengthSec, zone };
}

/** The stable id of the rundown of a channel's slot: `<channel>@<UTC start, basic ISO>`. */
export function rundownId(channelId: string, slot: RundownSlot): string {
  return `${channelId}@${slotStart(slot).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`;
}

/** Every item of a rundown in running order, with its segment. */
export function itemsInOrder(rundown: Pick<Rundown, 'segments'>): {
  segment: RundownSegment;
  item: RundownItem;
}[] {
  return rundown.segments.flatMap((segment) => segment.items.map((item) => ({ segment, item })));
}
