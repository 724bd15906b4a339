import type { DateTime } from 'luxon';
import { broadcastSlotsIn, bulletinIssuesIn } from '../calendar/slots.js';
import type { Channel } from '../channels/schema.js';
import { minutesOfDay, weekdayNumber } from '../config/primitives.js';
import type { Task } from '../plan/schema.js';
import type { SubPeriod } from './sub-periods.js';
import type { TaskStatus } from './types.js';

/** A scheduled chance to carry out a task: a broadcast slot or a bulletin issue day. */
interface Opportunity {
  start: DateTime;
  lengthSec: number | undefined;
}

function fitsRule(task: Task, chance: Opportunity): boolean {
  const { rule } = task;
  if (rule.minDurationSec !== undefined) {
    if (chance.lengthSec === undefined || chance.lengthSec < rule.minDurationSec) return false;
  }
  if (rule.window) {
    const start = chance.start.hour * 60 + chance.start.minute;
    const end = start + (chance.lengthSec ?? 0) / 60;
    if (start < minutesOfDay(rule.window.from) || end > minutesOfDay(rule.window.to)) return false;
  }
  if (rule.weekdays && !rule.weekdays.map(weekdayNumber).includes(chance.start.weekday)) {
    return false;
  }
  return true;
}

/**
 * How many scheduled opportunities that fit the rule are still ahead in an open sub-period,
 * from `now` to its end, over the channels that serve the task with a kind the rule accepts.
 * Undefined when the task has no such channel or one of them has no fixed schedule (a
 * portal can post at any time): the pace is then judged by time instead.
 */
export function opportunitiesAhead(
  task: Task,
  serving: readonly Channel[],
  period: SubPeriod,
  now: DateTime,
  zone: string,
): number | undefined {
  if (task.manual !== undefined || !task.rule.channelKinds) return undefined;
  const kinds = new Set<string>(task.rule.channelKinds);
  const channels = serving.filter((c) => kinds.has(c.kind));
  if (channels.length === 0) return undefined;
  const range = { start: now, end: period.end };
  let count = 0;
  for (const channel of channels) {
    let chances: Opportunity[];
    if (channel.kind === 'broadcast') {
      chances = broadcastSlotsIn(channel, range, zone).map((s) => ({
        start: s.start,
        lengthSec: s.lengthSec,
      }));
    } else if (channel.kind === 'bulletin') {
      chances = bulletinIssuesIn(channel, range, zone).map((i) => ({
        start: i.date,
        lengthSec: undefined,
      }));
    } else {
      return undefined;
    }
    count += chances.filter((chance) => fitsRule(task, chance)).length;
  }
  return count;
}

/**
 * The status of a task in a sub-period as of `nowMs` (see `TaskStatus`). An open sub-period
 * that is not met is `at-risk` when the scheduled opportunities ahead are fewer than the
 * entries still needed; without a schedule, when the share of its time left is smaller than
 * the share of its quota left (half the month gone, a quarter of the quota done: at risk).
 */
export function statusOf(
  period: SubPeriod,
  required: number,
  achieved: number,
  nowMs: number,
  opportunities: () => number | undefined,
): { status: TaskStatus; remainingOpportunities?: number } {
  if (required === 0) return { status: 'counted' };
  if (period.startMs >= nowMs) return { status: 'not-yet-due' };
  if (achieved >= required) return { status: 'met' };
  if (period.endMs <= nowMs) return { status: 'missed' };
  const left = required - achieved;
  const ahead = opportunities();
  if (ahead !== undefined) {
    return { status: ahead < left ? 'at-risk' : 'open', remainingOpportunities: ahead };
  }
  const timeShare = (period.endMs - nowMs) / (period.endMs - period.startMs);
  return { status: timeShare < left / required ? 'at-risk' : 'open' };
}
