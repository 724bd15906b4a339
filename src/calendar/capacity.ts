import { type Diagnostic, fieldPath } from '../config/diagnostic.js';
import type { Project } from '../config/project-types.js';
import type { Channel } from '../model/channel.js';
import type { Plan } from '../model/plan.js';
import { eachUnitsOf, memberOf } from '../model/plan-each.js';
import { servingByTask } from '../plan/serving.js';
import { offerIn, proratedQuota } from './opportunities.js';
import { intersect, periodsWithin, planPeriod } from './period.js';

/** A task whose serving channels cannot reach its quota in some sub-periods. */
export interface CapacityShortfall {
  plan: string;
  /** Position of the task in the plan's `tasks`, for locating the warning. */
  taskIndex: number;
  task: string;
  source: string;
  /** For a per-unit task, the unit whose channels fall short. */
  unit?: string;
  channels: string[];
  through: string[];
  /** The worst sub-period: its label, the quota and what the schedules offer. */
  period: string;
  required: number;
  offered: number;
  /** How many sub-periods fall short, of how many. */
  shortPeriods: number;
  periods: number;
}

/**
 * The tasks of a plan whose channels (those that serve them with a kind their rule accepts)
 * cannot reach the quota in some sub-period of the plan: slots that fit the rule, issue days,
 * posting-schedule slots, counted over each week, month… (the quota prorated at the plan's
 * edges). A per-unit task is checked per unit over that unit's channels. Tasks entered by
 * hand, without a quota, or served by a channel that can publish at any time are skipped.
 */
export function capacityShortfalls(plan: Plan, channels: readonly Channel[]): CapacityShortfall[] {
  const zone = plan.timeZone;
  const whole = planPeriod(plan);
  const serving = servingByTask(plan, channels);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const out: CapacityShortfall[] = [];
  plan.tasks.forEach((task, taskIndex) => {
    const kinds = task.rule.channelKinds;
    if (task.manual !== undefined || !kinds || task.rule.atLeast === 0) return;
    const own = (serving.get(task.id) ?? [])
      .flatMap((id) => byId.get(id) ?? [])
      .filter((c) => (kinds as readonly string[]).includes(c.kind));
    if (own.length === 0) return;
    const members = eachUnitsOf(plan, task);
    const find = members ? memberOf(plan, members) : undefined;
    const groups = members
      ? members.map((unit) => ({ unit, list: own.filter((c) => find?.(c.unit) === unit) }))
      : [{ unit: undefined, list: own }];
    const periods = task.rule.per === 'plan' ? [whole] : periodsWithin(task.rule.per, whole, zone);
    for (const { unit, list } of groups) {
      // NOTE: a unit with no channel of its own is said elsewhere (nothing serves it); here
      // only schedules that exist and fall short.
      if (list.length === 0) continue;
      let worst: { period: string; required: number; offered: number } | undefined;
      let short = 0;
      let through: string[] = [];
      let bounded = true;
      for (const period of periods) {
        const clipped = intersect(period, whole);
        if (!clipped) continue;
        const share =
          (clipped.end.toMillis() - clipped.start.toMillis()) /
          (period.end.toMillis() - period.start.toMillis());
        const required = proratedQuota(task.rule.atLeast, share);
        const offer = offerIn(task, list, clipped, zone, { postingSchedules: true });
        if (!offer) {
          bounded = false;
          break;
        }
        through = [...offer.through];
        if (offer.count >= required) continue;
        short += 1;
        if (!worst || required - offer.count > worst.required - worst.offered) {
          worst = { period: period.label, required, offered: offer.count };
        }
      }
      if (!bounded || !worst) continue;
      out.push({
        plan: plan.id,
        taskIndex,
        task: task.id,
        source: task.source,
        ...(unit === undefined ? {} : { unit }),
        channels: list.map((c) => c.id),
        through,
        ...worst,
        shortPeriods: short,
        periods: periods.length,
      });
    }
  });
  return out;
}

/**
 * The shortfalls of every plan of a project as warnings on the task's `rule.atLeast`, citing
 * the clause, the channels, the worst sub-period and by how much.
 */
export function capacityDiagnostics(project: Pick<Project, 'plans' | 'channels'>): Diagnostic[] {
  const channels = project.channels.map((c) => c.value);
  return project.plans.flatMap((at) =>
    capacityShortfalls(at.value, channels).map((s): Diagnostic => {
      const path = ['tasks', s.taskIndex, 'rule', 'atLeast'];
      return {
        severity: 'warning',
        code: s.unit === undefined ? 'CAPACITY_SHORT' : 'CAPACITY_SHORT_UNIT',
        params: {
          task: s.task,
          source: s.source,
          unit: s.unit,
          channels: s.channels.join(', '),
          period: s.period,
          required: s.required,
          offered: s.offered,
          missing: s.required - s.offered,
          short: s.shortPeriods,
          periods: s.periods,
        },
        file: at.file,
        field: fieldPath(path),
        ...at.source.locate(path),
      };
    }),
  );
}
