import type { DateTime } from 'luxon';
import type { Channel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { toStored } from '../../model/instant.js';
import { type Actor, findItem, itemVersion } from '../../store/items.js';
import { LOCKS, lockFor } from '../../store/locks.js';
import {
  cancelPublications,
  occupiedSlots,
  publicationsOfItem,
  refreshPublication,
  schedulePublication,
} from '../../store/publications.js';
import type { ItemRow, PublicationRow } from '../../store/schema.js';
import { settleItemStatus } from '../../store/settlement.js';
import type { Db } from '../../store/types.js';
import { planFollowUps } from './follow-ups.js';
import { channelZone, planItemOnChannel, planningOrder } from './planner.js';

/** The configuration planning needs: channels by id and each plan's zone. */
export interface PlanningConfig {
  channels: ReadonlyMap<string, Channel>;
  planZones: ReadonlyMap<string, string>;
  /** Each plan's topic titles by topic id (the Vietnamese names tags are given). */
  planTopics?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** What one planning run did. */
export interface PlanReport {
  scheduled: number;
  refreshed: number;
  cancelled: number;
  /** Updates and withdrawals of remote copies that went out, planned this run. */
  followUps: number;
  /** Item × channel pairs that could not be planned, and why. */
  unplannable: { item: string; channel: string; reason: string }[];
}

const ACTIVE = new Set(['approved', 'scheduled']);

/** What a planning run is asked: which items, under which configuration, when and by whom. */
export interface PlanRequest {
  ids: readonly string[];
  config: PlanningConfig;
  now: DateTime;
  by: Actor;
}

/**
 * Plans the given items inside a transaction: approved items get publications on their
 * item-planned channels (wordpress, files); items no longer approved lose their scheduled
 * ones. Channels of other kinds (bulletin, broadcast) are left to their own planners.
 */
export async function planItems(
  tx: Db,
  { ids, config, now, by }: PlanRequest,
): Promise<PlanReport> {
  await lockFor(tx, LOCKS.planning);
  const report: PlanReport = {
    scheduled: 0,
    refreshed: 0,
    cancelled: 0,
    followUps: 0,
    unplannable: [],
  };
  const stamp = toStored(now);
  const rows: {
    row: ItemRow;
    item: NonNullable<Awaited<ReturnType<typeof itemVersion>>>;
    existingAll: PublicationRow[];
  }[] = [];
  for (const id of ids) {
    const row = await findItem(tx, id);
    if (!row) continue;
    // Read once: planning other items never touches this item's publications.
    const existingAll = await publicationsOfItem(tx, id);
    report.followUps += await planFollowUps(tx, {
      item: row,
      publications: existingAll,
      channels: config.channels,
      now: stamp,
    });
    if (!ACTIVE.has(row.status)) {
      const pending = existingAll.filter((p) => p.status === 'scheduled');
      report.cancelled += await cancelPublications(
        tx,
        pending.map((p) => p.key),
        row.status,
        stamp,
      );
      continue;
    }
    const item = await itemVersion(tx, id, row.version);
    if (item) rows.push({ row, item, existingAll });
  }
  rows.sort(planningOrder);
  const occupiedBy = new Map<string, Set<string>>();
  for (const { row, item, existingAll } of rows) {
    const wantedChannels = new Set(item.channels);
    const dropped = existingAll.filter(
      (p) => p.status === 'scheduled' && !wantedChannels.has(p.channel_id),
    );
    report.cancelled += await cancelPublications(
      tx,
      dropped.map((p) => p.key),
      'channel-removed',
      stamp,
    );
    for (const channelId of item.channels) {
      const channel = config.channels.get(channelId);
      if (!channel) {
        report.unplannable.push({ item: row.id, channel: channelId, reason: 'unknown-channel' });
        continue;
      }
      if (!hasCapability(channel, 'plannedPerItem')) continue;
      let occupied = occupiedBy.get(channelId);
      if (!occupied) {
        occupied = await occupiedSlots(tx, channelId);
        occupiedBy.set(channelId, occupied);
      }
      const actions = planItemOnChannel({
        item,
        row,
        channel,
        zone: channelZone(channel, config.planZones),
        existing: existingAll.filter((p) => p.channel_id === channelId),
        occupied,
        now,
      });
      for (const action of actions) {
        switch (action.kind) {
          case 'schedule':
            await schedulePublication(tx, {
              key: action.key,
              item: row,
              channelId,
              slot: action.slot,
              plannedBy: action.plannedBy,
              now: stamp,
              // Planned only after its window closed (a new or restored data folder, loa
              // down for longer than the lateness): this store cannot know that no earlier
              // run sent it, so the channel is asked before it is reported missed.
              askFirst: action.slot < toStored(now.minus({ minutes: channel.maxLatenessMinutes })),
            });
            occupied.add(action.slot);
            report.scheduled += 1;
            break;
          case 'refresh':
            await refreshPublication(tx, action.key, row, stamp);
            report.refreshed += 1;
            break;
          case 'cancel':
            report.cancelled += await cancelPublications(tx, action.keys, action.reason, stamp);
            break;
          case 'unplannable':
            report.unplannable.push({ item: row.id, channel: channelId, reason: action.reason });
            break;
        }
      }
    }
    await settleItemStatus(tx, row.id, by);
  }
  return report;
}
