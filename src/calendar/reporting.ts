import type { DateTime } from 'luxon';
import type { Plan, Reporting } from '../model/plan.js';
import {
  type CalendarKind,
  contains,
  intersect,
  type Period,
  periodsWithin,
  planPeriod,
  type Range,
} from './period.js';

/** One periodic report that falls due: which report, for which period, on what data, when. */
export interface ReportDue {
  /** The reporting rule's id. */
  reporting: string;
  title: string;
  /** The clause of the plan that asks for the report. */
  source: string;
  to: string | undefined;
  kind: CalendarKind;
  /** The period's label, e.g. `2024-Q1`. */
  period: string;
  /** The data the report covers (start inclusive, end exclusive). */
  window: Range;
  /** Local midnight that opens the due day. */
  due: DateTime;
}

/** The last month of a period, as its first local midnight. */
function lastMonth(period: Period): DateTime {
  return period.end.minus({ months: 1 }).startOf('month');
}

/** Local midnight opening the day after `day` of the month that starts at `month`. */
function dayAfter(month: DateTime, day: number): DateTime {
  return month.set({ day }).plus({ days: 1 }).startOf('day');
}

/**
 * The data a report on a period covers. With `dataWindow.cutoffDay` (Công văn 581/BNV-CCHC)
 * the window opens the day after the previous period's cut-off and closes at the end of the
 * cut-off day of the period's last month: Q1 with 14 is 15 Dec – 14 Mar. Otherwise the
 * period itself.
 */
export function reportWindow(reporting: Reporting, period: Period): Range {
  const cutoff = reporting.dataWindow?.cutoffDay;
  if (cutoff === undefined) return { start: period.start, end: period.end };
  const before = period.start.minus({ months: 1 }).startOf('month');
  return { start: dayAfter(before, cutoff), end: dayAfter(lastMonth(period), cutoff) };
}

/**
 * When a report on a period is due: `due.day` of the period's last month (`month: 'last'`) or
 * of the month after (`'next'`), moved back to the month's last day when the month is shorter.
 * Undefined when the rule sets no due day.
 */
export function reportDueDate(reporting: Reporting, period: Period): DateTime | undefined {
  const due = reporting.due;
  if (!due) return undefined;
  const month = due.month === 'next' ? period.end.startOf('month') : lastMonth(period);
  return month.set({ day: Math.min(due.day, month.daysInMonth ?? 28) }).startOf('day');
}

/**
 * Every report of a plan whose due date falls in a range, in order of due date. Only periods
 * that overlap the plan's own period are reported on; rules without a due day never fall due.
 */
export function reportsDue(plan: Plan, range: Range): ReportDue[] {
  const zone = plan.timeZone;
  const whole = planPeriod(plan);
  const out: ReportDue[] = [];
  // A due date lies at most one month after its period ends, never before its last month.
  const search = { start: range.start.minus({ months: 2 }), end: range.end.plus({ months: 1 }) };
  for (const reporting of plan.reporting) {
    for (const kind of reporting.periods) {
      for (const period of periodsWithin(kind, search, zone)) {
        if (!intersect(period, whole)) continue;
        const due = reportDueDate(reporting, period);
        if (!due || !contains(range, due)) continue;
        out.push({
          reporting: reporting.id,
          title: reporting.title,
          source: reporting.source,
          to: reporting.to,
          kind,
          period: period.label,
          window: reportWindow(reporting, period),
          due,
        });
      }
    }
  }
  return out.sort(
    (a, b) => a.due.toMillis() - b.due.toMillis() || a.reporting.localeCompare(b.reporting),
  );
}
