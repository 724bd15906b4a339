import type { DateTime } from 'luxon';
import { offerIn } from '../calendar/opportunities.js';
import type { Channel } from '../model/channel.js';
import type { Task } from '../model/plan.js';
import type { SubPeriod } from './sub-periods.js';
import type { TaskStatus } from './types.js';

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
  return offerIn(task, channels, { start: now, end: period.end }, zone)?.count;
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
