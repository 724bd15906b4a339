import type { DateTime } from 'luxon';
import type { RundownSlot } from '../../broadcast/model.js';
import { programmeSlots } from '../../broadcast/slots.js';
import { type Period, parsePeriod } from '../../calendar/period.js';
import { LoaError } from '../../errors/loa-error.js';
import type { BroadcastChannel, Channel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import type { Plan, Task } from '../../model/plan.js';
import type { PlanningConfig } from '../../scheduler/plan/items.js';
import { channelZone } from '../../scheduler/plan/planner.js';
import type { Store } from '../../store/types.js';

/** What every rundown operation works with: the store, the configuration, who and when. */
export interface BroadcastContext {
  store: Store;
  plans: readonly Plan[];
  planning: PlanningConfig;
  /** The project's content folder: where the media of content items sit. */
  contentDir: string;
  /** Now, from the injected clock. */
  now: DateTime;
  actor: string;
}

/** The plan task a broadcast channel's programme serves, and so the clause to cite. */
export interface ServedTask {
  plan: Plan;
  task: Task;
}

/** The broadcast channel with an id; another kind or an unknown id is an error. */
export function broadcastChannel(
  channels: ReadonlyMap<string, Channel>,
  id: string,
): BroadcastChannel {
  const channel = channels.get(id);
  if (!channel) {
    throw new LoaError('CHANNEL_UNKNOWN', {
      params: { id, known: [...channels.keys()].join(', ') },
      kind: 'not-found',
    });
  }
  if (!hasCapability(channel, 'airs')) {
    throw new LoaError('RUNDOWN_CHANNEL_NOT_BROADCAST', { params: { id, kind: channel.kind } });
  }
  return channel;
}

/**
 * The task the channel serves that sets the longest `minDurationSec` (the clause the length
 * rule comes from, e.g. 004 IV.1.d); without any, the first task it serves. Undefined when it
 * serves no known plan.
 */
export function servedTask(
  channel: BroadcastChannel,
  plans: readonly Plan[],
): ServedTask | undefined {
  let best: ServedTask | undefined;
  for (const serve of channel.serves) {
    const plan = plans.find((p) => p.id === serve.plan);
    for (const id of serve.tasks) {
      const task = plan?.tasks.find((t) => t.id === id);
      if (!plan || !task) continue;
      if (!best || (task.rule.minDurationSec ?? 0) > (best.task.rule.minDurationSec ?? 0)) {
        best = { plan, task };
      }
    }
  }
  return best;
}

/** The zone a broadcast channel's slots are read in (its first plan's). */
export function zoneOf(channel: Channel, planning: PlanningConfig): string {
  return channelZone(channel, planning.planZones);
}

/** A period label (`2024-W10`, also `2024-03`) read in the channel's zone. */
export function periodOf(label: string, zone: string): Period {
  return parsePeriod(label, zone);
}

/** The programme's slots in a period, each with its 1-based number in the period. */
export function slotsOf(
  channel: BroadcastChannel,
  period: Period,
  zone: string,
): { n: number; slot: RundownSlot }[] {
  return programmeSlots(channel, period.start, period.end, zone).map((slot, i) => ({
    n: i + 1,
    slot,
  }));
}

/** The slots picked by `--slot <n>` (all of them without it). */
export function pickSlots<T extends { n: number }>(
  slots: readonly T[],
  slot: string | undefined,
  where: { channel: string; period: string },
): T[] {
  if (slot === undefined) return [...slots];
  const n = Number(slot);
  const found = slots.find((s) => s.n === n);
  if (!found) {
    throw new LoaError('RUNDOWN_SLOT_UNKNOWN', {
      params: { ...where, slot, count: slots.length },
      kind: 'not-found',
    });
  }
  return [found];
}
