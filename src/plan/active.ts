import type { DateTime } from 'luxon';
import type { Channel } from '../model/channel.js';
import type { Plan } from '../model/plan.js';

/** Whether a plan's period is over at `now` (its last day has passed in its zone). */
export function planEnded(plan: Plan, now: DateTime): boolean {
  const today = now.setZone(plan.timeZone).toISODate() ?? '';
  return plan.period.end < today;
}

/**
 * Whether every plan a channel serves has ended, so nothing it does counts any more: `status`
 * then lists no issue days or rundowns for it. A channel that serves no plan is not ended.
 */
export function servesOnlyEndedPlans(
  channel: Pick<Channel, 'serves'>,
  plans: readonly Plan[],
  now: DateTime,
): boolean {
  const served = channel.serves.flatMap((s) => plans.find((p) => p.id === s.plan) ?? []);
  return served.length > 0 && served.every((plan) => planEnded(plan, now));
}
