import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/calendar/period.js';
import { broadcastSlotsIn, bulletinIssuesIn } from '../../src/calendar/slots.js';
import { message } from '../../src/i18n/catalogue.js';
import { BroadcastChannel, BulletinChannel } from '../../src/model/channel.js';

const ZONE = 'Asia/Ho_Chi_Minh';

function programme(slots: unknown[], extra: Record<string, unknown> = {}) {
  return BroadcastChannel.parse({
    id: 'huyen-cchc',
    kind: 'broadcast',
    name: 'Chuyên mục CCHC huyện',
    unit: 'dai-huyen',
    station: 'Đài TT-TH huyện',
    programme: 'Cải cách hành chính',
    medium: 'radio',
    slots,
    ...extra,
  });
}

function airedDays(channel: BroadcastChannel, period: string): string[] {
  return broadcastSlotsIn(channel, parsePeriod(period, ZONE), ZONE).map((s) =>
    s.start.setZone(ZONE).toFormat('ccc yyyy-MM-dd HH:mm'),
  );
}

describe('slots in one recurrence model (RFC 5545 RRULE)', () => {
  it('airs twice a month on the 1st and 3rd Thursday, not every week', () => {
    const channel = programme([
      { rrule: 'FREQ=MONTHLY;BYDAY=1TH,3TH', start: '19:30', lengthSec: 1200 },
    ]);
    expect(airedDays(channel, '2024-Q1')).toEqual([
      'Thu 2024-01-04 19:30',
      'Thu 2024-01-18 19:30',
      'Thu 2024-02-01 19:30',
      'Thu 2024-02-15 19:30',
      'Thu 2024-03-07 19:30',
      'Thu 2024-03-21 19:30',
    ]);
    expect(broadcastSlotsIn(channel, parsePeriod('2024', ZONE), ZONE)).toHaveLength(24);
  });

  it('airs every other Wednesday counted from its first day, across a year end', () => {
    const channel = programme([
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
        from: '2024-11-20',
        start: '18:00',
        lengthSec: 900,
      },
    ]);
    const range = {
      start: parsePeriod('2024-12', ZONE).start,
      end: parsePeriod('2025-01', ZONE).end,
    };
    expect(broadcastSlotsIn(channel, range, ZONE).map((s) => s.start.toISODate())).toEqual([
      '2024-12-04',
      '2024-12-18',
      '2025-01-01',
      '2025-01-15',
      '2025-01-29',
    ]);
  });

  it('airs on the last Friday of each month, and once more on a one-off day (1 July)', () => {
    const channel = programme([
      { rrule: 'FREQ=MONTHLY;BYDAY=-1FR', start: '20:00', lengthSec: 1800 },
      { dates: ['2024-07-01'], start: '09:00', lengthSec: 3600 },
    ]);
    expect(airedDays(channel, '2024-Q3')).toEqual([
      'Mon 2024-07-01 09:00',
      'Fri 2024-07-26 20:00',
      'Fri 2024-08-30 20:00',
      'Fri 2024-09-27 20:00',
    ]);
  });

  it('skips the days off of the channel (Tết) and of a slot, and keeps the rest of the week', () => {
    const channel = programme(
      [
        { weekday: 'tue', start: '19:00', lengthSec: 900 },
        { weekday: 'fri', start: '19:00', lengthSec: 900, except: ['2025-02-21'] },
      ],
      { except: [{ from: '2025-01-27', to: '2025-02-02' }] },
    );
    expect(airedDays(channel, '2025-02')).toEqual([
      'Tue 2025-02-04 19:00',
      'Fri 2025-02-07 19:00',
      'Tue 2025-02-11 19:00',
      'Fri 2025-02-14 19:00',
      'Tue 2025-02-18 19:00',
      'Tue 2025-02-25 19:00',
      'Fri 2025-02-28 19:00',
    ]);
    expect(airedDays(channel, '2025-W05')).toEqual([]);
  });

  it('keeps a slot inside its from and until days', () => {
    const channel = programme([
      { weekday: 'mon', from: '2024-03-10', until: '2024-03-25', start: '19:00', lengthSec: 900 },
    ]);
    expect(airedDays(channel, '2024-03')).toEqual([
      'Mon 2024-03-11 19:00',
      'Mon 2024-03-18 19:00',
      'Mon 2024-03-25 19:00',
    ]);
  });
});

describe('bulletin issue days in the same model', () => {
  const base = {
    id: 'ban-tin',
    kind: 'bulletin',
    name: 'Bản tin CCHC',
    unit: 'snv',
    title: 'Bản tin Cải cách hành chính',
    issueTime: '08:00',
  };

  it('issues on the last Friday of the month, numbered through the year', () => {
    const channel = BulletinChannel.parse({
      ...base,
      issueRecurrence: { rrule: 'FREQ=MONTHLY;BYDAY=-1FR' },
    });
    const issues = bulletinIssuesIn(channel, parsePeriod('2024-Q2', ZONE), ZONE);
    expect(issues.map((i) => [i.date.toISODate(), i.label])).toEqual([
      ['2024-04-26', 'Số 4/2024'],
      ['2024-05-31', 'Số 5/2024'],
      ['2024-06-28', 'Số 6/2024'],
    ]);
  });

  it('gives a day off (Tết) no issue and no number', () => {
    const channel = BulletinChannel.parse({
      ...base,
      issueDays: [7, 14, 21, 28],
      except: [{ from: '2024-02-08', to: '2024-02-14' }],
    });
    const issues = bulletinIssuesIn(channel, parsePeriod('2024-02', ZONE), ZONE);
    expect(issues.map((i) => [i.date.toISODate(), i.label])).toEqual([
      ['2024-02-07', 'Số 5/2024'],
      ['2024-02-21', 'Số 6/2024'],
      ['2024-02-28', 'Số 7/2024'],
    ]);
    expect(bulletinIssuesIn(channel, parsePeriod('2024-03', ZONE), ZONE)[0]?.label).toBe(
      'Số 8/2024',
    );
  });
});

describe('recurrences the schema refuses, with the field and what to write', () => {
  const refused = (slot: Record<string, unknown>) => {
    const result = BroadcastChannel.safeParse({
      id: 'x',
      kind: 'broadcast',
      name: 'x',
      unit: 'u',
      station: 's',
      programme: 'p',
      medium: 'radio',
      slots: [{ start: '19:00', lengthSec: 900, ...slot }],
    });
    expect(result.success).toBe(false);
    return (result.error?.issues ?? []).map((i) => [
      i.path.join('.'),
      (i as { params?: { code?: string } }).params?.code,
    ]);
  };

  it('names the problem of each rule', () => {
    expect(refused({ rrule: 'FREQ=MONTHLY;BYDAY=9XX' })).toEqual([
      ['slots.0.rrule', 'RRULE_SYNTAX'],
    ]);
    expect(refused({ rrule: 'BYDAY=MO' })).toEqual([['slots.0.rrule', 'RRULE_NO_FREQ']]);
    expect(refused({ rrule: 'FREQ=HOURLY' })).toEqual([['slots.0.rrule', 'RRULE_TIME_PARTS']]);
    expect(refused({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE' })).toEqual([
      ['slots.0.rrule', 'RRULE_NEEDS_FROM'],
    ]);
    expect(refused({ rrule: 'FREQ=WEEKLY' })).toEqual([
      ['slots.0.rrule', 'RRULE_WEEKLY_NEEDS_BYDAY'],
    ]);
    expect(refused({})).toEqual([['slots.0.weekday', 'RECURRENCE_NO_DAYS']]);
    expect(refused({ weekday: 'fri', rrule: 'FREQ=MONTHLY;BYDAY=1FR' })).toEqual([
      ['slots.0.rrule', 'SLOT_WEEKDAY_AND_RRULE'],
    ]);
  });

  it('says in Vietnamese what to write instead', () => {
    expect(message('RRULE_NEEDS_FROM', { value: 'FREQ=WEEKLY;INTERVAL=2' }, 'vi')).toBe(
      'Quy tắc lặp có INTERVAL hoặc COUNT cần ngày bắt đầu: "FREQ=WEEKLY;INTERVAL=2"',
    );
  });
});
