import type { Plan, Task } from '../model/plan.js';
import type { AuditEntry, AuditWarning } from './types.js';

/** An entry with its instant read once, in epoch milliseconds. */
export interface TimedEntry {
  entry: AuditEntry;
  ms: number;
}

/** The entries that can count for a task, indexed once per audit (not per sub-period). */
export interface EntryIndex {
  /** By `plan`, NUL, `task`: entries attributed to a task. */
  byTask: Map<string, TimedEntry[]>;
  /** By channel id: entries that went through a channel. */
  byChannel: Map<string, TimedEntry[]>;
}

/** The kinds of entry that can prove a task was carried out. */
const COUNTING = new Set(['publication', 'airing', 'bulletin-issue', 'manual']);

function push(map: Map<string, TimedEntry[]>, key: string, value: TimedEntry): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The key of a task in `EntryIndex.byTask`. */
export function taskKey(plan: string, task: string): string {
  return `${plan}\u0000${task}`;
}

/**
 * Indexes the effective (corrected) entries that happened before `nowMs` by task and by
 * channel, in one pass. Entries whose time does not read become warnings.
 */
export function indexEntries(
  entries: readonly AuditEntry[],
  nowMs: number,
  warnings: AuditWarning[],
): EntryIndex {
  const index: EntryIndex = { byTask: new Map(), byChannel: new Map() };
  // NOTE: each task's key made once, not once per entry (a million strings to build and hash).
  const keys = new Map<string, Map<string, string>>();
  for (const entry of entries) {
    if (!COUNTING.has(entry.kind)) continue;
    const ms = Date.parse(entry.time);
    if (Number.isNaN(ms)) {
      warnings.push({ index: entry.index, problem: 'bad-time' });
      continue;
    }
    if (ms >= nowMs) continue;
    const timed = { entry, ms };
    if (entry.plan !== undefined && entry.task !== undefined) {
      let ofPlan = keys.get(entry.plan);
      if (ofPlan === undefined) {
        ofPlan = new Map();
        keys.set(entry.plan, ofPlan);
      }
      let key = ofPlan.get(entry.task);
      if (key === undefined) {
        key = taskKey(entry.plan, entry.task);
        ofPlan.set(entry.task, key);
      }
      push(index.byTask, key, timed);
    }
    if (entry.channel !== undefined) push(index.byChannel, entry.channel, timed);
  }
  return index;
}

/**
 * The entries that belong to a task, each once:
 * - entries attributed to it (`plan` and `task` name it), of any counting kind;
 * - entries through a channel that serves it (the channel's `serves`), whatever task they are
 *   attributed to: an airing attributed to the task with the longest minimum length still
 *   carries out every other task its channel serves (if it fits their rules), and one airing
 *   can carry out the province's and the nation's duty.
 *   Manual entries attributed to a task count only there (ingest logs one per task served).
 * Whether the channel kind fits the rule is the rule filter's question, not this one's.
 */
export function entriesOfTask(
  plan: Plan,
  task: Task,
  serving: readonly string[],
  index: EntryIndex,
): TimedEntry[] {
  const out = [...(index.byTask.get(taskKey(plan.id, task.id)) ?? [])];
  for (const channel of serving) {
    for (const timed of index.byChannel.get(channel) ?? []) {
      const { entry } = timed;
      if (entry.plan === plan.id && entry.task === task.id) continue;
      // A record of something done by hand or read in (a press article) names the tasks it
      // proves, one entry per task: through the channel it would count once more.
      if (entry.kind === 'manual' && entry.task !== undefined) continue;
      out.push(timed);
    }
  }
  return out;
}
