import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/calendar/period.js';
import { broadcastSlotsIn, bulletinIssuesIn, postingSlotsAfter } from '../../src/calendar/slots.js';
import { BulletinChannel } from '../../src/model/channel.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const shown = (d: DateTime) => d.setZone(ZONE).toFormat('ccc dd/MM HH:mm');

const bulletin = BulletinChannel.parse({
  id: 'ban-tin',
  kind: 'bulletin',
  name: 'Bản tin CCHC',
  unit: 'snv',
  title: 'Bản tin Cải cách hành chính',
  issueDays: [7, 14, 21, 28],
  issueTime: '08:00',
});

describe('broadcastSlotsIn', () => {
  const friday = { slots: [{ weekday: 'fri' as const, start: '20:00', lengthSec: 900 }] };

  it('finds the five Friday 20:00 airings of March 2024', () => {
    const slots = broadcastSlotsIn(friday, parsePeriod('2024-03', ZONE), ZONE);
    expect(slots.map((s) => s.start.setZone(ZONE).toISODate())).toEqual([
      '2024-03-01',
      '2024-03-08',
      '2024-03-15',
      '2024-03-22',
      '2024-03-29',
    ]);
    const first = slots[0];
    expect(first?.start.toISO()).toBe('2024-03-01T20:00:00.000+07:00');
    expect(first?.start.toUTC().toISO()).toBe('2024-03-01T13:00:00.000Z');
    expect(first?.end.toISO()).toBe('2024-03-01T20:15:00.000+07:00');
    expect([first?.weekday, first?.lengthSec]).toEqual(['fri', 900]);
  });

  it('orders the airings of several weekly slots and keeps only those starting in the range', () => {
    const channel = {
      slots: [
        { weekday: 'sat' as const, start: '06:30', lengthSec: 600 },
        { weekday: 'wed' as const, start: '19:45', lengthSec: 900 },
      ],
    };
    const range = { start: at('2024-03-06T19:50'), end: at('2024-03-13T19:45') };
    expect(broadcastSlotsIn(channel, range, ZONE).map((s) => shown(s.start))).toEqual([
      'Sat 09/03 06:30',
    ]);
  });
});

describe('bulletinIssuesIn', () => {
  it('numbers the four issues of March 2024 from 9 to 12', () => {
    const issues = bulletinIssuesIn(bulletin, parsePeriod('2024-03', ZONE), ZONE);
    expect(issues.map((i) => i.label)).toEqual([
      'Số 9/2024',
      'Số 10/2024',
      'Số 11/2024',
      'Số 12/2024',
    ]);
    expect(issues.map((i) => i.date.toISO())).toEqual([
      '2024-03-07T08:00:00.000+07:00',
      '2024-03-14T08:00:00.000+07:00',
      '2024-03-21T08:00:00.000+07:00',
      '2024-03-28T08:00:00.000+07:00',
    ]);
    expect(issues.every((i) => i.year === 2024)).toBe(true);
  });

  it('starts again at issue 1 on the first issue day of January', () => {
    const range = { start: at('2024-12-20'), end: at('2025-01-15') };
    expect(bulletinIssuesIn(bulletin, range, ZONE).map((i) => i.label)).toEqual([
      'Số 47/2024',
      'Số 48/2024',
      'Số 1/2025',
      'Số 2/2025',
    ]);
  });

  it('uses only the first issuesPerMonth issue days, in day order', () => {
    const twice = BulletinChannel.parse({ ...bulletin, issuesPerMonth: 2, issueDays: [20, 5, 12] });
    const issues = bulletinIssuesIn(twice, parsePeriod('2024-03', ZONE), ZONE);
    expect(issues.map((i) => [i.date.day, i.number])).toEqual([
      [5, 5],
      [20, 6],
    ]);
  });

  it('leaves out an issue whose time falls outside the range', () => {
    const range = { start: at('2024-03-07T08:01'), end: at('2024-03-21T08:00') };
    expect(bulletinIssuesIn(bulletin, range, ZONE).map((i) => i.number)).toEqual([10]);
  });
});

describe('postingSlotsAfter', () => {
  const schedule = { mon: ['15:00', '09:00'], fri: ['10:00'] };

  it('yields the schedule times strictly after the given instant, in order, week after week', () => {
    const slots = postingSlotsAfter(schedule, at('2024-03-04T09:00'), ZONE); // a Monday
    const first = Array.from({ length: 5 }, () => slots.next().value as DateTime);
    expect(first.map(shown)).toEqual([
      'Mon 04/03 15:00',
      'Fri 08/03 10:00',
      'Mon 11/03 09:00',
      'Mon 11/03 15:00',
      'Fri 15/03 10:00',
    ]);
  });

  it('reads "after" as an instant, whatever zone it is written in', () => {
    const utc = DateTime.fromISO('2024-03-08T02:59:00Z'); // 09:59 in Hanoi, Friday
    expect(shown(postingSlotsAfter(schedule, utc, ZONE).next().value as DateTime)).toBe(
      'Fri 08/03 10:00',
    );
  });

  it('ends at once for an empty schedule', () => {
    expect([...postingSlotsAfter({}, at('2024-03-04T09:00'), ZONE)]).toEqual([]);
    expect([...postingSlotsAfter({ tue: [] }, at('2024-03-04T09:00'), ZONE)]).toEqual([]);
  });
});
