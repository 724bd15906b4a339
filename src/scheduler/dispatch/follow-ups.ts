import type { DateTime } from 'luxon';
import type { ChannelAdapter, PublishedRef } from '../../channels/types.js';
import type { Channel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { toStored } from '../../model/instant.js';
import {
  anyFollowUpDue,
  claimFollowUps,
  type FollowUpChange,
  releaseFollowUps,
  setFollowUpEvidenceIndex,
  settleFollowUp,
} from '../../store/followups.js';
import { findItem, itemVersion } from '../../store/items.js';
import { changePublication, findPublication, setChannelPaused } from '../../store/publications.js';
import type { FollowUpRow } from '../../store/schema.js';
import type { Db } from '../../store/types.js';
import { publicationIdentity } from '../plan/planner.js';
import { errorText, failureOf } from './adapter-errors.js';
import { callDeadline } from './deadline.js';
import { itemFolder } from './item-folder.js';
import { retryDelaySec } from './retry.js';
import type { DispatchEvent, DispatcherOptions } from './types.js';

/** What working a channel's follow-ups needs beyond the dispatcher options. */
export interface FollowUpWork {
  channel: Channel;
  adapter: ChannelAdapter;
  worker: string;
  leaseUntil: DateTime;
}

/**
 * Claims a channel's due follow-ups and carries each out through the adapter: `update` sends
 * the item's version to the remote copy, `withdraw` takes it down. Both are idempotent on
 * the remote side (WordPress: the same post updated or trashed again), so an unknown
 * outcome is simply tried again. Success writes the follow-up, the publication and the
 * correction entry in one transaction; failures retry with backoff up to the channel's
 * attempts, authentication failures pause the channel.
 */
export async function workFollowUps(
  options: DispatcherOptions,
  work: FollowUpWork,
): Promise<DispatchEvent[]> {
  const { store, clock } = options;
  const { channel, worker } = work;
  if (
    !hasCapability(channel, 'plannedPerItem') ||
    !(await anyFollowUpDue(store, toStored(clock.now())))
  ) {
    return [];
  }
  const claimed = await store.transaction((tx) =>
    claimFollowUps(tx, {
      channel: channel.id,
      now: toStored(clock.now()),
      leaseUntil: toStored(work.leaseUntil),
      worker,
      limit: options.perChannelPerPass ?? 20,
    }),
  );
  const events: DispatchEvent[] = [];
  for (const followUp of claimed) {
    if (options.stop?.aborted) break;
    const event = await workOne(options, work, followUp);
    if (event) events.push(event);
    if (event?.event === 'paused') break;
  }
  // What was claimed and not started goes back at once.
  const started = new Set(events.map((e) => e.key));
  const left = claimed.filter((f) => !started.has(followUpKey(f))).map((f) => f.id);
  if (left.length > 0) await store.transaction((tx) => releaseFollowUps(tx, left, worker));
  return events;
}

/** The key a follow-up's events carry: its publication's key and its action. */
function followUpKey(f: FollowUpRow): string {
  return `${f.publication_key}#${f.action}-${f.id}`;
}

async function workOne(
  options: DispatcherOptions,
  work: FollowUpWork,
  followUp: FollowUpRow,
): Promise<DispatchEvent | undefined> {
  const { store, clock } = options;
  const { channel, adapter, worker } = work;
  const attempt = followUp.attempts + 1;
  const publication = await findPublication(store, followUp.publication_key);
  const event = (kind: DispatchEvent['event'], detail?: string): DispatchEvent => ({
    at: toStored(clock.now()),
    event: kind,
    key: followUpKey(followUp),
    channel: channel.id,
    ...(publication ? { item: publication.item_id, slot: publication.slot } : {}),
    attempt,
    ...(detail ? { detail } : {}),
  });
  const settle = async (
    change: Omit<FollowUpChange, 'updated_at'>,
    after?: (tx: Db, at: string) => Promise<void>,
  ) => {
    const at = toStored(clock.now());
    return store.transaction(async (tx) => {
      const ok = await settleFollowUp(tx, followUp.id, worker, { ...change, updated_at: at });
      if (ok && after) await after(tx, at);
      return ok;
    });
  };

  if (!publication?.external_id || publication.status !== 'published') {
    const detail = publication ? `publication ${publication.status}` : 'publication missing';
    await settle({ status: 'superseded', last_error: detail });
    return event('cancelled', detail);
  }
  const ref: PublishedRef = {
    externalId: publication.external_id,
    ...(publication.url ? { url: publication.url } : {}),
    publishedAt: publication.published_at ?? publication.updated_at,
  };
  const bound = callDeadline({
    channel,
    leaseUntil: work.leaseUntil,
    clock,
    ...(options.callTimeoutSec === undefined ? {} : { defaultTimeoutSec: options.callTimeoutSec }),
  });
  const signal = bound.signal;

  let updated: PublishedRef | undefined;
  try {
    if (followUp.action === 'withdraw') {
      if (!adapter.withdraw) return unsupported('withdraw');
      await adapter.withdraw(ref, signal);
    } else {
      if (!adapter.update) return unsupported('update');
      const item = await itemVersion(store, publication.item_id, followUp.item_version);
      const row = await findItem(store, publication.item_id);
      if (!item || !row) {
        await settle({ status: 'superseded', last_error: 'version missing' });
        return event('cancelled', 'version missing');
      }
      updated = await adapter.update(
        ref,
        {
          key: publication.key,
          identity: publicationIdentity(channel, publication.item_id, publication.key),
          channel,
          item,
          contentHash: followUp.content_hash,
          slot: publication.slot,
          attempt,
          itemDir: itemFolder(row, options.contentDir),
        },
        signal,
      );
    }
  } catch (error) {
    return retryOrFail(error);
  } finally {
    bound.clear();
  }

  const kind = followUp.action === 'withdraw' ? 'withdrawn' : 'updated';
  const detail = followUp.action === 'withdraw' ? ref.url : (updated?.url ?? ref.url);
  const kept = await settle(
    { status: 'done', attempts: attempt, last_error: null },
    async (tx, at) => {
      const change =
        followUp.action === 'withdraw'
          ? { status: 'withdrawn' as const, reason: 'withdrawn', updated_at: at }
          : {
              item_version: followUp.item_version,
              content_hash: followUp.content_hash,
              sent_hash: followUp.content_hash,
              external_id: updated?.externalId ?? publication.external_id,
              url: updated?.url ?? publication.url,
              updated_at: at,
            };
      const after = await changePublication(tx, publication.key, change);
      const index = await options.onFollowUp?.(tx, { followUp, publication: after, at, worker });
      if (index !== undefined) await setFollowUpEvidenceIndex(tx, followUp.id, index);
    },
  );
  return kept ? event(kind, detail ?? undefined) : event('lost-lease');

  async function unsupported(what: string): Promise<DispatchEvent> {
    const detail = `the ${channel.kind} adapter cannot ${what}`;
    await settle({ status: 'unsupported', last_error: detail });
    return event('cancelled', detail);
  }

  async function retryOrFail(error: unknown): Promise<DispatchEvent> {
    const text = errorText(error);
    const kind = failureOf(error);
    if (kind === 'auth') {
      const at = toStored(clock.now());
      await store.transaction(async (tx) => {
        await setChannelPaused(tx, channel.id, true, text, at);
        await settleFollowUp(tx, followUp.id, worker, { last_error: text, updated_at: at });
      });
      return event('paused', text);
    }
    if (kind === 'permanent' || attempt >= channel.retry.maxAttempts) {
      await settle({ status: 'failed', attempts: attempt, last_error: text });
      return event('failed', text);
    }
    const delay = retryDelaySec(attempt, channel.retry.baseDelaySec, options.random);
    await settle({
      attempts: attempt,
      due_at: toStored(clock.now().plus({ seconds: delay })),
      last_error: text,
    });
    return event('retry', `${kind}: ${text}`);
  }
}
