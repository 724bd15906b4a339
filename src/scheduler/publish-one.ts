import type { Kysely } from 'kysely';
import type { DateTime } from 'luxon';
import type { ChannelAdapter, PublishedRef } from '../channels/types.js';
import type { FailureKind } from '../errors/loa-error.js';
import type { Channel } from '../model/channel.js';
import { fromStored, toStored } from '../model/instant.js';
import type { ContentItem } from '../model/item.js';
import { findItem, itemVersion, setItemStatus } from '../store/items.js';
import {
  hasWithdrawnPublication,
  recordAttempt,
  setChannelPaused,
  settlePublication,
} from '../store/publications.js';
import type { Database, PublicationRow, PublicationUpdate } from '../store/schema.js';
import { lateDetail } from '../text/duration.js';
import { errorText, failureOf } from './adapter-errors.js';
import { deadline } from './deadline.js';
import type { DispatchEvent, DispatcherOptions, DispatchOutcome } from './dispatch-types.js';
import { itemFolder } from './item-folder.js';
import { settleItemStatus } from './plan-items.js';
import { publicationIdentity } from './planner.js';
import { retryDelaySec } from './retry.js';
import type { SettleBatch } from './settle-batch.js';

/** What handling one claimed publication needs beyond the dispatcher options. */
export interface Claimed {
  row: PublicationRow;
  channel: Channel;
  adapter: ChannelAdapter;
  worker: string;
  leaseUntil: DateTime;
  /** Item documents read this pass, by `id@version`. */
  documents: Map<string, ContentItem | undefined>;
  /** Where successes are held to be recorded several per transaction; absent: one each. */
  batch?: SettleBatch;
}

/** Returned for a success held in the batch: the batch reports it once it is committed. */
export const HELD = 'held' as const;

/**
 * Handles one claimed publication: reconcile a possibly-sent attempt through `find`, refuse
 * it when late beyond the channel's limit, re-check the item (withdrawn or edited since
 * planning: nothing goes out), call the adapter, and write the outcome, the item's new state
 * and the attempt in one transaction, only while the lease is still ours.
 */
export async function publishOne(
  options: DispatcherOptions,
  claimed: Claimed,
): Promise<DispatchEvent | typeof HELD> {
  const { store, clock } = options;
  const { row, channel, adapter, worker } = claimed;
  const attempt = row.attempts + 1;
  const base = { key: row.key, channel: row.channel_id, item: row.item_id, slot: row.slot };
  const event = (kind: DispatchOutcome, detail?: string, n = attempt): DispatchEvent => ({
    at: toStored(clock.now()),
    event: kind,
    ...base,
    attempt: n,
    ...(detail ? { detail } : {}),
  });

  const settle = async (
    kind: DispatchOutcome,
    change: PublicationUpdate,
    detail: string | null,
    ref?: PublishedRef,
    n = attempt,
    alsoWrite?: (tx: Kysely<Database>) => Promise<void>,
  ): Promise<DispatchEvent | typeof HELD> => {
    const at = toStored(clock.now());
    const done = event(kind, detail ?? undefined, n);
    const write = async (tx: Kysely<Database>) => {
      const ok = await settlePublication(tx, row.key, worker, { ...change, updated_at: at });
      if (!ok) return false;
      await alsoWrite?.(tx);
      await recordAttempt(tx, {
        publication_key: row.key,
        attempt: n,
        worker,
        at,
        outcome: kind,
        detail,
      });
      if (change.status && change.status !== 'scheduled') {
        await settleItemStatus(tx, row.item_id, { actor: `dispatcher:${worker}`, at });
        await options.onOutcome?.(tx, { ...done, externalId: ref?.externalId, url: ref?.url });
      }
      return true;
    };
    if (claimed.batch && (kind === 'published' || kind === 'reconciled')) {
      await claimed.batch.add(write, done);
      return HELD;
    }
    const kept = await store.transaction(write);
    return kept ? done : event('lost-lease', detail ?? undefined, n);
  };

  const published = (ref: PublishedRef, kind: 'published' | 'reconciled', n: number) =>
    settle(
      kind,
      {
        status: 'published',
        attempts: n,
        needs_reconcile: 0,
        external_id: ref.externalId,
        url: ref.url ?? null,
        published_at: ref.publishedAt,
        sent_hash: row.content_hash,
        reason: kind === 'reconciled' ? 'found on the remote side, not sent again' : null,
      },
      ref.url ?? ref.externalId,
      ref,
      n,
    );

  /**
   * The portal already has this publication's post, in its trash: the item was withdrawn
   * there (before a lost data directory, or by the portal's own editors). It stays withdrawn:
   * the publication and the item are recorded as withdrawn, nothing is posted again and no
   * evidence is written.
   */
  const foundWithdrawn = (ref: PublishedRef, n: number) => {
    const detail = `found withdrawn on the portal (${ref.url ?? ref.externalId})`;
    return settle(
      'withdrawn',
      {
        status: 'withdrawn',
        attempts: n,
        needs_reconcile: 0,
        external_id: ref.externalId,
        url: ref.url ?? null,
        published_at: ref.publishedAt,
        reason: detail,
      },
      detail,
      undefined,
      n,
      async (tx) => {
        const item = await findItem(tx, row.item_id);
        if (item && item.status !== 'withdrawn') {
          const by = { actor: `dispatcher:${worker}`, at: toStored(clock.now()) };
          await setItemStatus(tx, item, 'withdrawn', by, detail);
        }
      },
    );
  };
  const identity = publicationIdentity(channel, row.item_id, row.key);

  /** Each adapter call is bounded by the channel's timeout and what is left of the lease. */
  const callDeadline = () => {
    const remainingMs = claimed.leaseUntil.diff(clock.now()).as('milliseconds') - 1_000;
    const timeoutSec =
      'timeoutSec' in channel ? channel.timeoutSec : (options.callTimeoutSec ?? 30);
    return deadline(Math.max(1, Math.min(timeoutSec * 1000, remainingMs)));
  };

  if (row.needs_reconcile) {
    let found: PublishedRef | undefined;
    const bound = callDeadline();
    try {
      found = await adapter.find(row.key, bound.signal, identity);
    } catch (error) {
      return retryOrFail(error, 'unknown');
    } finally {
      bound.clear();
    }
    if (found?.withdrawn && !(await withdrawnByLoa())) {
      return foundWithdrawn(found, Math.max(1, row.attempts));
    }
    if (found && !found.withdrawn) {
      return published(found, 'reconciled', Math.max(1, row.attempts));
    }
  }

  const now = clock.now();
  const lateMin = now.diff(fromStored(row.slot)).as('minutes');
  if (lateMin > channel.maxLatenessMinutes) {
    const detail = lateDetail(now.diff(fromStored(row.slot)), channel.maxLatenessMinutes);
    return settle(
      'missed',
      { status: 'missed', needs_reconcile: 0, reason: detail },
      detail,
      undefined,
      row.attempts,
    );
  }

  const item = await findItem(store.db, row.item_id);
  if (!item || item.status === 'withdrawn' || item.status === 'draft') {
    const reason = item ? item.status : 'item removed';
    return settle(
      'cancelled',
      { status: 'cancelled', needs_reconcile: 0, reason },
      reason,
      undefined,
      row.attempts,
    );
  }
  if (item.content_hash !== row.content_hash || item.version !== row.item_version) {
    // The item changed after this publication was planned: the old form never goes out.
    // Planning points the publication at the new version; a later pass sends that.
    const detail = `edited since planning (v${row.item_version} → v${item.version})`;
    return settle('deferred', { needs_reconcile: 0 }, detail, undefined, row.attempts);
  }
  const docKey = `${row.item_id}@${row.item_version}`;
  if (!claimed.documents.has(docKey)) {
    claimed.documents.set(docKey, await itemVersion(store.db, row.item_id, row.item_version));
  }
  const document = claimed.documents.get(docKey);
  if (!document) {
    return settle(
      'cancelled',
      { status: 'cancelled', reason: 'version missing' },
      'version missing',
    );
  }

  const republish = await withdrawnByLoa();
  const bound = callDeadline();
  try {
    const ref = await adapter.publish(
      {
        key: row.key,
        identity,
        ...(republish ? { republish } : {}),
        channel,
        item: document,
        contentHash: row.content_hash,
        slot: row.slot,
        attempt,
        itemDir: itemFolder(item, options.contentDir),
      },
      bound.signal,
    );
    bound.clear();
    if (ref.withdrawn) return foundWithdrawn(ref, attempt);
    return published(ref, ref.existing ? 'reconciled' : 'published', attempt);
  } catch (error) {
    bound.clear();
    return retryOrFail(error, failureOf(error));
  }

  /**
   * Whether loa itself took this item's earlier post on the channel down (a publication
   * recorded withdrawn): the item was approved again since, so its post in the trash is
   * history and a new one is made.
   */
  function withdrawnByLoa(): Promise<boolean> {
    return hasWithdrawnPublication(store.db, row.channel_id, row.item_id, row.key);
  }

  async function retryOrFail(
    error: unknown,
    kind: FailureKind,
  ): Promise<DispatchEvent | typeof HELD> {
    const text = errorText(error);
    const at = toStored(clock.now());
    if (kind === 'auth') {
      // 401/403: stop the whole channel rather than retry in a storm; nothing fails.
      await store.transaction(async (tx) => {
        await setChannelPaused(tx, channel.id, true, text, at);
        await settlePublication(tx, row.key, worker, { last_error: text, updated_at: at });
        await recordAttempt(tx, {
          publication_key: row.key,
          attempt,
          worker,
          at,
          outcome: 'auth',
          detail: text,
        });
      });
      return event('paused', text);
    }
    if (kind === 'permanent' || attempt >= channel.retry.maxAttempts) {
      return settle(
        'failed',
        { status: 'failed', attempts: attempt, last_error: text, reason: kind },
        text,
      );
    }
    const delay = retryDelaySec(attempt, channel.retry.baseDelaySec, options.random);
    return settle(
      'retry',
      {
        attempts: attempt,
        due_at: toStored(clock.now().plus({ seconds: delay })),
        needs_reconcile: kind === 'unknown' ? 1 : 0,
        last_error: text,
      },
      `${kind}: ${text}`,
    );
  }
}
