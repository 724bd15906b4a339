import { type DateTime, IANAZone } from 'luxon';
import type { BroadcastChannel } from '../model/channel.js';
import { DEFAULT_ZONE } from '../model/primitives.js';
import { type ExportOptions, label } from './export-rows.js';
import { itemsInOrder, type Rundown, slotStart } from './model.js';
import { programmeSlots } from './slots.js';
import { computeTiming, formatDuration, formatOverUnder } from './timing.js';

export interface IcsExportOptions extends ExportOptions {
  /** DTSTAMP of every event: when the file is made (from the injected clock). */
  generatedAt: DateTime;
  /** Zone the slots are read in; default Asia/Ho_Chi_Minh. */
  zone?: string;
}

export const UTC_BASIC = "yyyyMMdd'T'HHmmss'Z'";

/**
 * RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks (CRLF, LF or a lone CR
 * as `\\n`); other control characters, which TEXT may not hold (3.3.11), are dropped.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[^\P{Cc}\t]/gu, '');
}

/** Folds a content line at 75 octets of UTF-8, never inside a character (RFC 5545 3.1). */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A zone whose offset never changes over [from, to] (true for Asia/Ho_Chi_Minh since 1975). */
export function fixedOffset(zone: string, from: DateTime, to: DateTime): number | undefined {
  const iana = IANAZone.create(zone);
  const offset = iana.offset(from.toMillis());
  for (let t = from.toMillis(); t <= to.toMillis(); t += 15 * 86_400_000) {
    if (iana.offset(t) !== offset) return undefined;
  }
  return iana.offset(to.toMillis()) === offset ? offset : undefined;
}

export function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export function describe(rundown: Rundown | undefined, lang: ExportOptions['lang']): string {
  if (rundown === undefined) return label('RUNDOWN_ICS_NONE', lang ?? 'vi');
  const timing = computeTiming(rundown);
  const lines = itemsInOrder(rundown).map(({ segment, item }, i) => {
    const who = item.presenter === undefined ? '' : ` — ${item.presenter}`;
    const floated = item.floated ? ` (${label('RUNDOWN_COL_FLOATED', lang ?? 'vi')})` : '';
    return `${i + 1}. [${segment.title}] ${item.title} (${formatDuration(item.plannedSec)})${who}${floated}`;
  });
  lines.push(
    label('RUNDOWN_TOTAL_LINE', lang ?? 'vi', {
      planned: formatDuration(timing.plannedSec),
      slot: formatDuration(timing.slotSec),
      overUnder: formatOverUnder(timing.overUnderSec),
      minimum: formatDuration(timing.minimumSec),
    }),
  );
  return lines.join('\n');
}

/**
 * An iCalendar (RFC 5545) file of a programme's airings that start in [from, to). Each
 * event's UID is derived from the channel and the slot's start, so a calendar re-imported
 * after an edit updates its events instead of doubling them; its description lists the
 * rundown of that airing when one is given. Times carry TZID with a VTIMEZONE when the
 * zone's offset is fixed over the range (Asia/Ho_Chi_Minh is), UTC otherwise.
 */
export function rundownCalendar(
  channel: Pick<BroadcastChannel, 'id' | 'name' | 'station' | 'programme' | 'slots'>,
  from: DateTime,
  to: DateTime,
  rundowns: readonly Rundown[],
  options: IcsExportOptions,
): string {
  const zone = options.zone ?? DEFAULT_ZONE;
  const offset = fixedOffset(zone, from, to);
  const byStart = new Map(
    rundowns
      .filter((r) => r.channelId === channel.id)
      .map((r) => [slotStart(r.slot).toMillis(), r]),
  );
  const when = (name: string, at: DateTime) =>
    offset === undefined
      ? `${name}:${at.toUTC().toFormat(UTC_BASIC)}`
      : `${name};TZID=${zone}:${at.setZone(zone).toFormat("yyyyMMdd'T'HHmmss")}`;
  const lines = calendarHead(channel, zone, offset, 'broadcast rundowns');
  for (const slot of programmeSlots(channel, from, to, zone)) {
    const start = slotStart(slot);
    const rundown = byStart.get(start.toMillis());
    lines.push(
      'BEGIN:VEVENT',
      `UID:${channel.id}-${start.toUTC().toFormat(UTC_BASIC)}@loa`,
      `DTSTAMP:${options.generatedAt.toUTC().toFormat(UTC_BASIC)}`,
      when('DTSTART', start),
      when('DTEND', start.plus({ seconds: slot.lengthSec })),
      `SUMMARY:${escapeText(channel.programme)}`,
      `LOCATION:${escapeText(channel.station)}`,
      `DESCRIPTION:${escapeText(describe(rundown, options.lang))}`,
      `STATUS:${rundown?.state === 'aired' || rundown?.state === 'locked' ? 'CONFIRMED' : 'TENTATIVE'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * The lines that open a programme's VCALENDAR: its name, zone and, where the zone keeps one
 * offset over the range, the VTIMEZONE that TZID times refer to.
 */
export function calendarHead(
  channel: { programme: string; station: string },
  zone: string,
  offset: number | undefined,
  product: string,
): string[] {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//loa//${product}//VI`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${channel.programme} — ${channel.station}`)}`,
    `X-WR-TIMEZONE:${zone}`,
  ];
  if (offset !== undefined) {
    lines.push(
      'BEGIN:VTIMEZONE',
      `TZID:${zone}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${utcOffset(offset)}`,
      `TZOFFSETTO:${utcOffset(offset)}`,
      `TZNAME:${utcOffset(offset)}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    );
  }
  return lines;
}
