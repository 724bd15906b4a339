import { type DateTime, Duration } from 'luxon';
import type { ChannelAdapter, PublishedRef } from '../../channels/types.js';
import type { FailureKind } from '../../errors/loa-error.js';
import type { Channel } from '../../model/channel.js';
import { fromStored, toStored } from '../../model/instant.js';
import type { ContentItem } from '../../model/item.js';
import { itemVersion } from '../../store/items.js';
import type { ItemBeforeSend } from '../../store/items-before-send.js';
import { hasWithdrawnPublication } from '../../store/publications.js';
import { type ItemRow, type PublicationRow, UNAPPROVED } from '../../store/schema.js';
import { lateDetail } from '../../text/duration.js';
import { publicationIdentity } from '../plan/planner.js';
import { errorText, failureOf } from './adapter-errors.js';
import { callDeadline } from './deadline.js';
import { itemFolder } from './item-folder.js';
import type { Outcome } from './outcome.js';
import { retryDelaySec } from './retry.js';
import type { DispatcherOptions } from './types.js';

/** One claimed publication, and what handling it needs beyond the dispatcher options. */
export interface Claimed {
  row: PublicationRow;
  channel: Channel;
  adapter: ChannelAdapter;
  leaseUntil: DateTime;
  /** Item documents read this pass, by `id@version`. */
  documents: Map<string, ContentItem | undefined>;
  /** Reads the item of this publication right before its send. */
  item: () => Promise<ItemBeforeSend | undefined>;
}

/** The steps' shared view: the dispatcher options and the claimed publication. */
type Step = Pick<
  DispatcherOptions,
  'store' | 'clock' | 'callTimeoutSec' | 'random' | 'contentDir'
> &
  Claimed;

/**
 * Decides what becomes of one claimed publication, in four steps, and writes nothing:
 * 1. `reconcile`: an attempt that may have been sent is looked up with the adapter's `find`;
 * 2. `refuseLate`: later than the channel's lateness limit, it is missed;
 * 3. `checkItem`: the item, re-read now, must still be approved in the planned version;
 * 4. `send`: the adapter publishes it; an error becomes a retry, a failure or a pause.
 * The caller records the outcome (see `Settler`).
 */
export async function publishOne(options: DispatcherOptions, claimed: Claimed): Promise<Outcome> {
  const step: Step = { ...options, ...claimed };
  const reconciled = await reconcile(step);
  if (reconciled) return reconciled;
  const late = refuseLate(step);
  if (late) return late;
  const checked = await checkItem(step);
  if ('kind' in checked) return checked;
  return send(step, checked);
}

/** The attempt number of a send now. */
function nextAttempt(step: Step): number {
  return step.row.attempts + 1;
}

/** Adapter calls are bounded by the channel's timeout and what is left of the lease. */
function boundOf(step: Step) {
  return callDeadline({
    channel: step.channel,
    leaseUntil: step.leaseUntil,
    clock: step.clock,
    ...(step.callTimeoutSec === undefined ? {} : { defaultTimeoutSec: step.callTimeoutSec }),
  });
}

/**
 * Step 1. A publication whose earlier attempt may have been sent (`needs_reconcile`) is
 * looked up on the remote side. Found: it went out (or was withdrawn there); not found: the
 * next steps send it. Undefined: go on.
 */
async function reconcile(step: Step): Promise<Outcome | undefined> {
  const { row, channel, adapter } = step;
  if (!row.needs_reconcile) return undefined;
  const identity = publicationIdentity(channel, row.item_id, row.key);
  const bound = boundOf(step);
  let found: PublishedRef | undefined;
  try {
    found = await adapter.find(row.key, bound.signal, identity);
  } catch (error) {
    return failed(step, error, 'unknown');
  } finally {
    bound.clear();
  }
  const attempt = Math.max(1, row.attempts);
  if (found?.withdrawn) {
    const byLoa = await hasWithdrawnPublication(step.store, row.channel_id, row.item_id, row.key);
    return byLoa ? undefined : { kind: 'found-withdrawn', attempt, ref: found };
  }
  return found ? { kind: 'reconciled', attempt, ref: found } : undefined;
}

/** Step 2. Later than the channel's lateness limit: missed, not sent. */
function refuseLate(step: Step): Outcome | undefined {
  const { row, channel } = step;
  // NOTE: millisecond arithmetic: luxon's diff is slow for a step taken per publication.
  const lateMs = step.clock.now().toMillis() - fromStored(row.slot).toMillis();
  if (lateMs <= channel.maxLatenessMinutes * 60_000) return undefined;
  const detail = lateDetail(Duration.fromMillis(lateMs), channel.maxLatenessMinutes);
  return { kind: 'missed', attempt: row.attempts, detail };
}

/** What a send needs, once the item was found fit to go out. */
interface Checked {
  item: ItemRow;
  document: ContentItem;
  /** loa itself took an earlier post of the item on this channel down: a new one is made. */
  republish: boolean;
}

/**
 * Step 3. The item, re-read right before the send: removed, withdrawn or back to draft, it
 * is cancelled; edited since planning, the old form never goes out (deferred: planning
 * points the publication at the new version, a later pass sends that).
 */
async function checkItem(step: Step): Promise<Checked | Outcome> {
  const { row, store } = step;
  const found = await step.item();
  const item = found?.item;
  if (!item || item.status === 'withdrawn' || UNAPPROVED.has(item.status)) {
    return {
      kind: 'cancelled',
      attempt: row.attempts,
      reason: item ? item.status : 'item removed',
    };
  }
  if (item.content_hash !== row.content_hash || item.version !== row.item_version) {
    const detail = `edited since planning (v${row.item_version} → v${item.version})`;
    return { kind: 'deferred', attempt: row.attempts, detail };
  }
  const docKey = `${row.item_id}@${row.item_version}`;
  if (!step.documents.has(docKey)) {
    step.documents.set(docKey, await itemVersion(store, row.item_id, row.item_version));
  }
  const document = step.documents.get(docKey);
  if (!document)
    return { kind: 'cancelled', attempt: nextAttempt(step), reason: 'version missing' };
  return { item, document, republish: found.withdrawnByLoa };
}

/** Step 4. The adapter publishes it (or says it was already there, or withdrawn there). */
async function send(step: Step, checked: Checked): Promise<Outcome> {
  const { row, channel, adapter } = step;
  const attempt = nextAttempt(step);
  const bound = boundOf(step);
  try {
    const ref = await adapter.publish(
      {
        key: row.key,
        identity: publicationIdentity(channel, row.item_id, row.key),
        ...(checked.republish ? { republish: true } : {}),
        channel,
        item: checked.document,
        contentHash: row.content_hash,
        slot: row.slot,
        attempt,
        itemDir: itemFolder(checked.item, step.contentDir),
      },
      bound.signal,
    );
    if (ref.withdrawn) return { kind: 'found-withdrawn', attempt, ref };
    return { kind: ref.existing ? 'reconciled' : 'published', attempt, ref };
  } catch (error) {
    return failed(step, error, failureOf(error));
  } finally {
    bound.clear();
  }
}

/**
 * An adapter's error as an outcome: refused credentials pause the channel (rather than
 * retry in a storm); a permanent error, or the channel's last attempt, fails; anything else
 * is tried again after a backoff.
 */
function failed(step: Step, error: unknown, failure: FailureKind): Outcome {
  const { channel, clock } = step;
  const attempt = nextAttempt(step);
  const text = errorText(error);
  if (failure === 'auth') return { kind: 'paused', attempt, text };
  if (failure === 'permanent' || attempt >= channel.retry.maxAttempts) {
    return { kind: 'failed', attempt, failure, text };
  }
  const delay = retryDelaySec(attempt, channel.retry.baseDelaySec, step.random);
  const dueAt = toStored(clock.now().plus({ seconds: delay }));
  return { kind: 'retry', attempt, failure, text, dueAt };
}
