import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { withoutAdapter } from '../../channels/registry.js';
import type { Channel } from '../../model/channel.js';
import { toStored } from '../../model/instant.js';
import type { ContentItem } from '../../model/item.js';
import { itemVersions } from '../../store/items.js';
import { pausedChannels, releaseLeases } from '../../store/publications.js';
import { workFollowUps } from './follow-ups.js';
import { ItemsBeforeSend } from './items-before-send.js';
import { publishOne } from './publish-one.js';
import { Settler } from './settler.js';
import { sweepMissed } from './sweep-missed.js';
import type { DispatcherOptions, DispatchOutcome, PassResult } from './types.js';

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
  const paused = await pausedChannels(options.store);
  const active: Channel[] = [];
  const waiting: PassResult['waiting'] = [];
  for (const channel of options.channels.values()) {
    const adapter = options.adapters.get(channel.id);
    const readiness = adapter?.readiness?.() ?? { ready: true as const };
    if (!adapter) {
      // A broadcast or ingest channel is not published to: nothing of it waits.
      if (withoutAdapter(channel.kind) === 'CHANNEL_NO_ADAPTER')
        waiting.push({ channel: channel.id, reason: `no adapter for ${channel.kind} yet` });
    } else if (!readiness.ready) {
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
  // still re-read right before each send (see ItemsBeforeSend).
  const documents: Map<string, ContentItem | undefined> = await itemVersions(
    options.store,
    rows.map((r) => ({ id: r.item_id, version: r.item_version })),
  );
  const byChannel = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byChannel.get(row.channel_id);
    if (list) list.push(row);
    else byChannel.set(row.channel_id, [row]);
  }

  await Promise.all(
    active.map(async (channel) => {
      const channelId = channel.id;
      const list = byChannel.get(channelId) ?? [];
      const adapter = options.adapters.get(channelId);
      const settler = new Settler({
        store: options.store,
        clock: options.clock,
        onOutcome: options.onOutcome,
        worker,
        onSettled: (event) => {
          result.counts[event.event as DispatchOutcome] += 1;
          log(event);
        },
      });
      const items = new ItemsBeforeSend(options.store, list);
      let index = 0;
      let paused = false;
      for (; index < list.length; index++) {
        // Stop taking work on shutdown, after an auth pause, or before the lease runs short.
        const leaseLeft = (leaseUntil.toMillis() - options.clock.now().toMillis()) / 1000;
        if (options.stop?.aborted || !adapter || leaseLeft < margin) break;
        const row = list[index];
        if (!row) break;
        const at = index;
        const outcome = await publishOne(options, {
          row,
          channel,
          adapter,
          leaseUntil,
          documents,
          item: () => items.at(at),
        });
        await settler.record(row, outcome);
        if (outcome.kind === 'paused') {
          paused = true;
          index++;
          break;
        }
      }
      await settler.flush();
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
