import { DateTime } from 'luxon';
import { postingSlotsAfter } from '../../calendar/slots.js';
import type { Channel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { toStored } from '../../model/instant.js';
import type { ContentItem } from '../../model/item.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import type { ItemRow, PublicationRow } from '../../store/schema.js';

/**
 * The unique key of an item's publication on a channel at a slot. Bulletin issues and
 * broadcast weeks get keys of their own (channel + issue, channel + week) from their planners.
 */
export function publicationKey(channelId: string, itemId: string, slot: string): string {
  return `${channelId}/${itemId}@${slot}`;
}

/**
 * What makes two publications the same on the remote side. A channel planned per item
 * carries an item once, so its identity is channel and item, whatever the slot: a post made
 * under another slot (a lost data directory re-planned the item) is found, not repeated.
 */
export function publicationIdentity(channel: Channel, itemId: string, key: string): string {
  return hasCapability(channel, 'plannedPerItem') ? `${channel.id}/${itemId}` : key;
}

/** The zone a channel's local times are read in: that of the first plan it serves. */
export function channelZone(channel: Channel, planZones: ReadonlyMap<string, string>): string {
  for (const serve of channel.serves) {
    const zone = planZones.get(serve.plan);
    if (zone) return zone;
  }
  return DEFAULT_ZONE;
}

/** What planning decided for one item on one channel. */
export type PlanAction =
  | { kind: 'schedule'; key: string; slot: string; plannedBy: string }
  | { kind: 'refresh'; key: string }
  | { kind: 'cancel'; keys: string[]; reason: string }
  | { kind: 'unplannable'; reason: 'no-posting-schedule' };

/** Everything the planner looks at for one item on one channel. */
export interface PlanInput {
  item: ContentItem;
  row: Pick<ItemRow, 'content_hash' | 'slot_override'>;
  channel: Channel;
  zone: string;
  /** The item's existing publications on this channel. */
  existing: PublicationRow[];
  /** Slots of the channel already taken (scheduled or published), UTC ISO. */
  occupied: ReadonlySet<string>;
  now: DateTime;
}

/** The slot an item asks for, or `next` for the channel's next free posting slot. */
export function requestedSlot(
  item: Pick<ContentItem, 'publishAt'>,
  override: string | null,
  zone: string,
): { slot: string; plannedBy: string } | 'next' {
  if (override) return { slot: override, plannedBy: 'override' };
  if (item.publishAt) {
    const local = DateTime.fromISO(item.publishAt.replace(' ', 'T'), { zone });
    return { slot: toStored(local), plannedBy: 'publishAt' };
  }
  return 'next';
}

/** Where to look for a free posting slot of a channel. */
export interface FreeSlotQuery {
  channel: Channel;
  zone: string;
  /** Slots already held (stored form). */
  occupied: ReadonlySet<string>;
  /** Slots strictly after this instant. */
  after: DateTime;
  /** How many slots to look at before giving up (default 100,000). */
  horizon?: number;
}

/** The first posting slot of a schedule strictly after `after` that nobody holds. */
export function nextFreeSlot({
  channel,
  zone,
  occupied,
  after: now,
  horizon = 100_000,
}: FreeSlotQuery): string | undefined {
  if (!channel.postingSchedule) return undefined;
  let seen = 0;
  for (const instant of postingSlotsAfter(channel.postingSchedule, now, zone)) {
    const slot = toStored(instant);
    if (!occupied.has(slot)) return slot;
    if (++seen >= horizon) return undefined;
  }
  return undefined;
}

/**
 * Decides what to do with an approved item on one channel. Pure: the caller applies the
 * actions in a transaction. Rules: a published publication is never planned again; a fixed
 * slot (publishAt or a reschedule) replaces other scheduled ones; `next` keeps a slot once
 * given and never re-plans a missed or failed one by itself.
 */
export function planItemOnChannel(input: PlanInput): PlanAction[] {
  const { existing, row } = input;
  if (existing.some((p) => p.status === 'published')) return [];
  const scheduled = existing.filter((p) => p.status === 'scheduled');
  const refresh = (p: PublicationRow): PlanAction[] =>
    p.content_hash === row.content_hash ? [] : [{ kind: 'refresh', key: p.key }];
  const wanted = requestedSlot(input.item, row.slot_override, input.zone);
  if (wanted !== 'next') {
    const key = publicationKey(input.channel.id, input.item.id, wanted.slot);
    const others = scheduled.filter((p) => p.key !== key).map((p) => p.key);
    const actions: PlanAction[] = others.length
      ? [{ kind: 'cancel', keys: others, reason: 'rescheduled' }]
      : [];
    const same = existing.find((p) => p.key === key);
    if (!same || same.status === 'cancelled') {
      actions.push({ kind: 'schedule', key, slot: wanted.slot, plannedBy: wanted.plannedBy });
    } else if (same.status === 'scheduled') {
      actions.push(...refresh(same));
    }
    return actions;
  }
  const held = scheduled.find((p) => p.planned_by === 'next') ?? scheduled[0];
  if (held) return refresh(held);
  if (existing.some((p) => p.status === 'failed' || p.status === 'missed')) return [];
  const slot = nextFreeSlot({
    channel: input.channel,
    zone: input.zone,
    occupied: input.occupied,
    after: input.now,
  });
  if (!slot) return [{ kind: 'unplannable', reason: 'no-posting-schedule' }];
  return [
    {
      kind: 'schedule',
      key: publicationKey(input.channel.id, input.item.id, slot),
      slot,
      plannedBy: 'next',
    },
  ];
}

/** The planner's order for items waiting for a slot: higher priority first, then oldest. */
export function planningOrder(
  a: { item: Pick<ContentItem, 'priority' | 'id'>; row: Pick<ItemRow, 'created_at'> },
  b: { item: Pick<ContentItem, 'priority' | 'id'>; row: Pick<ItemRow, 'created_at'> },
): number {
  return (
    b.item.priority - a.item.priority ||
    a.row.created_at.localeCompare(b.row.created_at) ||
    a.item.id.localeCompare(b.item.id)
  );
}
