import type { DateTime } from 'luxon';
import type { Channel } from '../model/channel.js';
import { hasCapability } from '../model/channel-kinds.js';
import type { Task } from '../model/plan.js';
import { minutesOfDay, weekdayNumber } from '../model/primitives.js';
import type { Range } from './period.js';
import { broadcastSlotsIn, bulletinIssuesIn, postingSlotsAfter } from './slots.js';

/** A scheduled chance to carry out a task: a broadcast slot, an issue day, a posting slot. */
interface Opportunity {
  start: DateTime;
  lengthSec: number | undefined;
}

/** Whether a scheduled chance can meet a task's rule (length, window, weekday). */
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

/** What the channels' schedules offer a task in a range, and through what. */
export interface Offer {
  count: number;
  /** `slots` (broadcast), `issues` (bulletin), `posting` (a portal's posting schedule). */
  through: Set<'slots' | 'issues' | 'posting'>;
}

export interface OfferOptions {
  /** Count a portal's posting schedule as a bound (validate); else a portal is unbounded. */
  postingSchedules?: boolean;
}

/**
 * How many scheduled chances that fit the task's rule the channels offer in a range: the
 * slots of broadcast channels, the issue days of bulletins and, when asked, the posting
 * slots of channels with a posting schedule. Undefined when one channel has no fixed
 * schedule (a portal can post at any time), so the count bounds nothing.
 */
export function offerIn(
  task: Task,
  channels: readonly Channel[],
  range: Range,
  zone: string,
  options: OfferOptions = {},
): Offer | undefined {
  const offer: Offer = { count: 0, through: new Set() };
  for (const channel of channels) {
    let chances: Opportunity[];
    if (hasCapability(channel, 'airs')) {
      chances = broadcastSlotsIn(channel, range, zone).map((s) => ({
        start: s.start,
        lengthSec: s.lengthSec,
      }));
      offer.through.add('slots');
    } else if (hasCapability(channel, 'issues')) {
      chances = bulletinIssuesIn(channel, range, zone).map((i) => ({
        start: i.date,
        lengthSec: undefined,
      }));
      offer.through.add('issues');
    } else if (options.postingSchedules && channel.postingSchedule) {
      chances = [];
      for (const start of postingSlotsAfter(channel.postingSchedule, range.start.minus(1), zone)) {
        if (start >= range.end) break;
        chances.push({ start: start.setZone(zone), lengthSec: undefined });
      }
      offer.through.add('posting');
    } else {
      return undefined;
    }
    offer.count += chances.filter((chance) => fitsRule(task, chance)).length;
  }
  return offer;
}

/**
 * The quota of a sub-period that the plan's period cuts (a plan that starts on a Thursday
 * has four days of its first ISO week): the quota in proportion to the days inside the plan,
 * rounded down (3 a week over 4 days: 1; 1 a week over 2 days: 0, nothing required).
 * A whole sub-period keeps the quota.
 */
export function proratedQuota(atLeast: number, share: number): number {
  if (share >= 1) return atLeast;
  return Math.floor(atLeast * share + 1e-9);
}
