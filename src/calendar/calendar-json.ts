import type { DateTime } from 'luxon';
import { isoIn, isoUtc } from './display.js';
import type { Period, Range } from './period.js';
import type { CalendarEntry, PlanCalendar } from './plan-calendar.js';
import type { ReportDue } from './reporting.js';

/** An instant as JSON: ISO in the plan's zone (with its offset) and in UTC. */
export interface InstantJson {
  local: string;
  utc: string;
}

function instant(value: DateTime, zone: string): InstantJson {
  return { local: isoIn(value, zone), utc: isoUtc(value) };
}

function range(value: Range, zone: string) {
  return { start: instant(value.start, zone), end: instant(value.end, zone) };
}

function period(value: Period, zone: string) {
  return { kind: value.kind, label: value.label, ...range(value, zone) };
}

function entry(value: CalendarEntry, zone: string, task: { task: string; source: string }) {
  const common = {
    task: task.task,
    source: task.source,
    channel: value.channel,
    kind: value.kind,
    start: instant(value.start, zone),
  };
  if (value.kind === 'broadcast') {
    return {
      ...common,
      end: instant(value.end, zone),
      weekday: value.weekday,
      lengthSec: value.lengthSec,
    };
  }
  return { ...common, number: value.number, year: value.year, label: value.label };
}

function report(value: ReportDue, zone: string) {
  return {
    reporting: value.reporting,
    title: value.title,
    source: value.source,
    to: value.to ?? null,
    kind: value.kind,
    period: value.period,
    window: range(value.window, zone),
    due: value.due.setZone(zone).toISODate(),
    dueStart: instant(value.due, zone),
  };
}

/**
 * A plan calendar as plain JSON: every instant twice (plan zone with offset, and UTC), each
 * entry with its task id, the task's clause, the channel id and the kind.
 */
export function planCalendarJson(calendar: PlanCalendar) {
  const zone = calendar.zone;
  return {
    plan: calendar.plan,
    zone,
    period: period(calendar.period, zone),
    range: calendar.range ? range(calendar.range, zone) : null,
    tasks: calendar.tasks.map((task) => ({
      task: task.task,
      title: task.title,
      source: task.source,
      channels: task.channels,
      served: task.served,
      entries: task.entries.map((e) => entry(e, zone, task)),
    })),
    reports: calendar.reports.map((r) => report(r, zone)),
  };
}
