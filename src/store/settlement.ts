import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dbOf, txOf } from './handle.js';
import { type Actor, findItem, setItemStatus } from './items.js';
import { settlePublication } from './publications.js';
import { chunks, compilable, reusableQuery } from './reusable-query.js';
import {
  type Database,
  type ItemStatus,
  type PublicationRow,
  type PublicationUpdate,
  UNAPPROVED,
} from './schema.js';
import type { Db } from './types.js';

/** What the dispatcher writes for one claimed publication it handled. */
export interface PublicationSettlement {
  key: string;
  itemId: string;
  /** The publication's new columns (the lease is given back in any case). */
  change: PublicationUpdate;
  /** The attempt as recorded in `publication_attempts`. */
  attempt: { attempt: number; at: string; outcome: string; detail: string | null };
  /** The publication reached a final state: its item's state is derived again. */
  final: boolean;
  /** The remote copy was found withdrawn: the item is recorded withdrawn, with this reason. */
  withdrawItem?: string;
}

/**
 * Settles a batch of publications leased to `worker`, inside the caller's transaction: one
 * UPDATE per shape of change (all the successes of a batch share one), one INSERT of their
 * attempts, and each touched item's state derived once. A publication whose lease was lost
 * is left alone (another worker reconciles it). Returns the keys that were settled.
 *
 * NOTE: a statement per publication cost more than the dispatcher's own work (see
 * tests/bench/dispatch.bench.ts); exactly-once does not depend on it: a batch commits
 * whole or not at all, and an unsettled lease is looked up with the adapter's `find`.
 */
export async function settlePublications(
  on: Db,
  worker: string,
  settlements: readonly PublicationSettlement[],
  by: Actor,
): Promise<Set<string>> {
  const tx = dbOf(on);
  const kept = new Set<string>();
  for (const group of byShape(settlements)) {
    for (const part of chunks(group)) {
      for (const key of await updateLeased(tx, worker, part)) kept.add(key);
    }
  }
  const settled = settlements.filter((s) => kept.has(s.key));
  for (const part of chunks(settled)) {
    const values = part.flatMap((s) => [
      s.key,
      s.attempt.attempt,
      worker,
      s.attempt.at,
      s.attempt.outcome,
      s.attempt.detail,
    ]);
    await attemptsQuery(tx, String(part.length), ...values);
  }
  for (const s of settled) {
    if (s.withdrawItem === undefined) continue;
    const item = await findItem(on, s.itemId);
    if (item) await setItemStatus(on, item, 'withdrawn', by, s.withdrawItem);
  }
  const items = settled.filter((s) => s.final).map((s) => s.itemId);
  await settleItemStatuses(on, items, by);
  return kept;
}

/** Arguments `from..from+count` of a flat list, one tuple of `width` per row. */
function tuples(values: readonly unknown[], width: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < values.length; i += width) rows.push(values.slice(i, i + width));
  return rows;
}

/** Attempts of several publications: `shape` is their number; six values a row. */
const attemptsQuery = reusableQuery((db, _shape, ...values: unknown[]) =>
  db.insertInto('publication_attempts').values(
    tuples(values, 6).map(([key, attempt, worker, at, outcome, detail]) => ({
      publication_key: key as string,
      attempt: attempt as number,
      worker: worker as string,
      at: at as string,
      outcome: outcome as string,
      detail: detail as string | null,
    })),
  ),
);

/** Settlements grouped by the columns they change, in their order. */
function byShape(settlements: readonly PublicationSettlement[]): PublicationSettlement[][] {
  const groups = new Map<string, PublicationSettlement[]>();
  for (const s of settlements) {
    const shape = Object.keys(s.change).sort().join(',');
    const group = groups.get(shape);
    if (group) group.push(s);
    else groups.set(shape, [s]);
  }
  return [...groups.values()];
}

/** Integer columns of `publications`: PostgreSQL types a VALUES list's parameters as text. */
const INTEGER_COLUMNS = new Set(['attempts', 'needs_reconcile', 'item_version', 'evidence_index']);

/** Updates publications that share one shape of change; returns the keys still leased. */
async function updateLeased(
  tx: Kysely<Database>,
  worker: string,
  group: readonly PublicationSettlement[],
): Promise<string[]> {
  const first = group[0];
  if (!first) return [];
  const columns = Object.keys(first.change).sort() as (keyof PublicationUpdate & string)[];
  if (group.length === 1) {
    return (await settlePublication(txOf(tx), first.key, worker, first.change)) ? [first.key] : [];
  }
  const values = group.flatMap((s) => [s.key, ...columns.map((c) => s.change[c])]);
  const shape = `${columns.join(',')}|${group.length}`;
  const result = await settleManyQuery(tx, shape, worker, ...values);
  return result.rows.map((r) => r.key);
}

/**
 * Settles several publications with one UPDATE from a VALUES list: `shape` is the columns
 * changed and the number of rows; `values` each row's key, then its columns in that order.
 */
const settleManyQuery = reusableQuery((db, shape, worker: string, ...values: unknown[]) => {
  const columns = (shape.split('|')[0] ?? '').split(',');
  const value = (column: string, v: unknown): RawBuilder<unknown> =>
    INTEGER_COLUMNS.has(column) ? sql`cast(${v} as integer)` : sql`${v}`;
  const rows = tuples(values, columns.length + 1).map(
    ([key, ...row]) =>
      sql`(${sql.join([sql`${key}`, ...columns.map((c, i) => value(c, row[i]))])})`,
  );
  const names = sql.join(['key', ...columns].map((c) => sql.ref(c)));
  const sets = sql.join([
    ...columns.map((c) => sql`${sql.ref(c)} = ${sql.ref(`settled.${c}`)}`),
    sql`lease_owner = null`,
    sql`lease_until = null`,
  ]);
  return compilable(
    db,
    sql<{ key: string }>`
      with settled (${names}) as (values ${sql.join(rows)})
      update publications set ${sets}
      from settled
      where publications.key = settled.key and publications.lease_owner = ${worker}
      returning publications.key`,
  );
});

/** Publications that no longer say anything about the item's state. */
const ENDED = new Set(['cancelled', 'withdrawn']);

/**
 * Derives an active item's state from its publications: scheduled while any waits,
 * published when all went out, failed when any failed or was missed (cancelled ones, and
 * ones taken down before the item came back, do not count). Unapproved and withdrawn items keep
 * their state.
 */
export function derivedItemStatus(
  current: ItemStatus,
  publications: readonly string[],
): ItemStatus {
  if (UNAPPROVED.has(current) || current === 'withdrawn') return current;
  const counted = publications.filter((p) => !ENDED.has(p));
  if (counted.includes('scheduled')) return 'scheduled';
  if (counted.length === 0) return 'approved';
  if (counted.every((p) => p === 'published')) return 'published';
  return 'failed';
}

/** Derives one item's state again (see `derivedItemStatus`), recording a change. */
export function settleItemStatus(
  on: Db,
  itemId: string,
  by: Actor,
  reason: string | null = null,
): Promise<void> {
  return settleItemStatuses(on, [itemId], by, reason);
}

/** Items and the states of their publications: `shape` is the number of items. */
const itemStatesQuery = reusableQuery((db, _shape, ...ids: string[]) =>
  db
    .selectFrom('items')
    .leftJoin('publications', 'publications.item_id', 'items.id')
    .select(['items.id', 'items.version', 'items.status', 'publications.status as publication'])
    .where('items.id', 'in', ids),
);

/** Sets several items to one state: `shape` is their number. */
const itemsToQuery = reusableQuery((db, _shape, to: ItemStatus, at: string, ...ids: string[]) =>
  db.updateTable('items').set({ status: to, updated_at: at }).where('id', 'in', ids),
);

/** Item events: `shape` is their number; seven values a row. */
const itemEventsQuery = reusableQuery((db, _shape, ...values: unknown[]) =>
  db.insertInto('item_events').values(
    tuples(values, 7).map(([id, version, from, to, actor, at, reason]) => ({
      item_id: id as string,
      version: version as number,
      from_status: from as ItemStatus,
      to_status: to as ItemStatus,
      actor: actor as string,
      at: at as string,
      reason: reason as string | null,
    })),
  ),
);

/**
 * Derives the states of several items again (see `derivedItemStatus`): one read of the
 * items and their publications, one UPDATE per new state, one INSERT of the item events
 * (by chunks of 32 items).
 */
export async function settleItemStatuses(
  on: Db,
  itemIds: readonly string[],
  by: Actor,
  reason: string | null = null,
): Promise<void> {
  const tx = dbOf(on);
  for (const ids of chunks([...new Set(itemIds)])) {
    const { rows } = await itemStatesQuery(tx, String(ids.length), ...ids);
    const items = new Map<string, { version: number; status: ItemStatus; pubs: string[] }>();
    for (const row of rows) {
      let item = items.get(row.id);
      if (!item) {
        item = { version: row.version, status: row.status, pubs: [] };
        items.set(row.id, item);
      }
      if (row.publication !== null) item.pubs.push(row.publication);
    }
    const changes = [...items].flatMap(([id, item]) => {
      const to = derivedItemStatus(item.status, item.pubs);
      return to === item.status ? [] : [{ id, ...item, to }];
    });
    if (changes.length === 0) continue;
    for (const to of new Set(changes.map((c) => c.to))) {
      const moved = changes.filter((c) => c.to === to).map((c) => c.id);
      await itemsToQuery(tx, String(moved.length), to, by.at, ...moved);
    }
    const events = changes.flatMap((c) => [
      c.id,
      c.version,
      c.status,
      c.to,
      by.actor,
      by.at,
      reason,
    ]);
    await itemEventsQuery(tx, String(changes.length), ...events);
  }
}

/** A publication found past its channel's lateness limit, never held by any worker. */
export type Overdue = Pick<PublicationRow, 'key' | 'item_id' | 'slot' | 'attempts'>;

/**
 * A channel's scheduled publications whose slot is before `before` and that no worker holds
 * or may have sent (those are reconciled first, when claimed).
 */
export function overduePublications(on: Db, channelId: string, before: string): Promise<Overdue[]> {
  const tx = dbOf(on);
  return tx
    .selectFrom('publications')
    .select(['key', 'item_id', 'slot', 'attempts'])
    .where('channel_id', '=', channelId)
    .where('status', '=', 'scheduled')
    .where('slot', '<', before)
    .where('lease_owner', 'is', null)
    .where('needs_reconcile', '=', 0)
    .execute();
}

/**
 * Marks overdue publications missed, each with its reason, records the decision as an
 * attempt and derives their items' states again, inside the caller's transaction.
 */
export async function markMissed(
  on: Db,
  worker: string,
  missed: readonly { publication: Overdue; reason: string }[],
  by: Actor,
): Promise<void> {
  const tx = dbOf(on);
  if (missed.length === 0) return;
  for (const { publication, reason } of missed) {
    await tx
      .updateTable('publications')
      .set({ status: 'missed', reason, updated_at: by.at })
      .where('key', '=', publication.key)
      .where('status', '=', 'scheduled')
      .execute();
  }
  await tx
    .insertInto('publication_attempts')
    .values(
      missed.map(({ publication, reason }) => ({
        publication_key: publication.key,
        attempt: publication.attempts,
        worker,
        at: by.at,
        outcome: 'missed',
        detail: reason,
      })),
    )
    .execute();
  await settleItemStatuses(
    on,
    missed.map((m) => m.publication.item_id),
    by,
  );
}
