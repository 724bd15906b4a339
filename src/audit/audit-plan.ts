import { proratedQuota } from '../calendar/opportunities.js';
import { intersect, planPeriod } from '../calendar/period.js';
import { LoaError } from '../errors/loa-error.js';
import type { Channel } from '../model/channel.js';
import type { Plan, Task } from '../model/plan.js';
import { eachUnitsOf, memberOf } from '../model/plan-each.js';
import { servingByTask } from '../plan/serving.js';
import { applyCorrections } from './corrections.js';
import { type EntryIndex, entriesOfTask, indexEntries, type TimedEntry } from './entry-index.js';
import { focusCoverage } from './focus.js';
import { type LocalClock, localClock } from './local-clock.js';
import { opportunitiesAhead, statusOf } from './pace.js';
import { rollUpOf, rollUpPeriods, unitOfEntry } from './per-unit.js';
import { compileRule } from './rule-filter.js';
import { findSubPeriod, type SubPeriod, subPeriodsOf } from './sub-periods.js';
import type {
  AuditInput,
  AuditResult,
  Completion,
  RejectedEntry,
  TaskAudit,
  TaskPeriodResult,
  UnitAudit,
} from './types.js';
import { taskOfUnits, unitWithDescendants } from './units.js';

interface TaskContext {
  plan: Plan;
  channels: ReadonlyMap<string, Channel>;
  serving: ReadonlyMap<string, string[]>;
  index: EntryIndex;
  clock: LocalClock;
  input: AuditInput;
  subPeriods: (task: Task) => SubPeriod[];
  /** The units a per-unit task is audited for (narrowed by the unit filter), or undefined. */
  members: (task: Task) => string[] | undefined;
  /** Audited range in epoch ms, and the entries on each topic found in it. */
  auditedMs: { start: number; end: number };
  topicHits: Map<string, Set<number>>;
}

function noteTopics(ctx: TaskContext, timed: TimedEntry): void {
  if (timed.ms < ctx.auditedMs.start || timed.ms >= ctx.auditedMs.end) return;
  for (const topic of timed.entry.topics ?? []) {
    const hits = ctx.topicHits.get(topic);
    if (hits) hits.add(timed.entry.index);
    else ctx.topicHits.set(topic, new Set([timed.entry.index]));
  }
}

function iso(period: SubPeriod, zone: string) {
  return {
    start: period.start.setZone(zone).toISO({ suppressMilliseconds: true }) ?? '',
    end: period.end.setZone(zone).toISO({ suppressMilliseconds: true }) ?? '',
  };
}

/** The sub-period results of one set of counted and rejected entries. */
function periodResults(
  task: Task,
  ctx: TaskContext,
  periods: readonly SubPeriod[],
  evidence: number[][],
  rejected: RejectedEntry[][],
  channels: readonly Channel[],
): TaskPeriodResult[] {
  const { plan, input } = ctx;
  const nowMs = input.now.toMillis();
  return periods.map((period, i): TaskPeriodResult => {
    const proof = (evidence[i] ?? []).sort((a, b) => a - b);
    const required = proratedQuota(task.rule.atLeast, period.share);
    const { status, remainingOpportunities } = statusOf(period, required, proof.length, nowMs, () =>
      opportunitiesAhead(task, channels, period, input.now, plan.timeZone),
    );
    return {
      label: period.label,
      kind: period.kind,
      ...iso(period, plan.timeZone),
      spills: period.spills,
      ...(period.share < 1 ? { partial: true } : {}),
      required,
      achieved: proof.length,
      status,
      evidence: proof,
      rejected: (rejected[i] ?? []).sort((a, b) => a.index - b.index),
      ...(remainingOpportunities === undefined ? {} : { remainingOpportunities }),
    };
  });
}

function auditTask(task: Task, ctx: TaskContext): TaskAudit {
  const { plan } = ctx;
  const periods = ctx.subPeriods(task);
  const serving = ctx.serving.get(task.id) ?? [];
  const filter = compileRule(task, ctx.channels, ctx.clock);
  const members = ctx.members(task);
  const memberIndex = new Map((members ?? []).map((m, i) => [m, i]));
  const find = members ? memberOf(plan, members) : undefined;
  // One bucket for a plain task; one per unit of a per-unit task.
  const buckets = Math.max(1, members?.length ?? 1);
  const evidence = Array.from({ length: buckets }, () => periods.map((): number[] => []));
  const rejected = Array.from({ length: buckets }, () => periods.map((): RejectedEntry[] => []));
  const orphans = periods.map((): RejectedEntry[] => []);
  for (const timed of entriesOfTask(plan, task, serving, ctx.index)) {
    const at = findSubPeriod(periods, timed.ms);
    if (at < 0) continue;
    let reason = filter(timed);
    let bucket = 0;
    if (find) {
      const unit = unitOfEntry(timed.entry, ctx.channels);
      const member = unit === undefined ? undefined : find(unit);
      if (member === undefined) reason ??= 'unit';
      else bucket = memberIndex.get(member) ?? 0;
    }
    if (reason === undefined) {
      evidence[bucket]?.[at]?.push(timed.entry.index);
      noteTopics(ctx, timed);
    } else if (timed.ms >= ctx.auditedMs.start && timed.ms < ctx.auditedMs.end) {
      // NOTE: a sub-period that spills is counted whole, but what was turned away is listed
      // only inside the audited period: the auditor asked about that period.
      const list = find && reason === 'unit' ? orphans : rejected[bucket];
      list?.[at]?.push({ index: timed.entry.index, reason });
    }
  }
  const servingChannels = serving.flatMap((id) => ctx.channels.get(id) ?? []);
  let results: TaskPeriodResult[];
  let each: UnitAudit[] | undefined;
  if (members && find) {
    each = members.map((unit, u): UnitAudit => {
      const own = servingChannels.filter((c) => find(c.unit) === unit);
      const unitPeriods = periodResults(
        task,
        ctx,
        periods,
        evidence[u] ?? [],
        rejected[u] ?? [],
        own,
      );
      const info = plan.units.find((x) => x.id === unit);
      return {
        unit,
        unitName: info?.name ?? unit,
        ...(info?.parent === undefined ? {} : { parent: info.parent }),
        periods: unitPeriods,
        achieved: unitPeriods.reduce((sum, r) => sum + r.achieved, 0),
      };
    });
    results = rollUpPeriods(task, periods, each, orphans, ctx.input.now.toMillis(), plan.timeZone);
  } else {
    results = periodResults(
      task,
      ctx,
      periods,
      evidence[0] ?? [],
      rejected[0] ?? [],
      servingChannels,
    );
  }
  return {
    id: task.id,
    title: task.title,
    source: task.source,
    unit: task.unit,
    unitName: plan.units.find((u) => u.id === task.unit)?.name ?? task.unit,
    partners: task.partners,
    per: task.rule.per,
    atLeast: task.rule.atLeast,
    counted: task.rule.atLeast === 0,
    channels: serving,
    periods: results,
    achieved: results.reduce((sum, r) => sum + r.achieved, 0),
    ...(each ? { each } : {}),
  };
}

/** Marks each counted entry that also counts for other tasks of the plan, naming them. */
function noteSharedEvidence(tasks: readonly TaskAudit[]): void {
  if (tasks.length < 2) return;
  // NOTE: a million counted entries must not each get a list: count the tasks of each entry
  // in a typed array first (a task's sub-periods are disjoint, so an entry counts once per
  // task), and list the tasks only of the few entries that count more than once.
  let max = -1;
  for (const task of tasks) {
    for (const period of task.periods) for (const i of period.evidence) if (i > max) max = i;
  }
  if (max < 0) return;
  const counts = new Uint16Array(max + 1);
  for (const task of tasks) {
    for (const period of task.periods)
      for (const i of period.evidence) counts[i] = (counts[i] ?? 0) + 1;
  }
  const tasksOf = new Map<number, string[]>();
  for (const task of tasks) {
    for (const period of task.periods) {
      for (const index of period.evidence) {
        if ((counts[index] ?? 0) < 2) continue;
        const list = tasksOf.get(index);
        if (!list) tasksOf.set(index, [task.id]);
        else if (!list.includes(task.id)) list.push(task.id);
      }
    }
  }
  if (tasksOf.size === 0) return;
  for (const task of tasks) {
    for (const period of [...task.periods, ...(task.each ?? []).flatMap((u) => u.periods)]) {
      const shared = period.evidence.flatMap((index) => {
        const others = (tasksOf.get(index) ?? []).filter((id) => id !== task.id);
        return others.length === 0 ? [] : [{ index, tasks: others }];
      });
      if (shared.length > 0) period.alsoCountsFor = shared;
    }
  }
}

/** Share of task-periods met among those decided (over, or met early), as the PAR Index counts. */
export function completionOf(tasks: readonly TaskAudit[]): Completion {
  let met = 0;
  let assessed = 0;
  let pending = 0;
  for (const task of tasks) {
    if (task.counted) continue;
    // A per-unit task counts each unit's sub-periods, not their roll-up.
    for (const period of task.each ? task.each.flatMap((u) => u.periods) : task.periods) {
      // A sub-period the plan's edge cut to a quota of 0 asks nothing: it is not weighed.
      if (period.status === 'counted') continue;
      if (period.status === 'met') met += 1;
      if (period.status === 'met' || period.status === 'missed') assessed += 1;
      else pending += 1;
    }
  }
  const percent = assessed === 0 ? null : Math.round((met / assessed) * 1000) / 10;
  return { met, assessed, pending, percent };
}

/**
 * Audits a plan over a period as of `now`: for each task and each of its sub-periods that
 * overlaps the period, required vs achieved, the entries that prove it and a status; the
 * plan's completion percentage; the focus topics with and without coverage.
 * Pure: the same input gives the same result; it reads no file, database or clock.
 * Which entries count, how rule filters and corrections apply, and when a sub-period is at
 * risk are documented on `entriesOfTask`, `compileRule`, `applyCorrections` and `statusOf`.
 */
export function auditPlan(input: AuditInput): AuditResult {
  const { plan } = input;
  const zone = plan.timeZone;
  const whole = planPeriod(plan);
  const audited = { start: input.period.start.setZone(zone), end: input.period.end.setZone(zone) };
  const label = input.period.label ?? `${audited.start.toISODate()}…${audited.end.toISODate()}`;
  if (!intersect(whole, audited)) {
    throw new LoaError('AUDIT_OUTSIDE_PLAN', {
      params: { period: label, plan: plan.id, start: plan.period.start, end: plan.period.end },
    });
  }
  const units = input.unit === undefined ? undefined : unitWithDescendants(plan, input.unit);
  const unitSet = units ? new Set(units) : undefined;

  const { entries, warnings } = applyCorrections(input.entries);
  const index = indexEntries(entries, input.now.toMillis(), warnings);
  const cache = new Map<string, SubPeriod[]>();
  const ctx: TaskContext = {
    plan,
    channels: new Map(input.channels.map((c) => [c.id, c])),
    serving: servingByTask(plan, input.channels),
    index,
    clock: localClock(zone),
    input,
    auditedMs: { start: audited.start.toMillis(), end: audited.end.toMillis() },
    topicHits: new Map(),
    members: (task) => {
      const all = eachUnitsOf(plan, task);
      if (!all || !unitSet) return all;
      const mine = all.filter((u) => unitSet.has(u));
      return mine.length > 0 || !taskOfUnits(task, unitSet) ? mine : all;
    },
    subPeriods: (task) => {
      const kind = task.rule.per;
      let periods = cache.get(kind);
      if (!periods) {
        periods = subPeriodsOf(kind, whole, audited);
        cache.set(kind, periods);
      }
      return periods;
    },
  };
  const tasks = plan.tasks
    .filter(
      (task) => !unitSet || taskOfUnits(task, unitSet) || (ctx.members(task)?.length ?? 0) > 0,
    )
    .map((task) => auditTask(task, ctx));
  noteSharedEvidence(tasks);

  return {
    plan: {
      id: plan.id,
      number: plan.document.number,
      title: plan.document.title,
      issuer: plan.document.issuer,
      timeZone: zone,
    },
    period: {
      label,
      start: audited.start.toISO({ suppressMilliseconds: true }) ?? '',
      end: audited.end.toISO({ suppressMilliseconds: true }) ?? '',
    },
    now: input.now.setZone(zone).toISO({ suppressMilliseconds: true }) ?? '',
    ...(input.unit === undefined || !units
      ? {}
      : {
          unit: {
            id: input.unit,
            name: plan.units.find((u) => u.id === input.unit)?.name ?? input.unit,
            included: units,
          },
        }),
    tasks,
    completion: completionOf(tasks),
    ...rollUpOf(plan, tasks),
    focus: focusCoverage(plan, ctx.topicHits),
    warnings: warnings.sort((a, b) => a.index - b.index),
  };
}
