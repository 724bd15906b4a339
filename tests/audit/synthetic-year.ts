import { DateTime } from 'luxon';
import type { AuditEntry } from '../../src/audit/types.js';
import { periodsWithin } from '../../src/calendar/period.js';
import type { Channel } from '../../src/model/channel.js';
import type { Plan, Task } from '../../src/model/plan.js';

/**
 * A deterministic year of evidence for a plan: every task carried out as its rule asks,
 * through the channels that serve it (or attributed by plan and task), with the exceptions
 * that the bnv-2024 golden case needs:
 * - ISO week 2024-W09 aired, logged 10 min, then corrected to 20 min (counts);
 * - 2024-W10 aired 14 minutes (does not meet the weekly task);
 * - 2024-W11 aired at 13:00, outside prime time;
 * - February 2024 has three bulletin issues (missed): two logged for the monthly task and
 *   the one of 10 February logged for the yearly task, which counts for both;
 * - the Government CCHC page has one post by 20 March (at risk at a mid-March `now`);
 * - one January post on the ministry portal is voided by a correction (January missed);
 * - no entry carries the plan's last focus topic (uncovered).
 */
export function syntheticYear(
  plan: Plan,
  channels: readonly Channel[],
  year: number,
): AuditEntry[] {
  const zone = plan.timeZone;
  const entries: AuditEntry[] = [];
  const span = {
    start: DateTime.fromObject({ year, month: 1, day: 1 }, { zone }),
    end: DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone }),
  };
  const add = (task: Task, local: DateTime, extra: Partial<AuditEntry> = {}): AuditEntry => {
    const channel = channels.find(
      (c) =>
        c.serves.some((s) => s.plan === plan.id && s.tasks.includes(task.id)) &&
        (task.rule.channelKinds ?? []).includes(c.kind as never),
    );
    // The plan's last focus topic is never written about, so every audit shows a gap.
    const lastFocus = plan.topics.filter((t) => t.focus).at(-1)?.id;
    const topicPool =
      task.rule.topics ?? plan.topics.map((t) => t.id).filter((t) => t !== lastFocus);
    const topic = topicPool[entries.length % Math.max(1, topicPool.length)];
    const entry: AuditEntry = {
      index: entries.length,
      kind: task.manual ? 'manual' : channel?.kind === 'broadcast' ? 'airing' : 'publication',
      plan: plan.id,
      task: task.id,
      unit: task.unit,
      ...(channel ? { channel: channel.id, channelKind: channel.kind } : {}),
      ...(!channel && task.rule.channelKinds ? { channelKind: task.rule.channelKinds[0] } : {}),
      item: `${task.id}-${entries.length}`,
      time: local.toUTC().toISO() ?? '',
      ...(topic ? { topics: [topic] } : {}),
      ...extra,
    };
    if (channel?.kind === 'bulletin') entry.kind = 'bulletin-issue';
    entries.push(entry);
    return entry;
  };
  const special = plan.id === 'bnv-2024';

  for (const task of plan.tasks) {
    const { per, atLeast } = task.rule;
    if (per === 'week') {
      for (const week of periodsWithin('week', span, zone)) {
        const friday = week.start.plus({ days: 4 }).set({ hour: 20 });
        if (friday.year !== year) continue;
        const label = week.label;
        if (special && label === `${year}-W09`) {
          const first = add(task, friday, { durationSec: 600 });
          add(task, friday.plus({ days: 30 }), {
            kind: 'correction',
            corrects: first.index,
            durationSec: 1200,
            time: first.time,
          });
        } else if (special && label === `${year}-W10`) add(task, friday, { durationSec: 840 });
        else if (special && label === `${year}-W11`) {
          add(task, friday.set({ hour: 13 }), { durationSec: 1200 });
        } else add(task, friday, { durationSec: 1200 });
      }
    } else if (per === 'month') {
      const count = atLeast === 0 ? 3 : atLeast;
      for (let month = 1; month <= 12; month++) {
        for (let k = 0; k < count; k++) {
          const day = Math.min(28, 7 * (k + 1) - (count > 4 ? 3 * k : 0));
          const local = DateTime.fromObject({ year, month, day, hour: 8 }, { zone });
          if (special && task.id === 'ban-tin-dien-tu' && month === 2 && k >= 2) continue;
          if (special && task.id === 'trang-cchc-chinh-phu' && month === 3 && k > 0) continue;
          const entry = add(task, local);
          if (special && task.id === 'cong-ttdt-bo-noi-vu' && month === 1 && k === 0) {
            add(task, local.plus({ days: 40 }), {
              kind: 'correction',
              corrects: entry.index,
              void: true,
            });
          }
        }
      }
    } else {
      const count = Math.max(1, atLeast);
      for (let k = 0; k < count; k++) {
        add(task, DateTime.fromObject({ year, month: 2, day: 10 + k, hour: 9 }, { zone }));
      }
    }
  }
  // The log is in time order, as the evidence log appends it; indices follow.
  const order = [...entries].sort(
    (a, b) => Date.parse(a.time) - Date.parse(b.time) || a.index - b.index,
  );
  const renumber = new Map(order.map((e, i) => [e.index, i]));
  return order.map((e) => ({
    ...e,
    index: renumber.get(e.index) ?? -1,
    ...(e.corrects === undefined ? {} : { corrects: renumber.get(e.corrects) ?? -1 }),
  }));
}
