import { DateTime, Interval } from 'luxon';
import { describe, expect, it } from 'vitest';
import { durationBetween, durationWords } from '../../src/text/duration.js';

describe('durations in words', () => {
  it('names days, hours and minutes, leaving out the units that are zero', () => {
    const late = { days: 1, minutes: 6 };
    expect(durationWords(late, 'vi')).toBe('1 ngày 6 phút');
    expect(durationWords(late, 'en')).toBe('1 day 6 minutes');
    expect(durationWords({ hours: 2 }, 'vi')).toBe('2 giờ');
    expect(durationWords({ hours: 1 }, 'en')).toBe('1 hour');
    expect(durationWords({ days: 2, hours: 3, minutes: 1 }, 'en')).toBe('2 days 3 hours 1 minute');
  });

  it('rounds to the minute and keeps days, hours and minutes under a month', () => {
    expect(durationWords({ days: 29, hours: 5, minutes: 59.6 }, 'vi')).toBe('29 ngày 6 giờ');
    expect(durationWords(89_000, 'en')).toBe('1 minute');
    expect(durationWords(20_000, 'vi')).toBe('0 phút');
    expect(durationWords(-3_600_000, 'en')).toBe('1 hour');
  });

  it('reads a very old lateness in years and months, not in a thousand days', () => {
    // The "late by 1446164 min", once "trễ 1.004 ngày 6 giờ 44 phút".
    expect(durationWords({ minutes: 1_446_164 }, 'vi')).toBe('2 năm 9 tháng');
    expect(durationWords({ minutes: 1_446_164 }, 'en')).toBe('2 years 9 months');
    expect(durationWords({ days: 366 }, 'en')).toBe('1 year');
    expect(durationWords({ days: 400 }, 'en')).toBe('1 year 1 month');
  });

  it('reads a lateness of a month or more in months and days', () => {
    expect(durationWords({ days: 40, hours: 23 }, 'vi')).toBe('1 tháng 11 ngày');
    expect(durationWords({ days: 40 }, 'en')).toBe('1 month 10 days');
    expect(durationWords({ days: 200 }, 'en')).toBe('6 months 17 days');
    expect(durationWords({ days: 61 }, 'en')).toBe('2 months');
  });

  it('counts months and years on the calendar between two instants', () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' });
    const slot = at('2024-02-03T08:00');
    expect(durationBetween(slot, slot.plus({ minutes: 1_446_164 }), 'vi')).toBe('2 năm 9 tháng');
    // February is a short month: from 1 February to 1 March is a month, though only 29 days.
    expect(durationBetween(at('2024-02-01T09:00'), at('2024-03-01T09:00'), 'vi')).toBe('1 tháng');
    expect(durationBetween(at('2025-03-01T09:00'), at('2026-03-01T09:00'), 'en')).toBe('1 year');
    expect(durationBetween(at('2026-01-10T09:00'), at('2026-03-25T09:00'), 'en')).toBe(
      '2 months 15 days',
    );
    // Either order, and a short length is still said to the minute.
    expect(durationBetween(at('2026-03-25T09:00'), at('2026-01-10T09:00'), 'en')).toBe(
      '2 months 15 days',
    );
    expect(durationBetween(at('2026-01-10T09:00'), at('2026-01-11T09:06'), 'vi')).toBe(
      '1 ngày 6 phút',
    );
    expect(durationWords(Interval.fromDateTimes(slot, slot.plus({ days: 3 })), 'en')).toBe(
      '3 days',
    );
  });
});
