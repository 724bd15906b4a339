import type { DateTime } from 'luxon';
import type { Channel } from '../model/channel.js';
import { hasCapability } from '../model/channel-kinds.js';
import type { Plan, Task } from '../model/plan.js';
import type { Weekday } from '../model/primitives.js';
import { intersect, type Period, planPeriod, type Range } from './period.js';
import { type ReportDue, reportsDue } from './reporting.js';
import { broadcastSlotsIn, bulletinIssuesIn } from './slots.js';

/** An airing of a broadcast slot that carries out a task. */
export interface BroadcastEntry {
  kind: 'broadcast';
  channel: string;
  start: DateTime;
  end: DateTime;
  weekday: Weekday;
  lengthSec: number;
}

/** A bulletin issue that carries out a task. */
export interface BulletinEntry {
  kind: 'bulletin';
  channel: string;
  start: DateTime;
  number: number;
  year: number;
  label: string;
}

/** One dated occurrence on a task's calendar. */
export type CalendarEntry = BroadcastEntry | BulletinEntry;

/** A task of the plan and what is scheduled for it in the period. */
export interface TaskCalendar {
  task: string;
  title: string;
  /** The clause of the plan the task comes from. */
  source: string;
  /** The ids of the channels that serve the task, of any kind. */
  channels: string[];
  /** False when no channel serves the task: nothing can be scheduled for it. */
  served: boolean;
  entries: CalendarEntry[];
}

/** Lịch: what a plan schedules in one period, grouped by task, with the reports due. */
export interface PlanCalendar {
  plan: string;
  zone: string;
  period: Period;
  /** The part of the period inside the plan's own period; undefined when they do not meet. */
  range: Range | undefined;
  tasks: TaskCalendar[];
  reports: ReportDue[];
}

function serves(channel: Channel, plan: Plan, task: Task): boolean {
  return channel.serves.some((s) => s.plan === plan.id && s.tasks.includes(task.id));
}

function entriesOf(channel: Channel, range: Range, zone: string): CalendarEntry[] {
  if (hasCapability(channel, 'airs')) {
    return broadcastSlotsIn(channel, range, zone).map((slot) => ({
      kind: 'broadcast',
      channel: channel.id,
      ...slot,
    }));
  }
  if (hasCapability(channel, 'issues')) {
    return bulletinIssuesIn(channel, range, zone).map((issue) => ({
      kind: 'bulletin',
      channel: channel.id,
      start: issue.date,
      number: issue.number,
      year: issue.year,
      label: issue.label,
    }));
  }
  return [];
}

/**
 * The calendar of a plan for a period: for each task, the broadcast airings and bulletin
 * issues of the channels that serve it, limited to the plan's own period; and the plan's
 * reports that fall due in the period.
 */
export function planCalendar(plan: Plan, channels: Channel[], period: Period): PlanCalendar {
  const zone = plan.timeZone;
  const range = intersect(period, planPeriod(plan));
  const tasks = plan.tasks.map((task): TaskCalendar => {
    const serving = channels.filter((c) => serves(c, plan, task));
    const entries = range ? serving.flatMap((c) => entriesOf(c, range, zone)) : [];
    entries.sort(
      (a, b) => a.start.toMillis() - b.start.toMillis() || a.channel.localeCompare(b.channel),
    );
    return {
      task: task.id,
      title: task.title,
      source: task.source,
      channels: serving.map((c) => c.id),
      served: serving.length > 0,
      entries,
    };
  });
  return { plan: plan.id, zone, period, range, tasks, reports: reportsDue(plan, period) };
}
