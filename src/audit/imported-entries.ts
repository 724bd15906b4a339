import type { Plan, TaskRef } from '../model/plan.js';
import { descendantsOf } from '../model/plan-each.js';
import { applyCorrections } from './corrections.js';
import type { AuditEntry, AuditResult, AuditSource, AuditWarning, UnitAtRisk } from './types.js';

/** A unit's log as an auditor imported it from the unit's bundles (`loa import`). */
export interface ImportedLog {
  /** The unit, as registered by the key that signs its log (`loa witness add`). */
  unit: string;
  rootHex: string;
  /** Its entries 0 … n - 1, with the indices of its own log. */
  entries: readonly AuditEntry[];
  /** By plan, by channel of the unit: the tasks the channel serves (the unit's audit.json). */
  serving: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** The kind of each of the unit's channels. */
  channelKinds: Readonly<Record<string, string>>;
  /**
   * By plan, by task of the unit's own plans: the tasks of parent plans it carries out
   * (`implements`, from the unit's audit.json). Absent: none.
   */
  implements?: Readonly<Record<string, Readonly<Record<string, readonly TaskRef[]>>>>;
}

const COUNTING = new Set(['publication', 'airing', 'bulletin-issue', 'manual']);

/**
 * The entries of the units' logs as one audit of `plan` reads them. Each unit's log is
 * numbered after the ones before it (unit order as given), so an entry's audit index is
 * `first` of its source plus its index in the unit's own log; corrections apply within a
 * unit's log. An entry counts for the unit whose key signs the log: its own `unit` when that
 * is the unit or a unit under it in the plan (a commune's station), else the unit itself, so
 * that no unit can claim for another. Channel ids are prefixed with the unit (`xa-a/loa`):
 * two units' channels never mix. An entry attributed to a task of the plan stays so; an entry
 * through a channel that, in the unit's own project, serves tasks of the plan is attributed
 * to each of them (as `entriesOfTask` counts it through the channel at home); a manual entry
 * counts only for the task it names. A task of the unit's own plan that implements a task of
 * `plan` (the child plan's `implements`) stands for it: its entries, and those of channels
 * serving it, count for the parent's task. Entries of other plans are left out.
 */
export function importedAuditEntries(
  plan: Plan,
  logs: readonly ImportedLog[],
): { entries: AuditEntry[]; sources: AuditSource[]; warnings: AuditWarning[] } {
  const entries: AuditEntry[] = [];
  const sources: AuditSource[] = [];
  const warnings: AuditWarning[] = [];
  let offset = 0;
  for (const log of logs) {
    const size = log.entries.length;
    sources.push({
      unit: log.unit,
      first: offset,
      last: offset + size - 1,
      size,
      root: log.rootHex,
    });
    const effective = applyCorrections(log.entries);
    for (const w of effective.warnings) warnings.push({ ...w, index: w.index + offset });
    const allowed = new Set([log.unit, ...descendantsOf(plan, log.unit)]);
    const stands = standsFor(plan.id, log);
    const served = servedTasks(plan.id, log, stands);
    // NOTE: one string per channel, not per entry: the audit indexes a million by channel.
    const prefixed = new Map<string, string>();
    for (const e of effective.entries) {
      if (!COUNTING.has(e.kind)) continue;
      const base = countedEntry(
        e,
        e.index + offset,
        e.unit !== undefined && allowed.has(e.unit) ? e.unit : log.unit,
      );
      if (e.channel !== undefined) {
        let channel = prefixed.get(e.channel);
        if (channel === undefined) {
          channel = `${log.unit}/${e.channel}`;
          prefixed.set(e.channel, channel);
        }
        base.channel = channel;
        const kind = e.channelKind ?? log.channelKinds[e.channel];
        if (kind !== undefined) base.channelKind = kind;
      }
      const own = e.plan === plan.id && e.task !== undefined;
      if (own) entries.push(base);
      // The parent's tasks the entry's own task (of a child plan) carries out.
      const through =
        !own && e.plan !== undefined && e.task !== undefined
          ? stands.get(taskKey(e.plan, e.task))
          : undefined;
      for (const task of through ?? []) entries.push({ ...base, plan: plan.id, task });
      if (e.channel === undefined || (e.kind === 'manual' && e.task !== undefined)) continue;
      for (const task of served.get(e.channel) ?? []) {
        if ((own && e.task === task) || through?.includes(task)) continue;
        entries.push({ ...base, plan: plan.id, task });
      }
    }
    offset += size;
  }
  return { entries, sources, warnings };
}

/**
 * The audit's fields of an entry that counts (not `corrects` or `void`), at its audit index
 * and for its unit.
 * NOTE: not spread: an entry read from a bundle keeps its other fields (actor, key…), and a
 * spread of a million entries cost a fifth of an imported audit.
 */
function countedEntry(e: AuditEntry, index: number, unit: string): AuditEntry {
  // NOTE: one literal of every field (absent ones undefined, which the audit reads as absent):
  // adding them one by one grew each object's property store several times.
  return {
    index,
    kind: e.kind,
    time: e.time,
    unit,
    plan: e.plan,
    task: e.task,
    channel: e.channel,
    channelKind: e.channelKind,
    item: e.item,
    durationSec: e.durationSec,
    topics: e.topics,
    url: e.url,
    externalId: e.externalId,
    audioSha256: e.audioSha256,
    audioPlayedSha256: e.audioPlayedSha256,
  };
}

/** Each unit of a per-unit task with sub-periods at risk or missed, in task and unit order. */
export function unitsAtRisk(result: AuditResult): UnitAtRisk[] {
  const out: UnitAtRisk[] = [];
  for (const task of result.tasks) {
    if (task.counted) continue;
    for (const u of task.each ?? []) {
      const periods = u.periods.flatMap((p) =>
        p.status === 'at-risk' || p.status === 'missed'
          ? [{ label: p.label, status: p.status }]
          : [],
      );
      if (periods.length > 0) out.push({ unit: u.unit, name: u.unitName, task: task.id, periods });
    }
  }
  return out;
}

const taskKey = (plan: string, task: string) => `${plan}\u0000${task}`;

/** By task of the unit's other plans (`plan\0task`): the tasks of `planId` it carries out. */
function standsFor(planId: string, log: ImportedLog): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [child, tasks] of Object.entries(log.implements ?? {})) {
    if (child === planId) continue;
    for (const [task, refs] of Object.entries(tasks)) {
      const mine = [...new Set(refs.filter((r) => r.plan === planId).map((r) => r.task))];
      if (mine.length > 0) out.set(taskKey(child, task), mine);
    }
  }
  return out;
}

/**
 * By channel of the unit: the tasks of `planId` it serves, directly (the unit's project lists
 * the channel under the plan's tasks) or through a task of a child plan that implements them.
 */
function servedTasks(
  planId: string,
  log: ImportedLog,
  stands: ReadonlyMap<string, readonly string[]>,
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>(Object.entries(log.serving[planId] ?? {}));
  if (stands.size === 0) return out;
  for (const [child, byChannel] of Object.entries(log.serving)) {
    if (child === planId) continue;
    for (const [channel, tasks] of Object.entries(byChannel)) {
      const parents = tasks.flatMap((t) => stands.get(taskKey(child, t)) ?? []);
      if (parents.length > 0)
        out.set(channel, [...new Set([...(out.get(channel) ?? []), ...parents])]);
    }
  }
  return out;
}
