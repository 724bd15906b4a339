import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_KINDS,
  formatPeriod,
  type Period,
  parsePeriod,
  periodContaining,
  periodsWithin,
} from '../../src/calendar/period.js';

// Hanoi (no DST), UTC, and zones whose DST moves local midnight or shifts by 30 minutes.
const zones = fc.constantFrom(
  'Asia/Ho_Chi_Minh',
  'UTC',
  'Europe/Berlin',
  'America/Santiago',
  'Australia/Lord_Howe',
);
const instants = fc
  .date({
    min: new Date('1971-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => DateTime.fromJSDate(d).toUTC());
const kinds = fc.constantFrom(...CALENDAR_KINDS);

describe('periods of the calendar (properties)', () => {
  it('puts every instant in exactly one period of each kind, whose label reads back', () => {
    fc.assert(
      fc.property(instants, kinds, zones, (instant, kind, zone) => {
        const period = periodContaining(kind, instant, zone);
        expect(period.start <= instant && instant < period.end).toBe(true);
        const before = periodContaining(kind, period.start.minus({ milliseconds: 1 }), zone);
        const after = periodContaining(kind, period.end, zone);
        expect(before.end.equals(period.start)).toBe(true);
        expect(after.start.equals(period.end)).toBe(true);
        expect(new Set([before.label, period.label, after.label]).size).toBe(3);
        const again = parsePeriod(formatPeriod(period), zone);
        expect(again.label).toBe(period.label);
        expect(again.start.toMillis()).toBe(period.start.toMillis());
        expect(again.end.toMillis()).toBe(period.end.toMillis());
      }),
      { numRuns: 500 },
    );
  });

  it('gives every day of an ISO week the same week label, across months and years', () => {
    fc.assert(
      fc.property(instants, zones, (instant, zone) => {
        const week = periodContaining('week', instant, zone);
        expect(week.label).toBe(instant.setZone(zone).toFormat("kkkk-'W'WW"));
        const days = Array.from({ length: 7 }, (_, i) => week.start.plus({ days: i, hours: 12 }));
        for (const day of days) expect(periodContaining('week', day, zone).label).toBe(week.label);
        // Each month the week touches lists it once, under the same label and start.
        const months = new Set(days.map((d) => periodContaining('month', d, zone).label));
        for (const month of months) {
          const listed = periodsWithin('week', parsePeriod(month, zone), zone).filter(
            (w) => w.label === week.label,
          );
          expect(listed).toHaveLength(1);
          expect(listed[0]?.start.equals(week.start)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tiles any range with the periods of a kind, without gap or overlap', () => {
    const spans = fc.integer({ min: 1, max: 3 * 366 * 24 * 60 }); // minutes, up to three years
    fc.assert(
      fc.property(instants, spans, kinds, zones, (start, minutes, kind, zone) => {
        const range = { start, end: start.plus({ minutes }) };
        const periods = periodsWithin(kind, range, zone);
        const first = periods[0];
        const last = periods.at(-1);
        if (!first || !last) throw new Error('no period for a non-empty range');
        expect(first.start <= range.start && range.start < first.end).toBe(true);
        expect(last.start < range.end && range.end <= last.end).toBe(true);
        periods.slice(1).forEach((current, i) => {
          const previous = periods[i] as Period;
          expect(previous.end.equals(current.start)).toBe(true);
          expect(previous.label).not.toBe(current.label);
        });
      }),
      { numRuns: 300 },
    );
  });
});
