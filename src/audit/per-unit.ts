import type { Channel } from '../model/channel.js';
import type { Plan, Task } from '../model/plan.js';
import type { SubPeriod } from './sub-periods.js';
import type {
  AuditEntry,
  Completion,
  RejectedEntry,
  TaskAudit,
  TaskPeriodResult,
  TaskStatus,
  UnitAudit,
  UnitCompletion,
} from './types.js';

/** The unit an entry is of: its own `unit`, else its channel's. */
export function unitOfEntry(
  entry: AuditEntry,
  channels: ReadonlyMap<string, Channel>,
): string | undefined {
  if (entry.unit !== undefined) return entry.unit;
  return entry.channel === undefined ? undefined : channels.get(entry.channel)?.unit;
}

/**
 * The status of a roll-up from its units' statuses: met only when every unit met; missed as
 * soon as one missed; at risk when one is; not yet due before it starts; open otherwise.
 */
function rollUpStatus(statuses: readonly TaskStatus[], required: number, started: boolean) {
  if (required === 0) return 'counted' as const;
  if (!started) return 'not-yet-due' as const;
  if (statuses.every((s) => s === 'met')) return 'met' as const;
  if (statuses.includes('missed')) return 'missed' as const;
  if (statuses.includes('at-risk')) return 'at-risk' as const;
  return 'open' as const;
}

/**
 * Entry indices in ascending order.
 * NOTE: sorted as a typed array (natively, without a comparator): a province's roll-up sorts
 * every counted entry of its units, a million a year, and the comparator cost most of it.
 */
function ascending(indices: number[]): number[] {
  let sorted = true;
  for (let i = 1; i < indices.length && sorted; i += 1) {
    sorted = (indices[i - 1] as number) <= (indices[i] as number);
  }
  return sorted ? indices : Array.from(Float64Array.from(indices).sort());
}

/**
 * The roll-up of a per-unit task's units per sub-period: required and achieved summed over
 * the units (so the sum over units always equals the roll-up), the evidence and rejected
 * entries of them all plus the entries of no listed unit, and how many units met.
 */
export function rollUpPeriods(
  _task: Task,
  periods: readonly SubPeriod[],
  each: readonly UnitAudit[],
  orphans: readonly RejectedEntry[][],
  nowMs: number,
  zone: string,
): TaskPeriodResult[] {
  return periods.map((period, i): TaskPeriodResult => {
    const of = each.flatMap((u) => u.periods[i] ?? []);
    const evidence = ascending(of.flatMap((p) => p.evidence));
    const rejected = [...of.flatMap((p) => p.rejected), ...(orphans[i] ?? [])].sort(
      (a, b) => a.index - b.index,
    );
    const met = of.filter((p) => p.status === 'met').length;
    return {
      label: period.label,
      kind: period.kind,
      start: period.start.setZone(zone).toISO({ suppressMilliseconds: true }) ?? '',
      end: period.end.setZone(zone).toISO({ suppressMilliseconds: true }) ?? '',
      spills: period.spills,
      ...(period.share < 1 ? { partial: true } : {}),
      required: of.reduce((sum, p) => sum + p.required, 0),
      achieved: of.reduce((sum, p) => sum + p.achieved, 0),
      status: rollUpStatus(
        of.map((p) => p.status),
        of.reduce((sum, p) => sum + p.required, 0),
        period.startMs < nowMs,
      ),
      evidence,
      rejected,
      units: { met, total: of.length },
    };
  });
}

function count(periods: readonly TaskPeriodResult[], into: Completion): void {
  for (const period of periods) {
    if (period.status === 'counted') continue;
    if (period.status === 'met') into.met += 1;
    if (period.status === 'met' || period.status === 'missed') into.assessed += 1;
    else into.pending += 1;
  }
}

const percentOf = (c: Completion) =>
  c.assessed === 0 ? null : Math.round((c.met / c.assessed) * 1000) / 10;

/**
 * Each unit's completion over the per-unit tasks with a quota (its unit-periods met among
 * those decided), and every unit above them with the sum of the units under it, in tree
 * order: a parent, then its children. Nothing when the audit has no per-unit task.
 */
export function rollUpOf(plan: Plan, tasks: readonly TaskAudit[]): { rollUp?: UnitCompletion[] } {
  const own = new Map<string, Completion>();
  for (const task of tasks) {
    if (task.counted || !task.each) continue;
    for (const unit of task.each) {
      const c = own.get(unit.unit) ?? { met: 0, assessed: 0, pending: 0, percent: null };
      count(unit.periods, c);
      own.set(unit.unit, c);
    }
  }
  if (own.size === 0) return {};
  const parents = new Map(plan.units.map((u) => [u.id, u.parent]));
  const totals = new Map<string, Completion>();
  for (const [unit, c] of own) {
    let at: string | undefined = unit;
    const seen = new Set<string>();
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      const t = totals.get(at) ?? { met: 0, assessed: 0, pending: 0, percent: null };
      t.met += c.met;
      t.assessed += c.assessed;
      t.pending += c.pending;
      totals.set(at, t);
      at = parents.get(at);
    }
  }
  const children = new Map<string | undefined, string[]>();
  for (const u of plan.units) {
    if (!totals.has(u.id)) continue;
    const parent = u.parent !== undefined && totals.has(u.parent) ? u.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), u.id]);
  }
  const out: UnitCompletion[] = [];
  const walk = (unit: string, depth: number) => {
    const t = totals.get(unit) as Completion;
    const info = plan.units.find((u) => u.id === unit);
    out.push({
      unit,
      name: info?.name ?? unit,
      ...(info?.parent === undefined ? {} : { parent: info.parent }),
      depth,
      met: t.met,
      assessed: t.assessed,
      pending: t.pending,
      percent: percentOf(t),
    });
    for (const child of children.get(unit) ?? []) walk(child, depth + 1);
  };
  for (const root of children.get(undefined) ?? []) walk(root, 0);
  return { rollUp: out };
}
