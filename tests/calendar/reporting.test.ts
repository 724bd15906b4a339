import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/calendar/period.js';
import { reportDueDate, reportsDue, reportWindow } from '../../src/calendar/reporting.js';
import { Plan, Reporting } from '../../src/model/plan.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const day = (d: DateTime | undefined) => d?.setZone(ZONE).toISODate();

// Quyết định 003: reports by the 15th of the period's last month, on the period itself.
const report003 = Reporting.parse({
  id: 'bao-cao-003',
  title: 'Báo cáo kết quả tuyên truyền CCHC',
  source: 'IV.2',
  periods: ['quarter', 'half-year', 'year'],
  due: { day: 15 },
});
// Công văn 581/BNV-CCHC: data from the 15th to the 14th, due on the 20th.
const report581 = Reporting.parse({
  id: 'bao-cao-581',
  title: 'Báo cáo CCHC gửi Bộ Nội vụ',
  source: 'CV 581',
  periods: ['quarter', 'half-year', 'year'],
  dataWindow: { cutoffDay: 14 },
  due: { day: 20 },
});

describe('reportWindow', () => {
  it('covers 15 Dec 2023 – 14 Mar 2024 for Q1 with cut-off day 14', () => {
    const window = reportWindow(report581, parsePeriod('2024-Q1', ZONE));
    expect(window.start.toISO()).toBe('2023-12-15T00:00:00.000+07:00');
    expect(window.end.toISO()).toBe('2024-03-15T00:00:00.000+07:00');
  });

  it('moves the same way for the half-year and the year', () => {
    const half = reportWindow(report581, parsePeriod('2024-H2', ZONE));
    expect([day(half.start), day(half.end)]).toEqual(['2024-06-15', '2024-12-15']);
    const year = reportWindow(report581, parsePeriod('2024', ZONE));
    expect([day(year.start), day(year.end)]).toEqual(['2023-12-15', '2024-12-15']);
  });

  it('closes after the 28th even in a short February', () => {
    const cut28 = Reporting.parse({ ...report581, dataWindow: { cutoffDay: 28 } });
    const february = reportWindow(
      Reporting.parse({ ...cut28, periods: ['month'] }),
      parsePeriod('2023-02', ZONE),
    );
    expect([day(february.start), day(february.end)]).toEqual(['2023-01-29', '2023-03-01']);
  });

  it('is the period itself without a data window', () => {
    const q = parsePeriod('2024-Q1', ZONE);
    const window = reportWindow(report003, q);
    expect(window.start.equals(q.start) && window.end.equals(q.end)).toBe(true);
  });
});

describe('reportDueDate', () => {
  it('is the 15th of the last month of the period under 003', () => {
    expect(day(reportDueDate(report003, parsePeriod('2024-Q1', ZONE)))).toBe('2024-03-15');
    expect(day(reportDueDate(report003, parsePeriod('2024-H1', ZONE)))).toBe('2024-06-15');
    expect(day(reportDueDate(report003, parsePeriod('2024', ZONE)))).toBe('2024-12-15');
  });

  it('is the 20th under the 581 guidance', () => {
    expect(day(reportDueDate(report581, parsePeriod('2024-Q1', ZONE)))).toBe('2024-03-20');
  });

  it('falls in the month after with month: next, clamped to the last day of a short month', () => {
    const next = Reporting.parse({ ...report003, due: { day: 31, month: 'next' } });
    expect(day(reportDueDate(next, parsePeriod('2024-Q1', ZONE)))).toBe('2024-04-30');
    expect(day(reportDueDate(next, parsePeriod('2024-Q4', ZONE)))).toBe('2025-01-31');
    const monthly = Reporting.parse({ ...next, periods: ['month'] });
    expect(day(reportDueDate(monthly, parsePeriod('2023-01', ZONE)))).toBe('2023-02-28');
    expect(day(reportDueDate(monthly, parsePeriod('2024-01', ZONE)))).toBe('2024-02-29');
  });

  it('is undefined when the rule sets no due day', () => {
    const open = Reporting.parse({ ...report003, due: undefined, onRequest: true });
    expect(reportDueDate(open, parsePeriod('2024-Q1', ZONE))).toBeUndefined();
  });
});

describe('reportsDue', () => {
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
    reporting: [report003, report581],
  });

  it('lists the reports due in a month, in order of due date, with their windows', () => {
    const due = reportsDue(plan, parsePeriod('2024-06', ZONE));
    expect(due.map((r) => [r.reporting, r.period, day(r.due)])).toEqual([
      ['bao-cao-003', '2024-Q2', '2024-06-15'],
      ['bao-cao-003', '2024-H1', '2024-06-15'],
      ['bao-cao-581', '2024-Q2', '2024-06-20'],
      ['bao-cao-581', '2024-H1', '2024-06-20'],
    ]);
    const h1 = due[3];
    expect([day(h1?.window.start), day(h1?.window.end)]).toEqual(['2023-12-15', '2024-06-15']);
  });

  it('lists every report of the plan year once over the year', () => {
    const due = reportsDue(plan, parsePeriod('2024', ZONE));
    // 4 quarters + 2 halves + 1 year, for each of the two rules.
    expect(due).toHaveLength(14);
    expect(new Set(due.map((r) => `${r.reporting} ${r.period}`)).size).toBe(14);
  });

  it('reports nothing in a month without a deadline or outside the plan', () => {
    expect(reportsDue(plan, parsePeriod('2024-02', ZONE))).toEqual([]);
    expect(reportsDue(plan, parsePeriod('2025-03', ZONE))).toEqual([]);
  });
});
