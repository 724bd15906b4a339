import { dbOf } from './handle.js';
import type { ItemSource, ItemStatus } from './schema.js';
import type { Db } from './types.js';

/** What a bulletin channel reads from items, item_events and publications (channels/bulletin). */

/** An item with the document of its current version. */
export interface CurrentItemRow {
  id: string;
  created_at: string;
  document: string;
}

/** Items in one of `states`, not made by `excludedSource`, with their current document, by id. */
export async function currentItemsIn(
  on: Db,
  states: readonly ItemStatus[],
  excludedSource: ItemSource,
): Promise<CurrentItemRow[]> {
  const db = dbOf(on);
  return db
    .selectFrom('items')
    .innerJoin('item_versions', (join) =>
      join
        .onRef('item_versions.item_id', '=', 'items.id')
        .onRef('item_versions.version', '=', 'items.version'),
    )
    .select(['items.id', 'items.created_at', 'item_versions.document'])
    .where('items.status', 'in', [...states])
    .where('items.source', '!=', excludedSource)
    .orderBy('items.id')
    .execute();
}

/** The moves of these items to `toStatus`, oldest first. */
export async function itemMovesTo(
  on: Db,
  itemIds: readonly string[],
  toStatus: string,
): Promise<{ item_id: string; from_status: string | null; at: string }[]> {
  const db = dbOf(on);
  return db
    .selectFrom('item_events')
    .select(['item_id', 'from_status', 'at'])
    .where('item_id', 'in', [...itemIds])
    .where('to_status', '=', toStatus)
    .orderBy('id')
    .execute();
}

/** The published publications of these items on one channel, with their URLs. */
export async function publishedUrls(
  on: Db,
  channelId: string,
  itemIds: readonly string[],
): Promise<{ item_id: string; url: string | null }[]> {
  const db = dbOf(on);
  return db
    .selectFrom('publications')
    .select(['item_id', 'url'])
    .where('channel_id', '=', channelId)
    .where('status', '=', 'published')
    .where('item_id', 'in', [...itemIds])
    .execute();
}
