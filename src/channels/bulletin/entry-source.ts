import { DateTime } from 'luxon';
import { LoaError } from '../../errors/loa-error.js';
import type { BulletinChannel } from '../../model/channel.js';
import { fromStored, toStored } from '../../model/instant.js';
import type { ContentItem } from '../../model/item.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { currentItemsIn, itemMovesTo, publishedUrls } from '../../store/bulletin-sources.js';
import type { AdapterFactory } from '../types.js';
import { type BulletinEntrySource, createBulletinAdapter } from './adapter.js';
import type { BulletinEntry } from './model.js';

/** A connection or transaction of the store. */
type StoreDb = Parameters<typeof currentItemsIn>[0];

/** Item states in which an item counts as approved for a bulletin. */
const APPROVED_STATES = ['approved', 'scheduled', 'published', 'failed'] as const;

/** States from which a move to `approved` is an approval (not a re-plan or an edit). */
const BEFORE_APPROVAL = new Set<string | null>([null, 'draft', 'submitted', 'withdrawn']);

/** What the store-backed entries need beyond the database. */
export interface StoreEntryOptions {
  /** The zone a `publishAt` without offset is read in (the plan's). */
  zone?: string;
  /** A portal channel: an item published there links to its post instead of the issue anchor. */
  portal?: string;
}

/**
 * The approved items offered to a bulletin channel, from the store: items (not the issue
 * records loa makes itself) whose current version lists the channel and that are approved,
 * scheduled, published or failed elsewhere. `at` is when the item was approved, or its
 * `publishAt` when later, so that an item written ahead waits for its issue.
 */
export async function bulletinEntries(
  db: StoreDb,
  channelId: string,
  options: StoreEntryOptions = {},
): Promise<BulletinEntry[]> {
  const zone = options.zone ?? DEFAULT_ZONE;
  const rows = await currentItemsIn(db, APPROVED_STATES, 'bulletin');
  const offered = rows
    .map((row) => ({ row, item: JSON.parse(row.document) as ContentItem }))
    .filter(({ item }) => item.channels.includes(channelId));
  if (offered.length === 0) return [];
  const ids = offered.map(({ row }) => row.id);
  const approvals = await itemMovesTo(db, ids, 'approved');
  const approvedAt = new Map<string, string>();
  for (const event of approvals) {
    if (BEFORE_APPROVAL.has(event.from_status)) approvedAt.set(event.item_id, event.at);
  }
  const urls = new Map<string, string>();
  if (options.portal) {
    const posts = await publishedUrls(db, options.portal, ids);
    for (const post of posts) if (post.url?.startsWith('http')) urls.set(post.item_id, post.url);
  }
  return offered.map(({ row, item }) => {
    let at = fromStored(approvedAt.get(row.id) ?? row.created_at);
    if (item.publishAt) {
      const planned = DateTime.fromISO(item.publishAt.replace(' ', 'T'), { zone });
      if (planned.isValid && planned > at) at = planned;
    }
    const entry: BulletinEntry = { item, at: toStored(at) };
    const url = urls.get(row.id);
    if (url) entry.url = url;
    return entry;
  });
}

/** Entries of a window, as `entriesFor` is asked: after `since`, up to `until`. */
function inWindow(entries: BulletinEntry[], window: { since: DateTime; until: DateTime }) {
  const since = window.since.toMillis();
  const until = window.until.toMillis();
  return entries.filter((e) => {
    const ms = Date.parse(e.at);
    return ms > since && ms <= until;
  });
}

/**
 * The BulletinEntrySource over the store. An issue window without any entry is refused
 * (`BULLETIN_ISSUE_EMPTY`, permanent): an empty issue is reported missed, never sent.
 */
export function storeEntrySource(
  db: StoreDb,
  options: StoreEntryOptions = {},
): BulletinEntrySource {
  return {
    async entriesFor(channel, window, signal) {
      const entries = inWindow(await bulletinEntries(db, channel, options), window);
      signal.throwIfAborted();
      if (entries.length === 0) {
        throw new LoaError('BULLETIN_ISSUE_EMPTY', {
          params: {
            channel,
            since: window.since.toISO() ?? '',
            until: window.until.toISO() ?? '',
          },
          failure: 'permanent',
        });
      }
      return entries;
    },
  };
}

/**
 * The adapter factory the registry uses for `kind: bulletin`: the bulletin adapter over the
 * store's approved items. Needs `store` in the adapter options (set by `buildAdapters`).
 */
export const storeBulletinAdapter: AdapterFactory = (options) => {
  if (!options.store) {
    throw new LoaError('INTERNAL', {
      params: { detail: `bulletin channel ${options.channel.id} needs the store` },
    });
  }
  const channel = options.channel as BulletinChannel;
  const zone = options.zone ?? DEFAULT_ZONE;
  const source = storeEntrySource(options.store, {
    zone,
    ...(channel.portal ? { portal: channel.portal } : {}),
  });
  return createBulletinAdapter({ entries: source, zone })(options);
};
