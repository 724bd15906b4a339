import type { DateTime } from 'luxon';
import { broadcastSlotsIn, slotRecurrence } from '../calendar/slots.js';
import type { BroadcastChannel } from '../model/channel.js';
import { DEFAULT_ZONE } from '../model/primitives.js';
import {
  calendarHead,
  describe,
  escapeText,
  fixedOffset,
  fold,
  type IcsExportOptions,
  UTC_BASIC,
} from './export-ics.js';
import { type Rundown, slotStart } from './model.js';

type SeriesChannel = Pick<
  BroadcastChannel,
  'id' | 'name' | 'station' | 'programme' | 'slots' | 'except'
>;

/**
 * The programme as recurring iCalendar series (RFC 5545): one VEVENT per slot of the channel
 * carrying the slot's RRULE (bounded by UNTIL at `to`), its one-off days as RDATE and the
 * days off that fall on it (Tết) as EXDATE; each airing that has a rundown is an override
 * with the series' UID and its RECURRENCE-ID, describing the rundown. A calendar that reads
 * RRULE shows the same airings as `loa calendar`.
 */
export function programmeSeries(
  channel: SeriesChannel,
  from: DateTime,
  to: DateTime,
  rundowns: readonly Rundown[],
  options: IcsExportOptions,
): string {
  const zone = options.zone ?? DEFAULT_ZONE;
  const offset = fixedOffset(zone, from, to);
  const stamp = `DTSTAMP:${options.generatedAt.toUTC().toFormat(UTC_BASIC)}`;
  const local = (at: DateTime) =>
    offset === undefined
      ? at.toUTC().toFormat(UTC_BASIC)
      : at.setZone(zone).toFormat("yyyyMMdd'T'HHmmss");
  const when = (name: string, at: DateTime) =>
    offset === undefined ? `${name}:${local(at)}` : `${name};TZID=${zone}:${local(at)}`;
  const byStart = new Map(
    rundowns
      .filter((r) => r.channelId === channel.id)
      .map((r) => [slotStart(r.slot).toMillis(), r]),
  );
  const lines = calendarHead(channel, zone, offset, 'broadcast programme');
  const range = { start: from, end: to };
  channel.slots.forEach((slot, i) => {
    const airings = broadcastSlotsIn({ slots: [slot], except: channel.except }, range, zone);
    const first = airings[0];
    if (!first) return;
    const spec = slotRecurrence(slot, channel.except);
    // What the rule alone would give: the days off among them become EXDATEs.
    const ruled = spec.rrule
      ? broadcastSlotsIn({ slots: [{ ...slot, dates: undefined, except: undefined }] }, range, zone)
      : [];
    const aired = new Set(airings.map((a) => a.start.toMillis()));
    const onDates = new Set((slot.dates ?? []).map((d) => d));
    const uid = `${channel.id}-slot-${i + 1}@loa`;
    const rundown = (start: DateTime) => byStart.get(start.toMillis());
    const event = [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      stamp,
      when('DTSTART', first.start),
      when('DTEND', first.end),
    ];
    if (spec.rrule) {
      const rule = spec.rrule.replace(/^RRULE:/i, '');
      const bounded = /(^|;)(UNTIL|COUNT)=/i.test(rule)
        ? rule
        : `${rule};UNTIL=${to.minus({ seconds: 1 }).toUTC().toFormat(UTC_BASIC)}`;
      event.push(`RRULE:${bounded}`);
      const ruledDays = new Set(ruled.map((r) => r.start.toMillis()));
      const extra = airings.filter(
        (a) => !ruledDays.has(a.start.toMillis()) && a.start.toMillis() !== first.start.toMillis(),
      );
      for (const a of extra) event.push(when('RDATE', a.start));
      for (const r of ruled) {
        if (!aired.has(r.start.toMillis())) event.push(when('EXDATE', r.start));
      }
    } else {
      for (const a of airings.slice(1)) {
        if (onDates.has(a.start.setZone(zone).toISODate() ?? ''))
          event.push(when('RDATE', a.start));
      }
    }
    event.push(
      `SUMMARY:${escapeText(channel.programme)}`,
      `LOCATION:${escapeText(channel.station)}`,
      `DESCRIPTION:${escapeText(describe(rundown(first.start), options.lang))}`,
      'STATUS:TENTATIVE',
      'END:VEVENT',
    );
    lines.push(...event);
    for (const airing of airings) {
      const own = rundown(airing.start);
      if (!own || airing.start.toMillis() === first.start.toMillis()) continue;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        stamp,
        when('RECURRENCE-ID', airing.start),
        when('DTSTART', airing.start),
        when('DTEND', airing.end),
        `SUMMARY:${escapeText(channel.programme)}`,
        `LOCATION:${escapeText(channel.station)}`,
        `DESCRIPTION:${escapeText(describe(own, options.lang))}`,
        `STATUS:${own.state === 'aired' || own.state === 'locked' ? 'CONFIRMED' : 'TENTATIVE'}`,
        'END:VEVENT',
      );
    }
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
