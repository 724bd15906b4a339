import { hasCapability } from '../model/channel-kinds.js';
import { DEFAULT_ZONE } from '../model/primitives.js';
import type { PlanningConfig } from '../scheduler/plan/items.js';
import { channelZone } from '../scheduler/plan/planner.js';
import { itemVersion, listItems } from '../store/items.js';
import { listPublications } from '../store/publications.js';
import type { ItemStatus } from '../store/schema.js';
import type { Db } from '../store/types.js';
import { localTime } from './who-and-when.js';

/** One queued item as `loa queue list --json`, the API and the queue page show it. */
export interface QueueEntry {
  id: string;
  title: string | undefined;
  status: ItemStatus;
  version: number;
  /** The SHA-256 of the current version's content: what an approval is bound to. */
  contentHash: string;
  source: string;
  channels: string[];
  /**
   * Where the item stands on each of its portal and files channels: the state of its latest
   * publication there (not cancelled ones), `none` when nothing is planned there yet. Other
   * channels (bulletin, broadcast) carry items inside issues and programmes, not one by one.
   */
  channelStates: { channel: string; status: string }[];
  /** The next scheduled publication, with its slot in the plan's zone. */
  next: { channel: string; slot: string; local: string } | null;
  publications: {
    key: string;
    channel: string;
    slot: string | null;
    status: string;
    reason: string | null;
  }[];
}

/** Which items to list: by state, and by channel (items meant for it). */
export interface QueueFilter {
  status?: ItemStatus;
  channel?: string;
}

/** The queue: each item with its state, channels, next slot and publications. */
export async function queueEntries(
  db: Db,
  config: PlanningConfig,
  filter: QueueFilter = {},
): Promise<QueueEntry[]> {
  const rows = await listItems(db, filter.status ? { status: filter.status } : {});
  const pubs = await listPublications(db, filter.channel ? { channel: filter.channel } : {});
  const listed: QueueEntry[] = [];
  for (const row of rows) {
    const item = await itemVersion(db, row.id, row.version);
    const channels = item?.channels ?? [];
    if (filter.channel && !channels.includes(filter.channel)) continue;
    const own = pubs.filter((p) => p.item_id === row.id);
    const next = own.find((p) => p.status === 'scheduled');
    const channel = next ? config.channels.get(next.channel_id) : undefined;
    const zone = channel ? channelZone(channel, config.planZones) : DEFAULT_ZONE;
    listed.push({
      id: row.id,
      title: item?.title,
      status: row.status,
      version: row.version,
      contentHash: row.content_hash,
      source: row.source,
      channels,
      channelStates: channels
        .filter((c) => hasCapability(config.channels.get(c), 'plannedPerItem'))
        .map((c) => ({
          channel: c,
          status:
            own.findLast((p) => p.channel_id === c && p.status !== 'cancelled')?.status ?? 'none',
        })),
      next: next
        ? { channel: next.channel_id, slot: next.slot, local: localTime(next.slot, zone) }
        : null,
      publications: own.map((p) => ({
        key: p.key,
        channel: p.channel_id,
        slot: p.slot,
        status: p.status,
        reason: p.reason,
      })),
    });
  }
  return listed;
}
