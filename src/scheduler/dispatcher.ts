import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Channel } from '../model/channel.js';
import { fromStored, toStored } from '../model/instant.js';
import type { ContentItem } from '../model/item.js';
import { itemVersions } from '../store/items.js';
import { pausedChannels, recordAttempt, releaseLeases } from '../store/publications.js';
import type { Database } from '../store/schema.js';
import { lateDetail } from '../text/duration.js';
import type {
  DispatchEvent,
  DispatcherOptions,
  DispatchOutcome,
  PassResult,
} from './dispatch-types.js';
import { workFollowUps } from './follow-ups.js';
import { settleItemStatus } from './plan-items.js';
import { HELD, publishOne } from './publish-one.js';
import { SettleBatch } from './settle-batch.js';

/** A lease-holder name unique to this process: host, pid and a random tag. */
export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function emptyCounts(): Record<DispatchOutcome, number> {
  return {
    published: 0,
    reconciled: 0,
    retry: 0,
    failed: 0,
    missed: 0,
    cancelled: 0,
    deferred: 0,
    paused: 0,
    'lost-lease': 0,
    updated: 0,
    withdrawn: 0,
  };
}

/** Channels that can be worked on now, and why the others wait. */
async function activeChannels(options: DispatcherOptions) {
  const paused = await pausedChannels(options.store.db);
  const active: Channel[] = [];
  const waiting: PassResult['waiting'] = [];
  for (const channel of options.channels.values()) {
    const adapter = options.adapters.get(channel.id);
    const readiness = adapter?.readiness?.() ?? { ready: true as const };
    if (!adapter)
      waiting.push({ channel: channel.id, reason: `no adapter for ${channel.kind} yet` });
    else if (!readiness.ready) {
      waiting.push({
        channel: channel.id,
        reason: `not configured: ${readiness.missing.join(', ')}`,
      });
    } else if (paused.has(channel.id)) {
      waiting.push({ channel: channel.id, reason: `paused: ${paused.get(channel.id)}` });
    } else active.push(channel);
  }
  return { active, waiting };
}

/**
 * Marks missed every publication of a channel whose slot is older than the channel's
 * lateness limit and that no worker ever held (those are reconciled first, when claimed).
 */
async function sweepMissed(
  options: DispatcherOptions,
  channel: Channel,
  worker: string,
): Promise<DispatchEvent[]> {
  const now = options.clock.now();
  const limit = toStored(now.minus({ minutes: channel.maxLatenessMinutes }));
  const at = toStored(now);
  return options.store.transaction(async (tx: Kysely<Database>) => {
    const rows = await tx
      .selectFrom('publications')
      .select(['key', 'item_id', 'slot', 'attempts'])
      .where('channel_id', '=', channel.id)
      .where('status', '=', 'scheduled')
      .where('slot', '<', limit)
      .where('lease_owner', 'is', null)
      .where('needs_reconcile', '=', 0)
      .execute();
    const events: DispatchEvent[] = [];
    for (const row of rows) {
      const detail = lateDetail(now.diff(fromStored(row.slot)), channel.maxLatenessMinutes);
      await tx
        .updateTable('publications')
        .set({ status: 'missed', reason: detail, updated_at: at })
        .where('key', '=', row.key)
        .where('status', '=', 'scheduled')
        .execute();
      await recordAttempt(tx, {
        publication_key: row.key,
        attempt: row.attempts,
        worker,
        at,
        outcome: 'missed',
        detail,
      });
      await settleItemStatus(tx, row.item_id, { actor: `dispatcher:${worker}`, at });
      const event: DispatchEvent = {
        at,
        event: 'missed',
        key: row.key,
        channel: channel.id,
        item: row.item_id,
        slot: row.slot,
        detail,
      };
      await options.onOutcome?.(tx, event);
      events.push(event);
    }
    return events;
  });
}

/**
 * One dispatcher pass: for every channel that has a ready, unpaused adapter, report what is
 * past its lateness as missed, claim at most `perChannelPerPass` due publications under a
 * lease, and handle them one by one (channels side by side). On `stop`, what was claimed but
 * not started is released at once.
 */
export async function dispatchPass(options: DispatcherOptions): Promise<PassResult> {
  const worker = options.worker ?? workerName();
  const log = options.log ?? (() => undefined);
  const result: PassResult = { claimed: 0, counts: emptyCounts(), waiting: [], released: 0 };
  const { active, waiting } = await activeChannels(options);
  result.waiting = waiting;
  for (const w of waiting)
    log({
      at: toStored(options.clock.now()),
      event: 'waiting',
      channel: w.channel,
      detail: w.reason,
    });
  if (active.length === 0 || options.stop?.aborted) return result;

  for (const channel of active) {
    for (const event of await sweepMissed(options, channel, worker)) {
      result.counts.missed += 1;
      log(event);
    }
  }
  const now = options.clock.now();
  const leaseSec = options.leaseSec ?? 120;
  const leaseUntil = now.plus({ seconds: leaseSec });
  // Work is only started while a good part of the lease is left.
  const margin = Math.min(5, leaseSec / 4);
  const rows = await options.store.claimDue({
    channels: active.map((c) => c.id),
    now: toStored(now),
    leaseUntil: toStored(leaseUntil),
    worker,
    perChannel: options.perChannelPerPass ?? 20,
  });
  result.claimed = rows.length;
  // Item versions are immutable: read them for the whole claim at once. The item's state is
  // still re-read right before each send.
  const documents: Map<string, ContentItem | undefined> = await itemVersions(
    options.store.db,
    rows.map((r) => ({ id: r.item_id, version: r.item_version })),
  );
  const byChannel = new Map<string, typeof rows>();
  for (const row of rows)
    byChannel.set(row.channel_id, [...(byChannel.get(row.channel_id) ?? []), row]);

  await Promise.all(
    active.map(async (channel) => {
      const channelId = channel.id;
      const list = byChannel.get(channelId) ?? [];
      const adapter = options.adapters.get(channelId);
      const batch = new SettleBatch(options.store, (event) => {
        result.counts[event.event as DispatchOutcome] += 1;
        log(event);
      });
      let index = 0;
      let paused = false;
      for (; index < list.length; index++) {
        // Stop taking work on shutdown, after an auth pause, or before the lease runs short.
        const leaseLeft = leaseUntil.diff(options.clock.now()).as('seconds');
        if (options.stop?.aborted || !adapter || leaseLeft < margin) break;
        const row = list[index];
        if (!row) break;
        const event = await publishOne(options, {
          row,
          channel,
          adapter,
          worker,
          leaseUntil,
          documents,
          batch,
        });
        if (event === HELD) continue;
        result.counts[event.event as DispatchOutcome] += 1;
        log(event);
        if (event.event === 'paused') {
          paused = true;
          index++;
          break;
        }
      }
      await batch.flush();
      // Then what follows publications that went out: edits and withdrawals.
      const leaseLeft = leaseUntil.diff(options.clock.now()).as('seconds');
      if (adapter && !options.stop?.aborted && !paused && leaseLeft >= margin) {
        for (const event of await workFollowUps(options, {
          channel,
          adapter,
          worker,
          leaseUntil,
        })) {
          result.counts[event.event as DispatchOutcome] += 1;
          log(event);
          if (event.event === 'paused') paused = true;
        }
      }
      const rest = list.slice(index).map((r) => r.key);
      if (rest.length > 0) {
        await options.store.transaction((tx) => releaseLeases(tx, rest, worker));
        result.released += rest.length;
        log({
          at: toStored(options.clock.now()),
          event: 'released',
          channel: channelId,
          detail: `${rest.length} publications`,
        });
      }
    }),
  );
  return result;
}
