import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatPeriod,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodsWithin,
  planPeriod,
} from '../../src/calendar/period.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { Plan } from '../../src/model/plan.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const local = (p: { start: DateTime; end: DateTime }) => [
  p.start.setZone(ZONE).toISO(),
  p.end.setZone(ZONE).toISO(),
];

describe('parsePeriod', () => {
  it.each([
    ['2024-W12', 'week', '2024-03-18T00:00:00.000+07:00', '2024-03-25T00:00:00.000+07:00'],
    ['2024-03', 'month', '2024-03-01T00:00:00.000+07:00', '2024-04-01T00:00:00.000+07:00'],
    ['2024-02', 'month', '2024-02-01T00:00:00.000+07:00', '2024-03-01T00:00:00.000+07:00'],
    ['2024-Q1', 'quarter', '2024-01-01T00:00:00.000+07:00', '2024-04-01T00:00:00.000+07:00'],
    ['2024-Q4', 'quarter', '2024-10-01T00:00:00.000+07:00', '2025-01-01T00:00:00.000+07:00'],
    ['2024-H1', 'half-year', '2024-01-01T00:00:00.000+07:00', '2024-07-01T00:00:00.000+07:00'],
    ['2024-H2', 'half-year', '2024-07-01T00:00:00.000+07:00', '2025-01-01T00:00:00.000+07:00'],
    ['2024', 'year', '2024-01-01T00:00:00.000+07:00', '2025-01-01T00:00:00.000+07:00'],
  ])('reads %s as a %s from local midnight to the next', (text, kind, start, end) => {
    const period = parsePeriod(text, ZONE);
    expect(period.kind).toBe(kind);
    expect(period.label).toBe(text);
    expect(local(period)).toEqual([start, end]);
  });

  it('starts 2024-W01 on Monday 1 January 2024', () => {
    expect(parsePeriod('2024-W01').start.toISODate()).toBe('2024-01-01');
  });

  it('has a week 53 in 2020 but not in 2021', () => {
    const w53 = parsePeriod('2020-W53');
    expect([w53.start.toISODate(), w53.end.toISODate()]).toEqual(['2020-12-28', '2021-01-04']);
    expect(() => parsePeriod('2021-W53')).toThrow(LoaError);
  });

  it('starts 2025-W01 in December 2024, so the week spans two years', () => {
    const week = parsePeriod('2025-W01');
    expect(week.start.toISODate()).toBe('2024-12-30');
    expect(week.end.toISODate()).toBe('2025-01-06');
    const newYearsEve = DateTime.fromISO('2024-12-31T23:30', { zone: ZONE });
    expect(periodContaining('week', newYearsEve, ZONE).label).toBe('2025-W01');
  });

  it('is read in the zone it is given', () => {
    expect(parsePeriod('2024-03', 'UTC').start.toISO()).toBe('2024-03-01T00:00:00.000Z');
    expect(parsePeriod('2024-03', ZONE).start.toUTC().toISO()).toBe('2024-02-29T17:00:00.000Z');
  });

  it.each([
    '2024-W54',
    '2024-W53',
    '2024-W00',
    '2024-13',
    '2024-00',
    '2024-Q5',
    '2024-Q0',
    '2024-H3',
    '2024-H0',
    '24-03',
    '2024-3',
    '2024/03',
    'quý 1',
    '',
    '0000',
  ])('refuses %j with BAD_PERIOD naming the value', (text) => {
    try {
      parsePeriod(text, ZONE);
      expect.unreachable(`${text} was accepted`);
    } catch (error) {
      expect(error).toBeInstanceOf(LoaError);
      expect((error as LoaError).code).toBe('BAD_PERIOD');
      expect((error as LoaError).params.value).toBe(text);
      expect((error as LoaError).hint()).toBeTruthy();
    }
  });
});

describe('periodContaining and formatPeriod', () => {
  const instant = DateTime.fromISO('2024-06-30T20:00:00Z'); // 1 July 03:00 in Hanoi
  it.each([
    ['week', '2024-W27'],
    ['month', '2024-07'],
    ['quarter', '2024-Q3'],
    ['half-year', '2024-H2'],
    ['year', '2024'],
  ] as const)('puts an instant in the %s of its local date', (kind, label) => {
    const period = periodContaining(kind, instant, ZONE);
    expect(period.label).toBe(label);
    expect(formatPeriod(period)).toBe(label);
    expect(parsePeriod(label, ZONE).start.equals(period.start)).toBe(true);
  });

  it('steps to the next period of the same kind', () => {
    expect(nextPeriod(parsePeriod('2024-W52')).label).toBe('2025-W01');
    expect(nextPeriod(parsePeriod('2024-12')).label).toBe('2025-01');
    expect(nextPeriod(parsePeriod('2024-H2')).label).toBe('2025-H1');
  });
});

describe('periodsWithin', () => {
  it('lists the 13 ISO weeks that overlap Q1 2024', () => {
    const weeks = periodsWithin('week', parsePeriod('2024-Q1'), ZONE).map((p) => p.label);
    expect(weeks).toEqual(
      Array.from({ length: 13 }, (_, i) => `2024-W${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('lists a week that spans two months once, with its ISO label', () => {
    const weeks = periodsWithin('week', parsePeriod('2024-H1'), ZONE).map((p) => p.label);
    expect(weeks.filter((w) => w === '2024-W09')).toHaveLength(1); // 26 Feb – 3 Mar
    expect(weeks[0]).toBe('2024-W01');
    expect(weeks.at(-1)).toBe('2024-W26'); // 24 – 30 June
  });

  it('lists the months of a half-year and the weeks of Q4 2020 into 2020-W53', () => {
    expect(periodsWithin('month', parsePeriod('2024-H2'), ZONE).map((p) => p.label)).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    expect(periodsWithin('week', parsePeriod('2020-Q4'), ZONE).at(-1)?.label).toBe('2020-W53');
  });

  it('returns nothing for an empty range', () => {
    const q = parsePeriod('2024-Q1');
    expect(periodsWithin('month', { start: q.end, end: q.start }, ZONE)).toEqual([]);
  });
});

describe('planPeriod', () => {
  it('covers the plan from its first day to the end of its last day, labelled by its id', () => {
    const plan = Plan.parse({
      id: 'kh-2024',
      document: { number: '1/KH', date: '2024-01-02', issuer: 'UBND tỉnh', title: 'Kế hoạch' },
      period: { start: '2024-01-01', end: '2024-12-31' },
      units: [{ id: 'snv', name: 'Sở Nội vụ' }],
      tasks: [
        {
          id: 't',
          title: 'Nhiệm vụ',
          unit: 'snv',
          source: 'I',
          manual: 'other',
          rule: { per: 'year', atLeast: 1 },
        },
      ],
    });
    const period = planPeriod(plan);
    expect(period.kind).toBe('plan');
    expect(period.label).toBe('kh-2024');
    expect(formatPeriod(period)).toBe('kh-2024');
    expect(local(period)).toEqual([
      '2024-01-01T00:00:00.000+07:00',
      '2025-01-01T00:00:00.000+07:00',
    ]);
  });
});
