import type { DateTime } from 'luxon';
import { type ReportDue, reportsDue } from '../calendar/reporting.js';
import type { Plan } from '../model/plan.js';

/** A report that falls due, with the plan it belongs to and the days left. */
export interface PlanReportDue extends ReportDue {
  plan: string;
  /** Whole local days from today to the due day (0: due today). */
  daysLeft: number;
}

/**
 * The reports of every plan that fall due from today (local, in each plan's zone) through
 * the next `days` days, soonest first; for `loa status` ("báo cáo sắp đến hạn"). Pure: `now`
 * is passed in.
 */
export function reportsDueWithin(
  plans: readonly Plan[],
  now: DateTime,
  days: number,
): PlanReportDue[] {
  const out: PlanReportDue[] = [];
  for (const plan of plans) {
    const today = now.setZone(plan.timeZone).startOf('day');
    const range = { start: today, end: today.plus({ days: days + 1 }).startOf('day') };
    for (const due of reportsDue(plan, range)) {
      const daysLeft = Math.round(due.due.diff(today, 'days').days);
      out.push({ ...due, plan: plan.id, daysLeft });
    }
  }
  return out.sort(
    (a, b) =>
      a.due.toMillis() - b.due.toMillis() ||
      a.plan.localeCompare(b.plan) ||
      a.reporting.localeCompare(b.reporting),
  );
}
