import { describe, expect, it } from 'vitest';
import { durationWords } from '../../src/text/duration.js';

describe('durations in words', () => {
  it('names days, hours and minutes, leaving out the units that are zero', () => {
    const late = { days: 1, minutes: 6 };
    expect(durationWords(late, 'vi')).toBe('1 ngày 6 phút');
    expect(durationWords(late, 'en')).toBe('1 day 6 minutes');
    expect(durationWords({ hours: 2 }, 'vi')).toBe('2 giờ');
    expect(durationWords({ hours: 1 }, 'en')).toBe('1 hour');
    expect(durationWords({ days: 2, hours: 3, minutes: 1 }, 'en')).toBe('2 days 3 hours 1 minute');
  });

  it('rounds to the minute and reads a large count of minutes as days', () => {
    // The "late by 1446164 min": 1004 days 6 hours 44 minutes.
    expect(durationWords({ minutes: 1_446_164 }, 'en')).toBe('1,004 days 6 hours 44 minutes');
    expect(durationWords({ minutes: 1_446_164 }, 'vi')).toBe('1.004 ngày 6 giờ 44 phút');
    expect(durationWords(89_000, 'en')).toBe('1 minute');
    expect(durationWords(20_000, 'vi')).toBe('0 phút');
    expect(durationWords(-3_600_000, 'en')).toBe('1 hour');
  });
});
