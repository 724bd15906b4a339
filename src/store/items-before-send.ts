import { type RawBuilder, sql } from 'kysely';
import { dbOf } from './handle.js';
import { chunks, compilable, reusableQuery } from './reusable-query.js';
import type { ItemRow } from './schema.js';
import type { Db } from './types.js';

/** An item as the dispatcher reads it right before a send of one of its publications. */
export interface ItemBeforeSend {
  item: ItemRow;
  /** loa itself took a post of the item on the publication's channel down before. */
  withdrawnByLoa: boolean;
}

/**
 * The items of publications, by publication key, as the dispatcher re-reads them right
 * before the sends, and whether loa itself took a post of each item on the publication's
 * channel down before (a publication of it other than this one recorded withdrawn): one
 * query per 32 publications. A publication whose item is gone is missing from the map.
 */
export async function itemsBeforeSend(
  on: Db,
  keys: readonly string[],
): Promise<Map<string, ItemBeforeSend>> {
  const db = dbOf(on);
  const found = new Map<string, ItemBeforeSend>();
  const unique = [...new Set(keys)];
  for (const part of chunks(unique)) {
    const { rows } = await beforeSendQuery(db, String(part.length), ...part);
    for (const { publication_key, withdrawn_by_loa, ...item } of rows) {
      found.set(publication_key, { item, withdrawnByLoa: Boolean(Number(withdrawn_by_loa)) });
    }
  }
  return found;
}

type BeforeSendRow = ItemRow & { publication_key: string; withdrawn_by_loa: unknown };

const beforeSendQuery = reusableQuery((db, _shape, ...keys: string[]) => {
  const query: RawBuilder<BeforeSendRow> = sql`select i.*, p.key as publication_key,
      exists (select 1 from publications w
        where w.channel_id = p.channel_id and w.item_id = p.item_id
          and w.status = 'withdrawn' and w.key != p.key) as withdrawn_by_loa
    from publications p join items i on i.id = p.item_id
    where p.key in (${sql.join(keys)})`;
  return compilable(db, query);
});
