import { DateTime } from 'luxon';
import {
  buildRundown,
  type RundownAssembly,
  type RundownCandidate,
} from '../../broadcast/assembly.js';
import {
  itemsInOrder,
  type Rundown,
  type RundownEvent,
  type RundownSlot,
  rundownId,
} from '../../broadcast/model.js';
import { itemsOnAir, loadRundown, saveRundown } from '../../broadcast/store.js';
import type { BroadcastChannel } from '../../model/channel.js';
import { toStored } from '../../model/instant.js';
import type { ContentItem } from '../../model/item.js';
import { currentItemsMentioning } from '../../store/items.js';
import { LOCKS, lockFor } from '../../store/locks.js';
import type { ItemRow } from '../../store/schema.js';
import type { Db } from '../../store/types.js';
import {
  type BroadcastContext,
  broadcastChannel,
  periodOf,
  pickSlots,
  servedTask,
  slotsOf,
  zoneOf,
} from './service-context.js';

/** What `buildWeek` asks for. */
export interface BuildRequest {
  channel: string;
  /** A period label, usually an ISO week (`2024-W10`). */
  period: string;
  /** `--slot <n>`: only that slot of the period. */
  slot?: string;
  /** Rebuild a `ready` rundown too (a locked one never: unlock it first). */
  force?: boolean;
}

/** What happened to one slot: built anew, replaced, or kept as it was. */
export interface SlotBuild {
  n: number;
  slot: RundownSlot;
  action: 'built' | 'replaced' | 'kept';
  rundown: Rundown;
  /** Set when the slot was (re)built. */
  assembly?: RundownAssembly;
  /** Titles of the evergreen items that topped the rundown up. */
  evergreenTitles: string[];
}

/** The item states that count as approved material (it was approved and not taken back). */
const APPROVED = new Set(['approved', 'scheduled', 'published', 'failed']);

/** The ISO week (`2024-W10`) an instant falls in, read in a zone. */
function weekOf(at: DateTime, zone: string): string {
  return at.setZone(zone).toFormat("kkkk-'W'WW");
}

/** Items of the queue meant for a channel, as assembly candidates (withdrawn ones left out). */
async function candidatesFor(
  db: Db,
  channel: BroadcastChannel,
): Promise<{ candidate: RundownCandidate; row: ItemRow }[]> {
  const out: { candidate: RundownCandidate; row: ItemRow }[] = [];
  // NOTE: one query for the items that may be meant for the channel, with their documents,
  // not one per item of the queue: a year's simulate builds hundreds of rundowns.
  for (const { row, item } of await currentItemsMentioning(db, channel.id)) {
    if (!item.channels.includes(channel.id)) continue;
    const status: ContentItem['status'] = APPROVED.has(row.status) ? 'approved' : 'draft';
    out.push({ candidate: { ...item, status, queuedAt: row.created_at }, row });
  }
  return out;
}

/**
 * `loa rundown build`: fills each slot of a period (an ISO week) from the approved items meant
 * for the channel, in one transaction. An item with `publishAt` goes only into a slot of its
 * own week that starts at or after it (nothing airs early); an item a locked or aired rundown of the channel carries, or an earlier slot of
 * this build took, is not offered again. A draft is replaced; a ready rundown only with
 * `force`; a locked or aired one is kept. Every (re)build is recorded in the history.
 */
export async function buildWeek(ctx: BroadcastContext, request: BuildRequest) {
  const channel = broadcastChannel(ctx.planning.channels, request.channel);
  const zone = zoneOf(channel, ctx.planning);
  const period = periodOf(request.period, zone);
  const slots = pickSlots(slotsOf(channel, period, zone), request.slot, {
    channel: channel.id,
    period: request.period,
  });
  const plan = servedTask(channel, ctx.plans)?.plan;
  const at = toStored(ctx.now);
  return ctx.store.transaction(async (tx) => {
    await lockFor(tx, LOCKS.planning);
    const pool = await candidatesFor(tx, channel);
    const taken = new Set<string>();
    const results: SlotBuild[] = [];
    for (const { n, slot } of slots) {
      const id = rundownId(channel.id, slot);
      const existing = (await loadRundown(tx, id))?.rundown;
      const keep =
        existing !== undefined &&
        (existing.state === 'locked' ||
          existing.state === 'aired' ||
          (existing.state === 'ready' && !request.force));
      if (existing && keep) {
        for (const { item } of itemsInOrder(existing)) taken.add(item.itemId);
        results.push({ n, slot, action: 'kept', rundown: existing, evergreenTitles: [] });
        continue;
      }
      const onAir = await itemsOnAir(tx, channel.id, id);
      const slotStart = DateTime.fromISO(slot.start, { setZone: true });
      const week = weekOf(slotStart, zone);
      // An offset in publishAt moves its date at most two days from the zone's.
      const local = slotStart.setZone(zone);
      const earliest = local.startOf('week').minus({ days: 2 }).toISODate() as string;
      const latest = local.plus({ days: 2 }).toISODate() as string;
      const candidates = pool
        .map((p) => p.candidate)
        .filter((c) => !onAir.has(c.id) && !taken.has(c.id))
        .filter((c) => {
          if (c.publishAt === undefined) return true;
          // A date two days outside the week cannot fall in it, whatever its offset.
          const day = c.publishAt.slice(0, 10);
          if (day < earliest || day > latest) return false;
          const due = DateTime.fromISO(c.publishAt.replace(' ', 'T'), { zone });
          // Nothing airs before its publishAt, even in an earlier slot of its week.
          return weekOf(due, zone) === week && due <= slotStart;
        });
      const assembly = buildRundown(channel, slot, candidates, plan);
      const event: RundownEvent = {
        from: existing?.state ?? 'draft',
        to: 'draft',
        actor: ctx.actor,
        at,
        reason: existing ? (request.force ? 'rebuilt (--force)' : 'rebuilt') : 'built',
      };
      const rundown: Rundown = {
        ...assembly.rundown,
        history: [...(existing?.history ?? []), event],
      };
      await saveRundown(tx, rundown, [event], at);
      for (const { item } of itemsInOrder(rundown)) taken.add(item.itemId);
      const titles = new Map(candidates.map((c) => [c.id, c.title]));
      results.push({
        n,
        slot,
        action: existing ? 'replaced' : 'built',
        rundown,
        assembly,
        evergreenTitles: assembly.evergreenUsed.map((i) => titles.get(i) ?? i),
      });
    }
    return { channel, zone, period, results };
  });
}
