import type { Channel } from '../model/channel.js';
import type { Task } from '../model/plan.js';
import { minutesOfDay, weekdayNumber } from '../model/primitives.js';
import type { TimedEntry } from './entry-index.js';
import type { LocalClock } from './local-clock.js';
import type { RejectReason } from './types.js';

/** Says why an entry of a task does not count for it, or undefined when it counts. */
export type RuleFilter = (timed: TimedEntry) => RejectReason | undefined;

/**
 * Compiles a task's rule into a filter, checked in this order:
 * 1. channel kind: for a task published through channels (`rule.channelKinds`), the entry's
 *    `channelKind` (or, when absent, the kind of its channel in the channel files) must be one
 *    of them; an entry entered by hand (`kind: manual`) never counts for such a task. Tasks
 *    with a `manual` form take any entry that belongs to them.
 * 2. `minDurationSec`: the entry says how long it lasted and lasted at least that long;
 * 3. `window` (the plan's zone): it starts at or after `from`, before `to`, and ends
 *    (start + duration) no later than `to` on the same day; without a duration, its start;
 * 4. `weekdays`: it starts on one of them (local);
 * 5. `topics`: it carries at least one of them.
 */
export function compileRule(
  task: Task,
  channels: ReadonlyMap<string, Channel>,
  clock: LocalClock,
): RuleFilter {
  const { rule } = task;
  const kinds = task.manual === undefined && rule.channelKinds ? new Set(rule.channelKinds) : null;
  const min = rule.minDurationSec;
  const from = rule.window ? minutesOfDay(rule.window.from) : undefined;
  const to = rule.window ? minutesOfDay(rule.window.to) : undefined;
  const weekdays = rule.weekdays ? new Set(rule.weekdays.map(weekdayNumber)) : null;
  const topics = rule.topics ? new Set(rule.topics) : null;

  return ({ entry, ms }) => {
    if (entry.audioPlayedSha256 !== undefined && entry.audioPlayedSha256 !== entry.audioSha256) {
      return 'audio-mismatch';
    }
    if (kinds) {
      const kind =
        entry.channelKind ??
        (entry.channel === undefined ? undefined : channels.get(entry.channel)?.kind);
      if (entry.kind === 'manual' || kind === undefined || !kinds.has(kind as never)) {
        return 'channel-kind';
      }
    }
    if (min !== undefined) {
      if (entry.durationSec === undefined) return 'no-duration';
      if (entry.durationSec < min) return 'too-short';
    }
    if (from !== undefined && to !== undefined) {
      const start = clock.minuteOfDay(ms);
      const end = start + (entry.durationSec ?? 0) / 60;
      if (start < from || start >= to || end > to) return 'outside-window';
    }
    if (weekdays && !weekdays.has(clock.weekday(ms))) return 'weekday';
    if (topics && !(entry.topics ?? []).some((t) => topics.has(t))) return 'topic';
    return undefined;
  };
}
