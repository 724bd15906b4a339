import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { programmeSeries } from '../../src/broadcast/export-ics-series.js';
import { BroadcastChannel } from '../../src/model/channel.js';
import { fixedRundown } from './sample.js';

const zone = 'Asia/Ho_Chi_Minh';
const generatedAt = DateTime.fromISO('2025-01-01T09:00:00Z');

const district = BroadcastChannel.parse({
  id: 'dai-huyen',
  name: 'Chuyên mục CCHC huyện',
  kind: 'broadcast',
  unit: 'dai-huyen',
  station: 'Đài huyện Kiến Xương',
  programme: 'Cải cách hành chính',
  medium: 'radio',
  slots: [
    { rrule: 'FREQ=MONTHLY;BYDAY=1TH,3TH', start: '19:30', lengthSec: 1200 },
    { dates: ['2025-07-01'], start: '09:00', lengthSec: 1800 },
  ],
  // Tết 2026 takes the 1st Thursday of February 2026 (5 Feb).
  except: [{ from: '2026-02-02', to: '2026-02-08' }],
});

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('the programme as recurring iCalendar series', () => {
  const from = DateTime.fromISO('2025-01-01T00:00', { zone });
  const to = DateTime.fromISO('2026-03-01T00:00', { zone });
  const text = programmeSeries(district, from, to, [], { generatedAt, zone });

  it('carries each slot RRULE, bounded at the end of the range, and the days off as EXDATE', () => {
    expect(text).toContain('RRULE:FREQ=MONTHLY;BYDAY=1TH,3TH;UNTIL=20260228T165959Z');
    expect(text).toContain('EXDATE;TZID=Asia/Ho_Chi_Minh:20260205T193000');
    const [series] = events(text).filter((e) => e.rrule);
    expect(series?.start.toISOString()).toBe('2025-01-02T12:30:00.000Z');
    expect(series?.rrule?.toString()).toContain('BYDAY=1TH,3TH');
    const exdates = Object.values(series?.exdate ?? {}) as Date[];
    expect(new Set(exdates.map((d) => d.toISOString()))).toEqual(
      new Set(['2026-02-05T12:30:00.000Z']),
    );
  });

  it('gives a one-off day its own event, and RFC 5545 folding with CRLF', () => {
    const once = events(text).find((e) => !e.rrule);
    expect(once?.start.toISOString()).toBe('2025-07-01T02:00:00.000Z');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('describes an airing with a rundown as an override of its series (RECURRENCE-ID)', () => {
    const rundown = fixedRundown();
    const weekly = BroadcastChannel.parse({
      ...district,
      id: rundown.channelId,
      slots: [{ weekday: 'fri', start: '20:00', lengthSec: 1800 }],
      except: undefined,
    });
    const march = programmeSeries(
      weekly,
      DateTime.fromISO('2024-03-01T00:00', { zone }),
      DateTime.fromISO('2024-04-01T00:00', { zone }),
      [rundown],
      { generatedAt, zone },
    );
    expect(march).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=');
    expect(march.match(/^RECURRENCE-ID;TZID=Asia\/Ho_Chi_Minh:20240308T200000$/gm)).toHaveLength(1);
    const series = events(march).find((e) => e.rrule);
    const overrides = Object.values(series?.recurrences ?? {}) as VEvent[];
    // node-ical files an override under more than one key; they are the same airing.
    expect(new Set(overrides.map((o) => o.start.toISOString()))).toEqual(
      new Set(['2024-03-08T13:00:00.000Z']),
    );
    expect(String(overrides[0]?.description)).toContain('Tổng dự kiến 16:00 / khung 30:00');
  });
});
