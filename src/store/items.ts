import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../model/canonical-json.js';
import type { ContentItem } from '../model/item.js';
import { dbOf } from './handle.js';
import { reusableQuery } from './reusable-query.js';
import type { ItemEventRow, ItemRow, ItemSource, ItemStatus } from './schema.js';
import type { Db } from './types.js';

/** SHA-256 of an item's canonical JSON: what tells one version from another. */
export function contentHash(item: ContentItem): string {
  return createHash('sha256').update(canonicalJson(item)).digest('hex');
}

/** Who did something and when: every state change carries both. */
export interface Actor {
  actor: string;
  /** UTC ISO. */
  at: string;
}

const findItemQuery = reusableQuery((db, _shape, id: string) =>
  db.selectFrom('items').selectAll().where('id', '=', id),
);

/** The current row of an item, or undefined. */
export async function findItem(on: Db, id: string): Promise<ItemRow | undefined> {
  const db = dbOf(on);
  return (await findItemQuery(db, '', id)).rows[0];
}

/** The stored document of one version of an item. */
/**
 * Several item versions in one query, by `id@version`; versions never change once written,
 * so they can be read ahead of the moment they are used.
 */
export async function itemVersions(
  on: Db,
  wanted: readonly { id: string; version: number }[],
): Promise<Map<string, ContentItem>> {
  const db = dbOf(on);
  const found = new Map<string, ContentItem>();
  if (wanted.length === 0) return found;
  const keys = new Set(wanted.map((w) => `${w.id}@${w.version}`));
  const rows = await db
    .selectFrom('item_versions')
    .select(['item_id', 'version', 'document'])
    .where('item_id', 'in', [...new Set(wanted.map((w) => w.id))])
    .execute();
  for (const row of rows) {
    const key = `${row.item_id}@${Number(row.version)}`;
    if (keys.has(key)) found.set(key, JSON.parse(row.document) as ContentItem);
  }
  return found;
}

export async function itemVersion(
  on: Db,
  id: string,
  version: number,
): Promise<ContentItem | undefined> {
  const document = await itemVersionDocument(on, id, version);
  return document === undefined ? undefined : (JSON.parse(document) as ContentItem);
}

/** Records a state change of an item (and nothing when the state is unchanged). */
export async function setItemStatus(
  on: Db,
  item: Pick<ItemRow, 'id' | 'version' | 'status'>,
  to: ItemStatus,
  by: Actor,
  reason: string | null = null,
): Promise<void> {
  const tx = dbOf(on);
  if (item.status === to) return;
  await setStatusQuery(tx, '', item.id, to, by.at);
  await itemEventQuery(tx, '', item.id, item.version, item.status, to, by.actor, by.at, reason);
}

const setStatusQuery = reusableQuery((db, _shape, id: string, to: ItemStatus, at: string) =>
  db.updateTable('items').set({ status: to, updated_at: at }).where('id', '=', id),
);

const itemEventQuery = reusableQuery(
  (
    db,
    _shape,
    id: string,
    version: number,
    from: ItemStatus | null,
    to: ItemStatus,
    actor: string,
    at: string,
    reason: string | null,
  ) =>
    db.insertInto('item_events').values({
      item_id: id,
      version,
      from_status: from,
      to_status: to,
      actor,
      at,
      reason,
    }),
);

/** What a new version of an item is made of. */
export interface ItemVersionInput {
  item: ContentItem;
  source: ItemSource;
  path: string;
  /** The state the new version starts in (from its front matter). */
  status: ItemStatus;
}

/**
 * Stores a new version of an item when its content changed, and returns the row; returns
 * undefined when the stored current version already has this content (idempotent).
 */
export async function saveItemVersion(
  on: Db,
  input: ItemVersionInput,
  by: Actor,
): Promise<ItemRow | undefined> {
  const tx = dbOf(on);
  const hash = contentHash(input.item);
  const current = await findItem(on, input.item.id);
  if (current && current.content_hash === hash) return undefined;
  const version = (current?.version ?? 0) + 1;
  await tx
    .insertInto('item_versions')
    .values({
      item_id: input.item.id,
      version,
      content_hash: hash,
      document: canonicalJson(input.item),
      created_at: by.at,
    })
    .execute();
  if (current) {
    await tx
      .updateTable('items')
      .set({
        version,
        content_hash: hash,
        path: input.path,
        source: input.source,
        updated_at: by.at,
      })
      .where('id', '=', current.id)
      .execute();
  } else {
    await tx
      .insertInto('items')
      .values({
        id: input.item.id,
        source: input.source,
        path: input.path,
        version,
        content_hash: hash,
        status: input.status,
        slot_override: null,
        created_at: by.at,
        updated_at: by.at,
      })
      .execute();
  }
  const reason = current ? `version ${version}` : 'created';
  await tx
    .insertInto('item_events')
    .values({
      item_id: input.item.id,
      version,
      from_status: current?.status ?? null,
      to_status: input.status,
      actor: by.actor,
      at: by.at,
      reason,
    })
    .execute();
  if (current && current.status !== input.status) {
    await tx
      .updateTable('items')
      .set({ status: input.status })
      .where('id', '=', current.id)
      .execute();
  }
  return findItem(on, input.item.id);
}

/**
 * Items not withdrawn whose current version's document mentions `word` as a JSON string
 * (`"loa-vu-ninh"`), oldest first, each with that document: what may be meant for a channel,
 * read in one query. A caller checks the parsed document (the word may stand elsewhere in it).
 */
export async function currentItemsMentioning(
  on: Db,
  word: string,
): Promise<{ row: ItemRow; item: ContentItem }[]> {
  const db = dbOf(on);
  // LIKE's wildcards in the word are escaped, so it matches only the word itself.
  const pattern = `%${JSON.stringify(word).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('items')
    .innerJoin('item_versions', (join) =>
      join
        .onRef('item_versions.item_id', '=', 'items.id')
        .onRef('item_versions.version', '=', 'items.version'),
    )
    .selectAll('items')
    .select('item_versions.document')
    .where('items.status', '!=', 'withdrawn')
    .where(sql<boolean>`item_versions.document like ${pattern} escape '\\'`)
    .orderBy('items.created_at')
    .orderBy('items.id')
    .execute();
  return rows.map(({ document, ...row }) => ({
    row,
    item: JSON.parse(document) as ContentItem,
  }));
}

/** Filters for listing items. */
export interface ItemFilter {
  status?: ItemStatus;
  source?: ItemSource;
}

/** Items, oldest first. */
export function listItems(on: Db, filter: ItemFilter = {}): Promise<ItemRow[]> {
  const db = dbOf(on);
  let query = db.selectFrom('items').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.source) query = query.where('source', '=', filter.source);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** The state changes of an item, in order. */
export function itemEvents(on: Db, id: string): Promise<ItemEventRow[]> {
  const db = dbOf(on);
  return db.selectFrom('item_events').selectAll().where('item_id', '=', id).orderBy('id').execute();
}

/** How many items are in a status (`loa start` counts the drafts). */
export async function countItemsWithStatus(on: Db, status: ItemStatus): Promise<number> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The reason of an item's latest state change (undefined when it has none). */
export async function lastEventReason(on: Db, id: string): Promise<string | null | undefined> {
  const db = dbOf(on);
  const last = await db
    .selectFrom('item_events')
    .select('reason')
    .where('item_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.reason;
}

/** The stored JSON text of one version of an item, as written (undefined when there is none). */
export async function itemVersionDocument(
  on: Db,
  id: string,
  version: number,
): Promise<string | undefined> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('item_versions')
    .select('document')
    .where('item_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.document;
}

/** Who wrote a version of an item: the actor of the event that saved it. */
export async function versionAuthor(
  on: Db,
  id: string,
  version: number,
): Promise<string | undefined> {
  const db = dbOf(on);
  const saved = await db
    .selectFrom('item_events')
    .select('actor')
    .where('item_id', '=', id)
    .where('version', '=', version)
    .where((eb) => eb.or([eb('reason', '=', 'created'), eb('reason', '=', `version ${version}`)]))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return saved?.actor;
}

/**
 * Fixes an item's slot (`slot`, UTC ISO) in place of the planned one and records it; a
 * failed item goes back to approved so it is planned again.
 */
export async function setSlotOverride(
  on: Db,
  item: Pick<ItemRow, 'id' | 'version' | 'status'>,
  slot: string,
  by: Actor,
): Promise<void> {
  const tx = dbOf(on);
  await tx
    .updateTable('items')
    .set({ slot_override: slot, updated_at: by.at })
    .where('id', '=', item.id)
    .execute();
  await tx
    .insertInto('item_events')
    .values({
      item_id: item.id,
      version: item.version,
      from_status: item.status,
      to_status: item.status === 'failed' ? 'approved' : item.status,
      actor: by.actor,
      at: by.at,
      reason: `rescheduled to ${slot}`,
    })
    .execute();
  if (item.status === 'failed') {
    await tx.updateTable('items').set({ status: 'approved' }).where('id', '=', item.id).execute();
  }
}

/** Who approved one version of an item, and when (UTC). */
export interface Approval {
  actor: string;
  at: string;
  version: number;
  /** The content hash of the version approved: what the approval is bound to. */
  contentHash: string;
}
